# settings: label-schema = { "org.opencontainers.image.source" = "url", "org.opencontainers.image.created" = "rfc3339", "org.opencontainers.image.licenses" = "spdx", "org.opencontainers.image.revision" = "hash", "org.opencontainers.image.version" = "semver", "org.example.maintainer" = "email", "org.example.team" = "text" }
FROM debian:12.5
LABEL org.opencontainers.image.source="https://github.com/example/shop" \
      org.opencontainers.image.created="2024-05-01T12:00:00Z" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.revision="9fceb02d0ae598e95dc970b74767f19372d61af8" \
      org.opencontainers.image.version="2.1.0" \
      org.example.maintainer="shop@example.com" \
      org.example.team="web"
# expect: docker/label-empty ""
LABEL org.example.team=""
# expect: docker/label-empty org.opencontainers.image.version
LABEL org.opencontainers.image.version=
