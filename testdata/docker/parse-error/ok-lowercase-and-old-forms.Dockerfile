# check: docker/sudo
# check: docker/secret-in-env-or-arg
# check: docker/parse-error
from debian:12.5 as base
# expect: docker/sudo sudo
run sudo true
label maintainer "Jane Doe <jane@example.com>"
# expect: docker/secret-in-env-or-arg API_KEY
env API_KEY some value with spaces
