FROM opensuse/leap:15.6
RUN zypper -n install curl=8.6.0 && zypper clean --all
RUN zypper -n in --no-recommends 'git-core>=2.43' 'tar<2' && zypper clean --all
RUN zypper -n install /tmp/vendor-tool-3.1.0-1.x86_64.rpm && zypper clean --all
# The repository option takes a value, which is not a package.
RUN zypper -n install --repo devel-tools make=4.4.1 && zypper clean --all
# Removing needs no version.
RUN zypper -n remove vim
