FROM debian:12.5
# A space after `=`: runs `make` with an empty CC.
# expect: shell/malformed-assignment CC=
RUN CC= make
# Spaces around `=`: runs a command named VERSION.
# expect: shell/malformed-assignment VERSION =
RUN VERSION = 1.2
# expect: shell/malformed-assignment mode==fast
RUN mode==fast
