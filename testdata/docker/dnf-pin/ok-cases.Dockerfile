FROM fedora:40
RUN dnf install -y httpd-2.4.62 @development-tools && dnf clean all
