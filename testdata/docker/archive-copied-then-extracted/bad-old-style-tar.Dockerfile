FROM alpine:3.20
# tar's old-style first argument (no dash) extracts too; hadolint does not see it.
# expect: docker/archive-copied-then-extracted rootfs.tgz
COPY rootfs.tgz /
RUN tar xzf /rootfs.tgz -C / && rm /rootfs.tgz
