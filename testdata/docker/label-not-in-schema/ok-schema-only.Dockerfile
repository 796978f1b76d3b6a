# settings: label-schema = { "org.opencontainers.image.version" = "semver" }
# settings: strict-labels = true
FROM debian:12.5
LABEL org.opencontainers.image.version="2.1.0"
# A key built from a variable is not judged.
ARG NS=org.example
LABEL ${NS}.team="web"
