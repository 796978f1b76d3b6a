# settings: allowed-registries = ["registry.example.com", "*.corp.example"]
# expect: docker/untrusted-registry ghcr.io/someone/base:1
FROM ghcr.io/someone/base:1
# expect: docker/untrusted-registry debian:12.5
FROM debian:12.5
