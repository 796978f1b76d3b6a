# check: docker/apt-pin
# check: docker/add-instead-of-copy
# check: docker/parse-error
# check: docker/onbuild-forbidden-instruction
FROM debian:12.5
# expect: docker/apt-pin curl
ONBUILD RUN apt-get install -y --no-install-recommends curl
# expect: docker/add-instead-of-copy app.py
ONBUILD ADD app.py /app/
# Docker rejects this line; it is reported by its own rule, not as a syntax error.
# expect: docker/onbuild-forbidden-instruction FROM
ONBUILD FROM debian:12.5
