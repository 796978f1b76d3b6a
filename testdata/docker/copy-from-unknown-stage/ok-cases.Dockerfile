FROM golang:1.23 AS build
FROM alpine:3.20
COPY --from=build /app /app
COPY --from=0 /app /app2
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx.conf
COPY --from=ghcr.io/example/tools:1 /bin/tool /bin/tool
