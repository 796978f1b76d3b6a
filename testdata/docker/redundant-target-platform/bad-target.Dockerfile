# expect: docker/redundant-target-platform --platform=$TARGETPLATFORM
FROM --platform=$TARGETPLATFORM debian:12.5 AS a
# expect: docker/redundant-target-platform --platform=${TARGETPLATFORM}
FROM --platform=${TARGETPLATFORM} debian:12.5 AS b
# expect: docker/redundant-target-platform --platform="$TARGETPLATFORM"
FROM --platform="$TARGETPLATFORM" debian:12.5
