# expect: docker/from-platform --platform=linux/amd64
FROM --platform=linux/amd64 debian:12.5
