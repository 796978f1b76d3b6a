FROM fedora:40
# An upgrade fills the cache as an install does.
# expect: docker/dnf-no-clean dnf -y upgrade
RUN dnf -y upgrade
# expect: docker/dnf-no-clean microdnf update
RUN microdnf update -y
# expect: docker/dnf-no-clean dnf distro-sync
RUN dnf distro-sync -y
