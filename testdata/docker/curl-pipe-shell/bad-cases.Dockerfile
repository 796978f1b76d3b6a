FROM debian:12.5
# expect: docker/curl-pipe-shell sh
RUN curl -fsSL https://get.example.com | sh
# expect: docker/curl-pipe-shell sudo
RUN wget -qO- https://example.com/install.sh | sudo bash -s -- --yes
# expect: docker/curl-pipe-shell "$(curl -fsSL https://example.com/install.sh)"
RUN sh -c "$(curl -fsSL https://example.com/install.sh)"
