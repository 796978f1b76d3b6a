FROM debian:12.5
RUN chmod -R 755 /app && chmod u+w /data && chmod 1775 /shared
COPY --chmod=0644 config.yml /etc/app/
