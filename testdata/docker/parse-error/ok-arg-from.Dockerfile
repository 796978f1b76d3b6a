# check: docker/latest-tag
# check: docker/untagged-image
ARG TAG=latest
ARG IMAGE
# expect: docker/latest-tag node:${TAG}
FROM node:${TAG}
# expect: docker/untagged-image ${IMAGE:-debian}
FROM ${IMAGE:-debian}
FROM ${IMAGE:-debian}:12.5
