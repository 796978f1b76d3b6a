FROM opensuse/leap:15.6
# The cache folder is removed or is a cache mount: nothing stays in the layer.
RUN zypper -n install curl=8.6.0 && rm -rf /var/cache/zypp/*
RUN --mount=type=cache,target=/var/cache/zypp zypper -n install git-core=2.43.0
