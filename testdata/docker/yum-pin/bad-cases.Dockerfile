FROM centos:7
# expect: docker/yum-pin httpd
RUN yum install -y httpd && yum clean all
