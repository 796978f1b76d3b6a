FROM centos:7
RUN yum -y update && yum clean all
RUN yum -y update && rm -rf /var/cache/yum
