# expect: docker/latest-tag node:latest
FROM node:latest
