FROM centos:7
# expect: docker/yum-no-clean yum -y update
RUN yum -y update
