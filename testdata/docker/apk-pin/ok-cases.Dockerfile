FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0 "musl-dev>1.2" /tmp/local.apk
