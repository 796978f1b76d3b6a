FROM debian:12.5
RUN echo one
# a comment between them does not separate them
# expect: docker/consecutive-run RUN
RUN echo two
