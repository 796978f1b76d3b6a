# check: docker/inline-ignore-pragma
FROM debian:12.5
# expect: docker/inline-ignore-pragma # hadolint ignore=DL3008
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# No space after the hash, several codes.
# expect: docker/inline-ignore-pragma #hadolint ignore=DL3003,DL3059
#hadolint ignore=DL3003,DL3059
RUN cd /tmp && echo ready
