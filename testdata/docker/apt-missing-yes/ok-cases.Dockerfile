FROM debian:12.5
RUN apt-get install -y --no-install-recommends curl=8.5.0-2 \
    && apt-get install -qq --no-install-recommends git=1:2.39.2-1 \
    && apt-get -qy install --no-install-recommends make=4.3-4.1 \
    && apt-get install --yes --no-install-recommends jq=1.6-2.1
