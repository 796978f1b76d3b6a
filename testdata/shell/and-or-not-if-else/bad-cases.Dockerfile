FROM debian:12.5
# expect: shell/and-or-not-if-else &&
RUN make && make install || rm -rf build
# expect: shell/and-or-not-if-else &&
RUN test -f x && rm x || false
