FROM debian:12.5
# expect: shell/missing-space [
RUN if [-f /etc/os-release ]; then echo found; fi
# expect: shell/missing-space ]
RUN [ -d /opt] || mkdir /opt
# expect: shell/missing-space f
RUN function f{ echo hi; }; f
# A `#` glued to a word is not a comment.
# expect: shell/missing-space true#
RUN true# keep going
