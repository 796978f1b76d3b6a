FROM debian:12.5
# expect: shell/function-parameters greet(name)
RUN greet(name) { echo "hi $name"; }
