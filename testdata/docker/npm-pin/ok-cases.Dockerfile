FROM node:22.11
RUN npm ci \
    && npm install \
    && npm install -g typescript@5.6.3 @angular/cli@18.2.0 ./local-pkg git+https://github.com/example/pkg.git#v1.0.0
