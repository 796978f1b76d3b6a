FROM debian:12.5
COPY a.txt b.txt /dest/
COPY a.txt /dest
ADD a.txt b.txt /other
