FROM opensuse/leap:15.6
# expect: docker/zypper-missing-yes zypper
RUN zypper install curl=8.6.0 && zypper clean --all
# expect: docker/zypper-missing-yes zypper
RUN zypper --quiet in wget=1.21.4 && zypper clean --all
# expect: docker/zypper-missing-yes zypper
RUN zypper remove vim
# expect: docker/zypper-missing-yes zypper
RUN zypper -q rm nano
# expect: docker/zypper-missing-yes zypper
RUN zypper source-install bash=5.2
# expect: docker/zypper-missing-yes zypper
RUN zypper patch
