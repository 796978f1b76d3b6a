# settings: label-schema = { "org.opencontainers.image.source" = "url", "org.opencontainers.image.version" = "semver" }
# A build stage is not an image: it needs no labels.
FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
FROM debian:12.5 AS base
LABEL org.opencontainers.image.source="https://github.com/example/shop"
# Inherited from the stage it is built on.
FROM base
LABEL org.opencontainers.image.version="2.1.0"
COPY --from=build /out/app /usr/local/bin/app
