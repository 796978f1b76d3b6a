FROM nginx:1.27
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
# expect: docker/multiple-healthcheck HEALTHCHECK
HEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1
# expect: docker/multiple-healthcheck HEALTHCHECK
HEALTHCHECK NONE
