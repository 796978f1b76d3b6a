FROM opensuse/leap:15.6
RUN zypper -n install curl=8.6.0 && zypper clean --all
RUN zypper -n in tar=1.34 && zypper -n clean
RUN zypper -n install gzip=1.12 && zypper cc -a
# Subcommands that download nothing to keep.
RUN zypper -n remove vim && zypper -n patch
