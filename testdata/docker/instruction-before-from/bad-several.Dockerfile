# expect: docker/instruction-before-from LABEL
LABEL org.opencontainers.image.title=app
# Each one is reported, and the other checks still read it.
# expect: docker/instruction-before-from RUN
# expect: docker/apt-missing-yes apt-get
RUN apt-get install --no-install-recommends curl=8.5.0-2
ARG VERSION=12.5
FROM debian:${VERSION}
