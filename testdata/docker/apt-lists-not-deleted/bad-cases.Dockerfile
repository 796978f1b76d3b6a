FROM debian:12.5
# expect: docker/apt-lists-not-deleted apt-get update
RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2
