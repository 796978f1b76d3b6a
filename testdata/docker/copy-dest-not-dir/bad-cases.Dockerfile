FROM debian:12.5
# expect: docker/copy-dest-not-dir /dest
COPY a.txt b.txt /dest
# expect: docker/copy-dest-not-dir "/c"
COPY ["a.txt", "b.txt", "/c"]
