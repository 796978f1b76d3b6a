FROM debian:12.5
# expect: shell/not-posix [[ -f /etc/debian_version ]]
RUN [[ -f /etc/debian_version ]] && echo debian
# expect: shell/not-posix source /etc/os-release
RUN source /etc/os-release
# expect: shell/not-posix {1..3}
RUN for i in {1..3}; do echo "$i"; done
# expect: shell/not-posix (a b)
RUN list=(a b)
# expect: shell/not-posix <<< "$VERSION"
RUN cut -d. -f1 <<< "$VERSION"
# expect: shell/not-posix &> /dev/null
RUN ls &> /dev/null
# expect: shell/not-posix ${VERSION:0:3}
RUN echo "${VERSION:0:3}"
# expect: shell/not-posix ${VERSION//./-}
RUN echo "${VERSION//./-}"
# expect: shell/not-posix echo -e "a\tb"
RUN echo -e "a\tb"
# expect: shell/not-posix [ "$A" == b ]
RUN [ "$A" == b ] && echo same
# Alpine's sh is busybox ash: POSIX too.
FROM alpine:3.20
# expect: shell/not-posix [[ -n "$A" ]]
RUN [[ -n "$A" ]]
