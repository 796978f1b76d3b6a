FROM fedora:40
RUN dnf -y upgrade && dnf clean all
RUN microdnf update -y && microdnf clean all
RUN dnf -y upgrade && rm -rf /var/cache/dnf
