FROM debian:12.5
# expect: docker/add-remote-without-checksum https://example.com/tool.tar.gz
ADD https://example.com/tool.tar.gz /opt/
