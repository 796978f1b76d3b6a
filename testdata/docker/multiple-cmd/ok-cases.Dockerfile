FROM debian:12.5 AS build
CMD ["a"]
FROM debian:12.5
CMD ["b"]
ONBUILD CMD ["c"]
