FROM debian:12.5
# expect: docker/apt-missing-yes apt-get
RUN apt-get install --no-install-recommends curl=8.5.0-2
