FROM debian:12.5
ARG VENDOR=org.example
# The key comes from a build argument: its value is not known here.
LABEL ${VENDOR}.component="api"
