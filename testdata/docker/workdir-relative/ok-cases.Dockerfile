FROM debian:12.5
WORKDIR /app
WORKDIR $HOME/src
WORKDIR "/quoted path"
