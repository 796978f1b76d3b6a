FROM debian:12.5
# A no-break space, pasted from a web page: one word `curl git`.
# expect: shell/unicode-lookalike  
RUN apt-get install -y curl git
# One finding per word and kind.
# expect: shell/unicode-lookalike “
RUN echo “hello”
# expect: shell/unicode-lookalike ´
RUN echo ´date´
