# escape=`
# check: docker/apt-pin
# check: docker/workdir-relative
# check: docker/parse-error
FROM debian:12.5
WORKDIR C:\app
RUN apt-get update `
# expect: docker/apt-pin curl
    && apt-get install -y --no-install-recommends curl `
    && rm -rf /var/lib/apt/lists/*
