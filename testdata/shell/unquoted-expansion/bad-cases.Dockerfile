FROM debian:12.5
ARG APP_HOME=/opt/app
# expect: shell/unquoted-expansion $APP_HOME
RUN mkdir -p $APP_HOME
# Inside a word, with braces, with a default, a positional parameter.
# expect: shell/unquoted-expansion $APP_HOME
# expect: shell/unquoted-expansion ${VERSION}
RUN ln -s $APP_HOME/bin/app-${VERSION} /usr/local/bin/app
# expect: shell/unquoted-expansion ${MODE:-release}
RUN make ${MODE:-release}
# The words of `[ ]` are split; a redirection's target too.
# expect: shell/unquoted-expansion $APP_HOME
RUN if [ -d $APP_HOME ]; then echo ok; fi
# expect: shell/unquoted-expansion $LOG
RUN date > $LOG
# In a command inside an assignment's substitution.
# expect: shell/unquoted-expansion $APP_HOME
RUN base=$(basename $APP_HOME) && echo "$base"
