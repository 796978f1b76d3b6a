FROM debian:12.5
RUN greet() { echo "hi $1"; }; greet world
RUN (cd /tmp && ls)
