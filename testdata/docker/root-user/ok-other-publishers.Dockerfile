# Images of other publishers often set their own user: what the container runs as is not
# known here, so nothing is said.
FROM quay.io/jupyter/base-notebook:2026-07-28
RUN pip install --no-cache-dir rise==5.7.1

FROM mcr.microsoft.com/devcontainers/python:3.14
RUN pip install --no-cache-dir ruff==0.17.6

ARG BASE_IMAGE=quay.io/jupyter/scipy-notebook
FROM $BASE_IMAGE
CMD ["start-notebook.py"]
