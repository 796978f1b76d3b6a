FROM python:3.13-slim
RUN curl -fsSL https://example.com/a -o /tmp/a \
    && wget -q https://example.com/b \
    && git clone https://git.example.com/app.git \
    && npm config set strict-ssl true
ENV NODE_TLS_REJECT_UNAUTHORIZED=1
