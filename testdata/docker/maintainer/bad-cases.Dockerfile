FROM debian:12.5
# expect: docker/maintainer MAINTAINER
MAINTAINER Jane Doe <jane@example.com>
