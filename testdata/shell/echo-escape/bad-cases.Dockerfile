FROM debian:12.5
# expect: shell/echo-escape "line one\nline two"
RUN echo "line one\nline two" > /etc/motd
# expect: shell/echo-escape 'a\tb'
RUN echo 'a\tb'
