FROM debian:12.5
# expect: shell/unquoted-command-substitution $(cat /tmp/packages.txt)
RUN apt-get install -y --no-install-recommends $(cat /tmp/packages.txt)
# Inside a word.
# expect: shell/unquoted-command-substitution $(nproc)
RUN make -j$(nproc)
# expect: shell/unquoted-command-substitution $(mktemp -d)
RUN tar -C $(mktemp -d) -xf /tmp/app.tar
# ShellCheck reports these with another code too (useless echo, legacy backquotes), and
# they split all the same.
# expect: shell/unquoted-command-substitution $(date)
RUN echo $(date)
# expect: shell/unquoted-command-substitution $(echo /tmp)
RUN ls $(echo /tmp)
# expect: shell/unquoted-command-substitution `pwd`
RUN ls `pwd`
