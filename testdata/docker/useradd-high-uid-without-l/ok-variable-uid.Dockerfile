FROM debian:12.5
ARG APP_UID=1000
# The UID comes from a build argument: its value is not known here.
RUN useradd -u "$APP_UID" app
