FROM debian:12.5
ADD vendor.tar.gz /opt/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /opt/tool
COPY app.py /app/
