FROM debian:12.5
# expect: docker/workdir-relative app
WORKDIR app
