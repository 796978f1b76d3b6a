FROM golang:1.23 AS build
USER builder
# expect: docker/root-user python:3.13-slim
FROM python:3.13-slim
CMD ["python", "app.py"]
