# settings: pedantic = true
# expect: docker/from-without-digest debian:12.5
FROM debian:12.5
