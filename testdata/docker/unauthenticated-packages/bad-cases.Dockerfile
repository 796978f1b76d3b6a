FROM debian:12.5
# expect: docker/unauthenticated-packages --allow-unauthenticated
RUN apt-get install -y --allow-unauthenticated curl
# expect: docker/unauthenticated-packages --nogpgcheck
RUN yum install -y --nogpgcheck httpd
# expect: docker/unauthenticated-packages --allow-untrusted
RUN apk add --allow-untrusted /tmp/local.apk
