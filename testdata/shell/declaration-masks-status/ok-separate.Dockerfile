FROM debian:12.5
RUN GNUPGHOME="$(mktemp -d)" && export GNUPGHOME && gpg --list-keys
RUN export MODE=release PATH="/opt/bin:$PATH" && echo "$MODE"
RUN f() { local arch; arch=$(dpkg --print-architecture); echo "$arch"; }; f
