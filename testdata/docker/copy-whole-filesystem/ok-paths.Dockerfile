FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
FROM debian:12.5 AS runtime
COPY --from=build /out/app /usr/local/bin/app
# Into a folder of its own, not over the root.
COPY --from=build / /rootfs/
COPY --from=build /. /srv/
# Onto scratch: the squash idiom, nothing is overwritten.
FROM scratch
COPY --from=runtime / /
