FROM debian:12.5
RUN make -j"$(nproc)"
RUN tar -C "$(mktemp -d)" -xf /tmp/app.tar
# Assignments are not split.
RUN dir=$(mktemp -d) && echo "$dir"
# seq prints numbers, which do not split.
RUN for i in $(seq 3); do echo "$i"; done && touch $(seq 3)
