FROM debian:12.5
# expect: docker/useradd-high-uid-without-l useradd
RUN useradd -u 1500000 runner
# The UID in a cluster of short options.
# expect: docker/useradd-high-uid-without-l useradd
RUN groupadd -g 200000 svc && useradd -r -g svc -mu 200000 svc
