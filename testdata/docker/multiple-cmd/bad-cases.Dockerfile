FROM debian:12.5
CMD ["a"]
# expect: docker/multiple-cmd CMD
CMD ["b"]
