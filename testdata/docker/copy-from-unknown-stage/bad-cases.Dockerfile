FROM golang:1.23 AS build
FROM alpine:3.20
# expect: docker/copy-from-unknown-stage --from=biuld
COPY --from=biuld /app /app
