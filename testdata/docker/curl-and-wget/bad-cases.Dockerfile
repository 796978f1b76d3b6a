FROM debian:12.5
RUN curl -fsSLO https://a.example/x
# expect: docker/curl-and-wget wget
RUN wget -q https://b.example/y
