FROM debian:12.5
# expect: docker/chmod-world-writable 777
RUN chmod -R 777 /app
# expect: docker/chmod-world-writable u+x,o+w
RUN chmod u+x,o+w /data
# expect: docker/chmod-world-writable --chmod=0666
COPY --chmod=0666 config.yml /etc/app/
