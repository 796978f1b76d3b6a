FROM node:22.11
# expect: docker/yarn-cache-not-cleaned yarn install --frozen-lockfile
RUN yarn install --frozen-lockfile
