FROM debian:12.5
LABEL org.opencontainers.image.authors="jane@example.com"
