FROM debian:12.5
RUN for f in a b; do echo "$f"; done
RUN if true; then echo "done"; fi
RUN echo 'fi' done-marker
