FROM debian:12.5
# expect: shell/loop-over-one-word amd64
RUN for arch in amd64; do echo "building for $arch"; done
# A key list that kept one key, over continuation lines (a comment line inside a RUN is
# dropped by Docker).
RUN for key in \
# expect: shell/loop-over-one-word 6A010C5166006599AA17F08146C2130DFD2497F5
      6A010C5166006599AA17F08146C2130DFD2497F5 \
    ; do \
      gpg --batch --recv-keys "$key"; \
    done
# expect: shell/loop-over-one-word 3
RUN for i in 3; do echo "$i"; done
