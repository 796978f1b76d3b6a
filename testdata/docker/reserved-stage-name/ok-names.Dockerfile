FROM golang:1.22 AS build
RUN go build -o /app ./cmd/app
FROM scratch AS final
COPY --from=build /app /app
FROM debian:12.5 AS scratchpad
FROM debian:12.5 AS build-context
