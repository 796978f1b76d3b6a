FROM debian:12.5
RUN apt-get update && apt-cache policy curl && rm -rf /var/lib/apt /var/lib/apt/lists/*
