FROM debian:12.5
RUN mkdir -p "$HOME" "${HOME}/bin" "$HOME"/lib
# Variables the stage declares with ARG or ENV are known to the build.
ARG APP_HOME=/opt/app
ENV APP_USER=app
RUN mkdir -p $APP_HOME && chown $APP_USER $APP_HOME
# Set by the script to one plain word first.
RUN dir=/opt/data && mkdir -p $dir && for d in a b; do mkdir $dir/$d; done
# Assignments, [[ ]], case and a for list are not split.
RUN dir=$HOME && export HOME_DIR=$HOME && echo "$dir $HOME_DIR"
RUN if [[ -d $HOME ]]; then echo ok; fi
RUN case $HOME in /root) echo root ;; esac
RUN for f in $HOME/*.conf; do echo "$f"; done
# Numbers and flags: status, count, PID, length, arithmetic.
RUN false || echo $? $# $$ ${#HOME} $((1 + 2))
# $@ and arrays are other checks.
RUN set -- a b && printf '%s\n' $@
# Single quotes keep the text as it is.
RUN echo '$HOME'
# `${x:+…}` gives an optional argument only when x is set, as its writer means.
RUN base="$1" && git diff ${base:+"--merge-base=$base"} ${base+--stat}
