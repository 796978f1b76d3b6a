FROM centos:7
RUN yum install -y httpd-2.4.6 && yum --assumeyes install mod_ssl-2.4.6 && yum clean all
