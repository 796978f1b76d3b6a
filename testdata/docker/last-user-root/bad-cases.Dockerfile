FROM debian:12.5
USER app
RUN echo as app
# expect: docker/last-user-root root
USER root
CMD ["app"]
