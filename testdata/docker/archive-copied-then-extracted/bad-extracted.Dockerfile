FROM debian:12.5
# expect: docker/archive-copied-then-extracted release-1.4.tar.gz
COPY release-1.4.tar.gz /opt/
RUN tar -xzf /opt/release-1.4.tar.gz -C /opt && rm /opt/release-1.4.tar.gz
# The name the archive has in the image is what RUN extracts.
# expect: docker/archive-copied-then-extracted /tmp/site.tar
COPY site-build.tar /tmp/site.tar
WORKDIR /srv
RUN mkdir -p /srv/site && tar --extract --verbose -f /tmp/site.tar -C /srv/site
# Several sources: only the archive that is extracted is reported.
# expect: docker/archive-copied-then-extracted fonts.tar.xz
COPY fonts.tar.xz licenses.tar.xz /usr/share/
RUN tar -C /usr/share -xJf /usr/share/fonts.tar.xz
# expect: docker/archive-copied-then-extracted dump.sql.gz
COPY dump.sql.gz /docker-entrypoint-initdb.d/
RUN gunzip /docker-entrypoint-initdb.d/dump.sql.gz
