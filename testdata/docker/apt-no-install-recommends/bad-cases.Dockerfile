FROM debian:12.5
# expect: docker/apt-no-install-recommends apt-get
RUN apt-get install -y curl=8.5.0-2
