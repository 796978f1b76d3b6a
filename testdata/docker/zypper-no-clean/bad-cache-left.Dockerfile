FROM opensuse/leap:15.6
# expect: docker/zypper-no-clean zypper
RUN zypper -n install curl=8.6.0
# Cleaned in another RUN: the first layer keeps the cache.
# expect: docker/zypper-no-clean zypper
RUN zypper -n in tar=1.34
RUN zypper clean --all
# expect: docker/zypper-no-clean zypper
RUN zypper --non-interactive refresh && zypper --non-interactive install --no-recommends git-core=2.43.0
