FROM debian:12.5
SHELL ["/bin/bash", "-c"]
# expect: shell/array-without-braces $versions[1]
RUN versions=(1 2); echo "$versions[1]"
