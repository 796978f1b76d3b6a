# expect: docker/reserved-stage-name scratch
FROM golang:1.22 AS scratch
RUN go build -o /app ./cmd/app
# BuildKit lower-cases stage names.
# expect: docker/reserved-stage-name Context
FROM debian:12.5 as Context
COPY --from=0 /app /usr/local/bin/app
