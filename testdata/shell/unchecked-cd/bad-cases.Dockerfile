FROM debian:12.5
# expect: shell/unchecked-cd cd /src
RUN cd /src; make
# expect: shell/unchecked-cd cd build
RUN (cd build; make)
