FROM debian:12.5
# expect: docker/env-self-reference $DIR
ENV DIR=/opt/app BIN=$DIR/bin
