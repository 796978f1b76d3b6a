FROM debian:12.5
# expect: docker/apt-used apt
RUN apt install -y curl
