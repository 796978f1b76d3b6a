FROM debian:12.5
# The long option and the attached form; hadolint reads only a separate `-u`.
# expect: docker/useradd-high-uid-without-l useradd
RUN useradd --uid 1500000 runner
# expect: docker/useradd-high-uid-without-l useradd
RUN useradd --system --uid=654321 daemon2
# expect: docker/useradd-high-uid-without-l useradd
RUN useradd -u987654 builder
