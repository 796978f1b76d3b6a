FROM centos:7
RUN yum install -y httpd-2.4.6 /tmp/local.rpm && yum clean all
