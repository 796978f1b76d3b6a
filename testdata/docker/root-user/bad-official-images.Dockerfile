# Docker's official images run as root, however they are named.
FROM docker.io/library/node:22 AS web
RUN npm ci --omit=dev
# expect: docker/root-user library/debian:bookworm-slim
FROM library/debian:bookworm-slim
CMD ["/app/server"]
