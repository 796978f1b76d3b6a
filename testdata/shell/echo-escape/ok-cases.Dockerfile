FROM debian:12.5
RUN printf 'line one\nline two\n' > /etc/motd
RUN echo "plain text" "cost \$5" "a\\qb"
