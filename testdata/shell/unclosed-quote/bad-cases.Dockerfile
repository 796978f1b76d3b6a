FROM debian:12.5
# expect: shell/unclosed-quote "
RUN echo "never closed
# The quote after `abc` closes the string; `x` follows it, and the last quote opens one.
# expect: shell/unclosed-quote "
# expect: shell/unclosed-quote "
RUN echo "abc"x" def
