FROM debian:12.5
RUN echo one
WORKDIR /x
RUN echo two
RUN echo three && echo four
RUN --mount=type=cache,target=/root/.cache echo five
