# expect: docker/instruction-before-from LABEL
LABEL org.opencontainers.image.title=app
FROM debian:12.5
