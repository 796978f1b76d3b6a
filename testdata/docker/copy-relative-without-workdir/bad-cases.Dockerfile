FROM python:3.13-slim
# expect: docker/copy-relative-without-workdir app/
COPY app.py app/
