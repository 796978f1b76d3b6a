FROM fedora:40
RUN dnf install -y httpd-2.4.62 && microdnf install jq-1.7.1 && dnf clean all
