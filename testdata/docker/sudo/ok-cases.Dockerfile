FROM debian:12.5
USER root
RUN apt-get update && echo sudo
USER app
