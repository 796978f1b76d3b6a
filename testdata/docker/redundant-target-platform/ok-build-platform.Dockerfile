# The build platform is not the default: a cross-compiling stage.
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app ./cmd/app
FROM debian:12.5
COPY --from=build /app /app
