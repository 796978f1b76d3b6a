FROM debian:12.5
SHELL ["/bin/bash", "-c"]
RUN versions=(1 2); echo "${versions[1]}"
RUN echo "$1[x]" "$HOME"/bin
