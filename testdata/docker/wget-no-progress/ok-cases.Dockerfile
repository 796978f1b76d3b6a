FROM debian:12.5
RUN wget -q https://example.com/a \
    && wget --progress=dot:giga https://example.com/b \
    && wget -nv https://example.com/c \
    && wget -qO- https://example.com/d > /tmp/d
