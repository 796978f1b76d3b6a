FROM python:3.12-slim
# expect: docker/onbuild-forbidden-instruction ONBUILD
ONBUILD ONBUILD RUN pip install --no-cache-dir -r requirements.txt
# expect: docker/onbuild-forbidden-instruction FROM
ONBUILD FROM python:3.12-slim
# The keyword is case-insensitive inside ONBUILD too.
# expect: docker/onbuild-forbidden-instruction maintainer
onbuild maintainer ops@example.com
