FROM debian:12.5
# Once per RUN: at the first unpinned package, naming every one.
# expect: docker/apt-pin curl
RUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.2-1.1 wget \
    ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# Two installs in one RUN are still one finding.
# expect: docker/apt-pin make
RUN apt-get update && apt-get install -y --no-install-recommends make \
 && apt-get install -y --no-install-recommends gcc \
 && rm -rf /var/lib/apt/lists/*
# Another RUN is another finding.
# expect: docker/apt-pin jq
RUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*
