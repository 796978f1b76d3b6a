FROM debian:12.5
# -l (--no-log-init) skips the log files.
RUN useradd -l -u 1500000 runner
RUN useradd --no-log-init --uid 1500000 runner2
RUN useradd -mlu 200000 svc
# Five digits or fewer is not a high UID.
RUN useradd -u 99999 app && useradd -u 1000 web
# No UID, or another tool.
RUN useradd --create-home --shell /bin/bash dev
RUN adduser -D -u 1500000 alpine-user
