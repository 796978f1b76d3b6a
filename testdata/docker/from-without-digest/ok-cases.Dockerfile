# settings: pedantic = true
FROM debian:12.5@sha256:2f6cfd8ae3ab10ba1e3e31e8d9ce0d4e0bb2b3ab5a4e28b5ef1e1b7e0b6c2a10 AS base
FROM scratch
FROM base
