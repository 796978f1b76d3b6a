FROM debian:12.5 AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3
FROM debian:12.5
COPY --from=build /usr/bin/gcc /usr/bin/gcc
RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2 \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update \
    && apt-get install -y --no-install-recommends git=1:2.39.2-1
