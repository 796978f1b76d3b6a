# settings: allowed-registries = ["registry.example.com", "*.corp.example", "docker.io"]
FROM registry.example.com/base:1 AS base
FROM eu.corp.example/tools:2
FROM debian:12.5
FROM scratch
FROM base
