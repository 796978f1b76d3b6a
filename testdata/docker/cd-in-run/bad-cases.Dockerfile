FROM debian:12.5
RUN make -C /other \
# expect: docker/cd-in-run cd
    && cd /src && make
