FROM debian:12.5
# expect: docker/wget-no-progress wget
RUN wget https://example.com/big.tar.gz
