FROM debian:12.5
SHELL ["/bin/bash", "-c"]
# expect: shell/eval-special-characters eval list=(a b)
RUN eval list=(a b)
