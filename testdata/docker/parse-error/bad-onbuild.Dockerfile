# check: docker/apt-pin
# check: docker/add-instead-of-copy
# check: docker/parse-error
FROM debian:12.5
# expect: docker/apt-pin curl
ONBUILD RUN apt-get install -y --no-install-recommends curl
# expect: docker/add-instead-of-copy app.py
ONBUILD ADD app.py /app/
# expect: docker/parse-error FROM
ONBUILD FROM debian:12.5
