FROM debian:12.5
# expect: docker/pointless-command service
RUN service nginx start
# expect: docker/pointless-command ps
RUN ps aux
# expect: docker/pointless-command vim
RUN echo ready && vim -c wq /etc/motd
# expect: docker/pointless-command ssh
RUN ssh build@example.net true
# expect: docker/pointless-command kill
# expect: docker/pointless-command free
RUN kill -HUP 1 || free -m
# expect: docker/pointless-command top
RUN top -b -n 1 | head -n 5
# expect: docker/pointless-command mount
RUN mount -t tmpfs none /mnt
# expect: docker/pointless-command shutdown
RUN shutdown -h now
