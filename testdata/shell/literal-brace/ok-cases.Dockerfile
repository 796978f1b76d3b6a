FROM debian:12.5
RUN find . -name '*.tmp' -exec rm {} \;
RUN mkdir -p /opt/{bin,lib} && echo {1..3}
RUN echo "${HOME}" '{literal}' "{quoted}"
RUN { echo a; echo b; } > /tmp/out
