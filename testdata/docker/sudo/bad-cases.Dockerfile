FROM debian:12.5
# expect: docker/sudo sudo
RUN sudo apt-get update
