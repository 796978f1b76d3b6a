FROM python:3.13-slim
# expect: docker/tls-verification-disabled -fsSLk
RUN curl -fsSLk https://example.com/a -o /tmp/a
# expect: docker/tls-verification-disabled --no-check-certificate
RUN wget -q --no-check-certificate https://example.com/b
# expect: docker/tls-verification-disabled --trusted-host
RUN pip install --no-cache-dir --trusted-host pypi.example.com app==1.0
# expect: docker/tls-verification-disabled npm config set strict-ssl false
RUN npm config set strict-ssl false
# expect: docker/tls-verification-disabled http.sslVerify=false
RUN git -c http.sslVerify=false clone https://git.example.com/app.git
# expect: docker/tls-verification-disabled NODE_TLS_REJECT_UNAUTHORIZED=0
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
