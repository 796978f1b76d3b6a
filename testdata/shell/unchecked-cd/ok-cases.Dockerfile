FROM debian:12.5
RUN cd /src && make
RUN cd /src || exit 1; make
RUN set -e; cd /src; make
RUN set -eux; cd /src; make
RUN if cd /src; then make; fi
