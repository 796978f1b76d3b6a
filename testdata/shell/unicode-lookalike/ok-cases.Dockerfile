FROM debian:12.5
# Inside quotes, they are text.
RUN echo "café “quoted”" ' '
RUN echo "$(date)"
