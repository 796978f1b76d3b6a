FROM debian:12.5
# Between expansions, or a path separator: meant.
RUN echo "$A":"$B" "$DIR"/"$FILE" "${A}"-"${B}"
RUN echo 'it'\''s' 'a'-'b' "a"/"c"
