FROM debian:12.5
# An ENV that carries an ARG's numeric value on: the user is 1001.
ARG APP_UID="1001"
ENV APP_UID=${APP_UID}
USER ${APP_UID}
