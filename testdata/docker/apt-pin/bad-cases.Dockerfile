FROM debian:12.5
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates=20230311 \
# expect: docker/apt-pin curl
        curl \
    && rm -rf /var/lib/apt/lists/*
# expect: docker/apt-pin "git"
RUN ["apt-get", "install", "-y", "--no-install-recommends", "git"]
