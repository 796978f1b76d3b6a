FROM node:22.11
# expect: docker/npm-pin typescript
RUN npm install -g typescript
# expect: docker/npm-pin @angular/cli
RUN npm i @angular/cli
# expect: docker/npm-pin git+https://github.com/example/pkg.git
RUN npm install git+https://github.com/example/pkg.git
