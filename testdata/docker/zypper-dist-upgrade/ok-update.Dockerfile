FROM opensuse/leap:15.6
# Updates within the release and patches are not a distribution upgrade.
RUN zypper -n update && zypper clean --all
RUN zypper -n patch && zypper clean --all
# The word as an argument, not the subcommand.
RUN echo "no zypper dup here" && zypper -n search dup
