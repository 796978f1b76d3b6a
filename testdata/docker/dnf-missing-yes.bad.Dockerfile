FROM fedora:40
# expect: docker/dnf-missing-yes dnf
RUN dnf install httpd-2.4.62 && dnf clean all
