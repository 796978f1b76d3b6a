FROM opensuse/leap:15.6
RUN zypper -n install curl=8.6.0 && zypper clean --all
RUN zypper --non-interactive in wget=1.21.4 && zypper clean --all
RUN zypper install -y git=2.43.0 && zypper clean --all
RUN zypper install --no-confirm jq=1.7.1 && zypper clean --all
RUN zypper -nq remove vim
RUN zypper --non-interactive patch
# Subcommands that do not ask, or that hadolint does not check.
RUN zypper refresh && zypper update && zypper search vim
RUN zypper addrepo https://download.opensuse.org/repositories/devel:/tools/15.6/ devel-tools
