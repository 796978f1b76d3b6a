# Without a label schema nothing is required.
FROM debian:12.5
RUN true
