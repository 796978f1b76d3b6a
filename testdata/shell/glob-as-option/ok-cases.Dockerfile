FROM debian:12.5
RUN rm ./*.txt && rm -- *.log && cp /src/*.conf /etc/
RUN echo * && printf '%s\n' *
RUN for f in *; do echo "$f"; done
