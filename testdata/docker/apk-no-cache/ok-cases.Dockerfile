FROM alpine:3.20
RUN apk add --no-cache curl=8.11.1-r0
RUN --mount=type=cache,target=/var/cache/apk apk add git=2.45.2-r0
