FROM fedora:40
# expect: docker/dnf-no-clean dnf install -y httpd-2.4.62
RUN dnf install -y httpd-2.4.62
