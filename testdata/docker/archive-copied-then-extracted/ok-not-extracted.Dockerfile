FROM debian:12.5 AS build
# Copied from another stage: ADD cannot take --from.
COPY --from=golang:1.22 /usr/local/go.tar.gz /tmp/
RUN tar -xzf /tmp/go.tar.gz -C /usr/local
# An archive that is only kept, or only listed.
COPY backup.tar.gz /var/backups/
RUN tar -tzf /var/backups/backup.tar.gz
# A zip: ADD does not unpack it, so COPY + unzip is right.
COPY assets.zip /tmp/
RUN unzip /tmp/assets.zip -d /srv
# An archive is created, not extracted.
COPY seed.tar /tmp/
RUN tar -cf /tmp/etc.tar /etc
# A file that is not an archive.
COPY app.tar.gz.sha256 /tmp/
RUN tar -xzf /tmp/app.tar.gz.sha256 || true

FROM debian:12.5
# The archive was copied in the other stage.
RUN tar -xf /tmp/seed.tar || true
