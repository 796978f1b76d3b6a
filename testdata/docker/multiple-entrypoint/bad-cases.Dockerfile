FROM debian:12.5
ENTRYPOINT ["a"]
# expect: docker/multiple-entrypoint ENTRYPOINT
ENTRYPOINT ["b"]
