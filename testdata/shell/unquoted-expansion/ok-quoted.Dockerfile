FROM debian:12.5
ARG APP_HOME=/opt/app
RUN mkdir -p "$APP_HOME" "${APP_HOME}/bin" "$APP_HOME"/lib
# Assignments, [[ ]], case and a for list are not split.
RUN dir=$APP_HOME && export HOME_DIR=$APP_HOME && echo "$dir $HOME_DIR"
RUN if [[ -d $APP_HOME ]]; then echo ok; fi
RUN case $APP_HOME in /opt/*) echo opt ;; esac
RUN for f in $APP_HOME/*.conf; do echo "$f"; done
# Numbers and flags: status, count, PID, length, arithmetic.
RUN false || echo $? $# $$ ${#APP_HOME} $((1 + 2))
# $@ and arrays are other checks.
RUN set -- a b && printf '%s\n' $@
# Single quotes keep the text as it is.
RUN echo '$APP_HOME'
