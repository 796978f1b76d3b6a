# hadolint global ignore=DL3008
FROM debian:12.5
# hadolint shell=bash
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# A sentence that mentions hadolint ignore=DL3059 is not a pragma.
RUN echo ready
# Inside a heredoc body the line is part of the script.
RUN <<EOF
# hadolint ignore=DL3059
echo done
EOF
