FROM debian:12.5
# expect: docker/parse-error FORM
FORM debian:12.5
RUN echo still analysed
# expect: docker/parse-error <<EOF
RUN cat <<EOF
this heredoc is never closed
