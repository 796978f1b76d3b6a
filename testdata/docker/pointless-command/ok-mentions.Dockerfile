FROM debian:12.5
# The words appear as arguments, package names or parts of other names, never as a command.
RUN apt-get install -y --no-install-recommends openssh-client=1:9.2p1-2 vim=2:9.0.1378-2 procps=2:4.0.2-3 \
    && rm -rf /var/lib/apt/lists/*
RUN echo ssh vim top > /etc/motd
RUN pkill -f nginx || psql --version || topgrade --help
RUN ssh-keygen -A && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts
# A path to the program is not the bare command word; ifconfig is not on the list.
RUN /usr/bin/top -b -n 1 > /dev/null; ifconfig -a
CMD ["service", "nginx", "start"]
