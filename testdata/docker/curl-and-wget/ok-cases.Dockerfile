FROM debian:12.5
RUN curl -fsSLO https://a.example/x && curl -fsSLO https://b.example/y
