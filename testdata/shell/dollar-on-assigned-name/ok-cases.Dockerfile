FROM debian:12.5
RUN VERSION=1.2
RUN for pkg in curl git; do echo "$pkg"; done
RUN echo "$VERSION=1.2" && echo $VERSION==x
