FROM debian:12.5
LABEL org.opencontainers.image.title="shop" org.opencontainers.image.version="2.1.0"
LABEL maintainer="ops@example.com"
LABEL "org.example.quoted"="yes"
LABEL org.example.build_number="42" org.example.tier-2="backend"
LABEL description shop front end
