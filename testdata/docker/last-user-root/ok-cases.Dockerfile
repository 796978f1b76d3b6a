FROM debian:12.5 AS build
USER root
FROM debian:12.5
USER root
RUN apt-get update
USER 1000:1000
