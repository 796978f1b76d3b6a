FROM debian:12.5
# expect: shell/word-between-quotes b
RUN echo 'a'b'c'
# expect: shell/word-between-quotes world
RUN echo "hello "world" again"
# expect: shell/word-between-quotes host
RUN echo "http://"host"/path"
