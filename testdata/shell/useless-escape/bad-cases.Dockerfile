FROM debian:12.5
# expect: shell/useless-escape \w
RUN echo hello\world
# `\n` outside quotes is a plain `n`.
# expect: shell/useless-escape \n
RUN echo line\n
# expect: shell/useless-escape \d
RUN grep -E \d+ version.txt
