FROM centos:7
# expect: docker/yum-no-clean yum install -y httpd-2.4.6
RUN yum install -y httpd-2.4.6
