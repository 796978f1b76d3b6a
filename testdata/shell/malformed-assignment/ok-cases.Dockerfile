FROM debian:12.5
RUN CC=gcc make
RUN CC='' make
RUN VERSION=1.2 && echo "$VERSION"
RUN [ "$MODE" = fast ] && echo fast
RUN if [ "$MODE" == fast ]; then echo fast; fi
RUN count+=1
RUN printf 'a b\n' | while IFS= read -r line; do echo "$line"; done
