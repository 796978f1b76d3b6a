FROM debian:12.5
RUN if [ -f /etc/os-release ]; then echo found; fi
RUN [ -d /opt ] || mkdir /opt
RUN f() { echo hi; }; f
RUN true # keep going
RUN echo issue#42 && echo "$#"
