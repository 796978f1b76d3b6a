FROM python:3.13-slim
# expect: docker/pip-cache pip
RUN pip install requests==2.32.3
