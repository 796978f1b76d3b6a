FROM debian:12.5
# The POSIX forms.
RUN [ -f /etc/debian_version ] && . /etc/os-release && echo "${VERSION:-none}" "$((1 + 2))"
RUN printf 'a\tb\n' >/dev/null 2>&1
FROM debian:12.5 AS bash-stage
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN [[ -f /etc/debian_version ]] && source /etc/os-release && list=(a b) && echo "${list[0]}"
FROM debian:12.5
# Handed to bash explicitly.
RUN ["bash", "-c", "[[ -f /x ]] && echo yes"]
RUN bash <<EOF
[[ -f /x ]] && echo yes
EOF
