FROM debian:12.5
RUN for arch in amd64 arm64; do echo "$arch"; done
RUN for f in /etc/*.conf; do echo "$f"; done
RUN for i in {1..3}; do echo "$i"; done
RUN for f in $FILES; do echo "$f"; done
# A quoted expansion is ShellCheck's SC2066, not this.
RUN for f in "$FILES"; do echo "$f"; done
RUN for ((i = 0; i < 3; i++)); do echo "$i"; done
