FROM debian:12.5
ARG app_version
ENV build_dir=/build
RUN echo "$app_version" "$build_dir" "$HOME" "${maybe:-default}"
RUN name=world; echo "hello $name"
RUN read -r line < /etc/hostname; echo "$line"
RUN for pkg in a b; do echo "$pkg"; done
RUN echo "${cache:=/tmp}" && echo "$cache"
FROM debian:12.5 AS child
# Inherited from nothing, but declared here.
ARG app_version
RUN echo "$app_version"
