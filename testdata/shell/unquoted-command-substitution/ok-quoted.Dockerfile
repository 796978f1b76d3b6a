FROM debian:12.5
RUN make -j"$(nproc)"
RUN tar -C "$(mktemp -d)" -xf /tmp/app.tar
# Assignments are not split.
RUN dir=$(mktemp -d) && echo "$dir"
# `echo $(…)`, `$(echo …)` and backquotes are ShellCheck's other codes; seq prints numbers.
RUN echo $(date)
RUN ls $(echo /tmp)
RUN ls `pwd`
RUN for i in $(seq 3); do echo "$i"; done && touch $(seq 3)
