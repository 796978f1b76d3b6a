# One per stage: each stage is its own image.
FROM golang:1.23 AS build
HEALTHCHECK NONE
FROM nginx:1.27
HEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1
# An ONBUILD one runs in the build of another image.
ONBUILD HEALTHCHECK CMD true
