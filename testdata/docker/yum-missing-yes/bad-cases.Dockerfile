FROM centos:7
# expect: docker/yum-missing-yes yum
RUN yum install httpd-2.4.6 && yum clean all
