FROM debian:12.5
# A missing `;` before `done`: the loop never ends.
# expect: shell/misplaced-keyword done
RUN for f in a b; do echo "$f" done; done
# expect: shell/misplaced-keyword If
RUN If true; then echo yes; fi
# expect: shell/misplaced-keyword fi
RUN if true; then echo fi; fi
