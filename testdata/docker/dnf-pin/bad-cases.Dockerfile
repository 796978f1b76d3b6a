FROM fedora:40
# expect: docker/dnf-pin httpd
RUN dnf install -y httpd && dnf clean all
