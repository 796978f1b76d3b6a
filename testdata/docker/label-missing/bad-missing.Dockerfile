# settings: label-schema = { "org.opencontainers.image.source" = "url", "org.opencontainers.image.version" = "semver" }
FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
# The image: one finding names every missing label.
# expect: docker/label-missing debian:12.5
FROM debian:12.5
COPY --from=build /out/app /usr/local/bin/app
# Another image of the same file (a --target): it inherits the source label of its base.
FROM debian:12.5 AS base
LABEL org.opencontainers.image.source="https://github.com/example/shop"
# expect: docker/label-missing base
FROM base AS tools
