FROM debian:12.5
# expect: docker/invalid-port 80000/tcp
EXPOSE 80 80000/tcp
# expect: docker/invalid-port 8000-70000
EXPOSE 8000-70000
