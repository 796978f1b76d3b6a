FROM debian:12.5
SHELL ["/bin/bash", "-c"]
RUN eval "list=(a b)" && echo "${list[0]}"
