FROM debian:12.5
WORKDIR /src
RUN make && echo cd
