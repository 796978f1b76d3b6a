FROM debian:12.5
# expect: shell/declaration-masks-status GNUPGHOME="$(mktemp -d)"
RUN export GNUPGHOME="$(mktemp -d)" && gpg --list-keys
# expect: shell/declaration-masks-status VERSION=$(cat VERSION)
RUN set -e; export VERSION=$(cat VERSION) MODE=release; echo "$VERSION $MODE"
# expect: shell/declaration-masks-status arch=$(dpkg --print-architecture)
RUN f() { local arch=$(dpkg --print-architecture); echo "$arch"; }; f
# expect: shell/declaration-masks-status NAME=prefix-$(hostname)
RUN readonly NAME=prefix-$(hostname) && echo "$NAME"
