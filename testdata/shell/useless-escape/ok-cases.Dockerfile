FROM debian:12.5
# Quoted, or a backslash before a character the shell treats specially.
RUN echo 'hello\world' "a\nb"
RUN echo \$HOME \"quoted\" a\ b \;
RUN find . -name \*.txt -exec rm {} \;
RUN echo one \
    two
