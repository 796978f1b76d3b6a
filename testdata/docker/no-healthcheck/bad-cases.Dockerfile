# expect: docker/no-healthcheck nginx:1.27
FROM nginx:1.27
COPY site /usr/share/nginx/html
