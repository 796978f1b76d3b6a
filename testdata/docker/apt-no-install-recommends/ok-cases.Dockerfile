FROM debian:12.5
RUN apt-get install -y --no-install-recommends curl=8.5.0-2 \
    && apt-get install -y -o APT::Install-Recommends=false git=1:2.39.2-1
