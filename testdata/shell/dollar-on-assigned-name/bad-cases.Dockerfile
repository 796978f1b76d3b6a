FROM debian:12.5
# expect: shell/dollar-on-assigned-name $VERSION=1.2
RUN $VERSION=1.2
# expect: shell/dollar-on-assigned-name ${DIR}=/opt
RUN ${DIR}=/opt
# expect: shell/dollar-on-assigned-name $pkg
RUN for $pkg in curl git; do echo "$pkg"; done
