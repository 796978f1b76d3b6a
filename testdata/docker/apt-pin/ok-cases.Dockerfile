FROM debian:12.5
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl=8.5.0-2 ./local.deb \
    && apt-get -t bookworm-backports install -y --no-install-recommends git=1:2.43.0-1 \
    && rm -rf /var/lib/apt/lists/*
