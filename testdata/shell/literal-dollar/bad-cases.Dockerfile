FROM debian:12.5
# A `$` before a character that starts no expansion.
# expect: shell/literal-dollar $
RUN echo price=$%off
# expect: shell/literal-dollar $
RUN grep -c a$/b file.txt
