FROM debian:12.5
# expect: shell/useless-cat cat requirements.txt
RUN cat requirements.txt | grep -v '^#'
