FROM debian:12.5
# expect: docker/pipe-without-pipefail curl -fsSL https://example.com/x.tgz | tar xz
RUN curl -fsSL https://example.com/x.tgz | tar xz
SHELL ["/bin/bash", "-c"]
# expect: docker/pipe-without-pipefail echo "$(date)" | tee /log
RUN echo "$(date)" | tee /log
