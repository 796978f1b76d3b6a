FROM debian:12.5
RUN useradd --uid 10001 --no-log-init app
# expect: docker/user-not-numeric app
USER app
# expect: docker/user-not-numeric app:1000
USER app:1000
# expect: docker/user-not-numeric nobody
USER nobody
# A variable whose default is a name.
ARG RUNNER=runner
# expect: docker/user-not-numeric ${RUNNER}
USER ${RUNNER}
ENV SERVICE_USER=svc
# expect: docker/user-not-numeric $SERVICE_USER
USER $SERVICE_USER
