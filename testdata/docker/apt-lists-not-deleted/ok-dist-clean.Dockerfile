FROM debian:13
# `apt-get dist-clean` (apt 2.7.8 and later) removes the lists with the cache.
RUN apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates=20250419; \
    apt-get dist-clean
