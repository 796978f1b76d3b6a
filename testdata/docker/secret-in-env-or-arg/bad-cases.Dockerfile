FROM node:22.11
# expect: docker/secret-in-env-or-arg NPM_TOKEN
ARG NPM_TOKEN
# expect: docker/secret-in-env-or-arg DB_PASSWORD
ENV DB_PASSWORD=hunter2 APP_PORT=8080
# expect: docker/secret-in-env-or-arg https://deploy:hunter2@git.example.com/app.git
ENV REPO_URL=https://deploy:hunter2@git.example.com/app.git
# expect: docker/secret-in-env-or-arg AWS_SECRET_ACCESS_KEY
env AWS_SECRET_ACCESS_KEY value in the old form
