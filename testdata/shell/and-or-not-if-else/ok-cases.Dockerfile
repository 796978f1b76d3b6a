FROM debian:12.5
RUN make && make install || true
RUN make && make install || exit 1
RUN make && make install || echo "build failed"
RUN if make && make install || false; then echo ok; fi
RUN make || make clean && echo retried
