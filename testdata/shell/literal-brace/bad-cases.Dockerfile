FROM debian:12.5
# expect: shell/literal-brace {
RUN echo {name}
# expect: shell/literal-brace {
RUN docker inspect -f {{.Id}} app
# A group's closing brace without the `;` before it.
# expect: shell/literal-brace }
RUN { echo a; echo b }
