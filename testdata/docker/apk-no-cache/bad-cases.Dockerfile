FROM alpine:3.20
# expect: docker/apk-no-cache apk
RUN apk add curl=8.11.1-r0
