ARG BASE=alpine
# expect: docker/untagged-image ${BASE}
FROM ${BASE}
# expect: docker/untagged-image debian
FROM debian AS second
