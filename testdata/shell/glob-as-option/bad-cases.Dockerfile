FROM debian:12.5
# expect: shell/glob-as-option *.txt
RUN rm *.txt
# expect: shell/glob-as-option *
RUN tar czf /tmp/all.tgz *
