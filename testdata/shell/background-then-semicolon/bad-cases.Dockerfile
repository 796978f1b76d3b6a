FROM debian:12.5
# expect: shell/background-then-semicolon ;
RUN sleep 1 &; echo started
