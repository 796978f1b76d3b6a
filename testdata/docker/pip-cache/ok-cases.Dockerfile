FROM python:3.13-slim AS a
RUN pip install --no-cache-dir requests==2.32.3
RUN --mount=type=cache,target=/root/.cache/pip pip install httpx==0.27.2
FROM python:3.13-slim
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask==3.0.3
