FROM debian:12.5
RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \
    && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh \
    && curl -fsSL https://example.com/x.tgz | tar xz \
    && curl -fsSL https://example.com/y | sh -c 'cat > /tmp/y'
