# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended
FROM debian:12.5
run echo lowercase is fine
RUN <<EOF
echo closed
EOF
COPY <<-"CONF" /etc/app.conf
	key = value
	CONF
ONBUILD RUN echo later
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
LABEL maintainer "Jane Doe <jane@example.com>"
