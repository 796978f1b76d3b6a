# settings: allowed-secret-names = ["SECRET_SAUCE"]
FROM node:22.11
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
ENV PASSWORD_FILE=/run/secrets/db TOKEN_URL=https://auth.example.com/token
ENV SECRET_SAUCE=ketchup
ENV REPO_URL=https://git.example.com/app.git
ARG NODE_VERSION=22
