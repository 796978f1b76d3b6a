# settings: label-schema = { "org.opencontainers.image.version" = "semver" }
# settings: strict-labels = true
FROM debian:12.5
# expect: docker/label-not-in-schema build-host
LABEL org.opencontainers.image.version="2.1.0" build-host="ci-7"
# Once per instruction, naming each label.
# expect: docker/label-not-in-schema org.example.team
LABEL org.example.team="web" org.example.tier="backend"
