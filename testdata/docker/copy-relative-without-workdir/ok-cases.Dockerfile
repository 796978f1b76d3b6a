FROM python:3.13-slim AS base
WORKDIR /srv
COPY app.py app/
FROM base
COPY lib.py lib/
FROM python:3.13-slim
COPY app.py /srv/app/
