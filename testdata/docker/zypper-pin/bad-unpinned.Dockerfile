FROM opensuse/leap:15.6
# expect: docker/zypper-pin curl
RUN zypper -n install curl && zypper clean --all
# One of two is pinned.
# expect: docker/zypper-pin git-core
RUN zypper -n in --no-recommends tar=1.34 git-core && zypper clean --all
# A version in the name is not a pin: zypper reads `nano-7.2` as a package name.
# expect: docker/zypper-pin nano-7.2
RUN zypper -n install nano-7.2 && zypper clean --all
# Unquoted, `>=2.40` is a redirection, not part of the package.
# expect: docker/zypper-pin jq
RUN zypper -n install jq>=1.7 && zypper clean --all
