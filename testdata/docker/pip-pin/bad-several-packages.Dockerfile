FROM python:3.12-slim
# Once per RUN, naming every package; more than six are counted.
# expect: docker/pip-pin requests
RUN pip install --no-cache-dir requests flask==3.0.3 numpy pandas scipy httpx rich typer click
