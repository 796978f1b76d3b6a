FROM debian:12.5
# A variable the Dockerfile does not declare (the image's environment, a build secret).
# expect: shell/unquoted-expansion $HOME
RUN mkdir -p $HOME/.config
# Inside a word, with braces, with a default, a positional parameter.
# expect: shell/unquoted-expansion $PREFIX
# expect: shell/unquoted-expansion ${VERSION}
RUN ln -s $PREFIX/bin/app-${VERSION} /usr/local/bin/app
# expect: shell/unquoted-expansion ${MODE:-release}
RUN make ${MODE:-release}
# The words of `[ ]` are split; a redirection's target too.
# expect: shell/unquoted-expansion $HOME
RUN if [ -d $HOME ]; then echo ok; fi
# expect: shell/unquoted-expansion $LOG
RUN date > $LOG
# Set by the script to a command's output, which may hold blanks.
# expect: shell/unquoted-expansion $dir
RUN dir=$(mktemp -d) && cd $dir
# A global ARG is not in scope in a stage that does not declare it again.
ARG GLOBAL_ONLY=/srv
FROM debian:12.5
# expect: shell/unquoted-expansion $GLOBAL_ONLY
RUN ls $GLOBAL_ONLY
