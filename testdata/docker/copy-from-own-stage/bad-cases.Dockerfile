FROM alpine:3.20 AS app
# expect: docker/copy-from-own-stage --from=app
COPY --from=app /a /b
