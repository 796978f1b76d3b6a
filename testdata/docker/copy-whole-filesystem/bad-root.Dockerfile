FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
FROM debian:12.5
# expect: docker/copy-whole-filesystem /
COPY --from=build / /
# expect: docker/copy-whole-filesystem "/"
COPY --from=build --chown=10001 ["/", "/"]
# An image, not a stage.
# expect: docker/copy-whole-filesystem /
COPY --from=alpine:3.20 / /
# One source among others is the root.
# expect: docker/copy-whole-filesystem /
COPY --from=0 /out / /
