FROM alpine:3.20
# expect: docker/apk-pin gcc
RUN apk add --no-cache --virtual .build-deps gcc
