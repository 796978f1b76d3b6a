# check: docker/apt-pin
# check: docker/sudo
FROM debian:12.5
RUN apt-get update \

    # a comment inside the continuation

    && apt-get install -y --no-install-recommends \
# expect: docker/apt-pin jq
        jq \
    && rm -rf /var/lib/apt/lists/*
# expect: docker/apt-pin make
RUN sh -c 'apt-get install -y --no-install-recommends make'
# expect: docker/sudo sudo
RUN (cd /tmp && sudo true) || { echo failed; exit 1; }
