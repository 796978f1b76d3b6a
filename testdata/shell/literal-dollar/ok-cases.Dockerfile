FROM debian:12.5
# Escaped, single-quoted, alone, at a word's end, or starting an expansion.
RUN echo price=\$%off 'a$%b' "$HOME" ${PATH} $(date) $((1 + 2))
RUN echo $ cost
RUN grep -c 'end$' file.txt
RUN echo total$
