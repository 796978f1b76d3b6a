# settings: label-schema = { "org.opencontainers.image.version" = "semver" }
FROM debian:12.5
LABEL org.opencontainers.image.version="2.1.0" build-host="ci-7"
