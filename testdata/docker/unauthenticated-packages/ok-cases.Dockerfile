FROM debian:12.5
RUN apt-get install -y curl && yum install -y httpd && apk add /tmp/local.apk
