FROM opensuse/tumbleweed
# expect: docker/zypper-dist-upgrade zypper
RUN zypper --non-interactive dist-upgrade && zypper clean --all
# expect: docker/zypper-dist-upgrade zypper
RUN zypper refresh && zypper -n dup --no-recommends
# expect: docker/zypper-dist-upgrade zypper
RUN zypper --gpg-auto-import-keys -n dup
