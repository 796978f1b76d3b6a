FROM fedora:40
# expect: docker/dnf-missing-yes dnf
RUN dnf install httpd-2.4.62 && dnf clean all
# expect: docker/dnf-missing-yes microdnf
RUN microdnf install jq-1.7.1 && microdnf clean all
