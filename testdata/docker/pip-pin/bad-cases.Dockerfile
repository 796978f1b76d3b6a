FROM python:3.13-slim
# expect: docker/pip-pin requests
RUN pip install --no-cache-dir requests flask==3.0.0
# expect: docker/pip-pin "uvicorn[standard]"
RUN python3 -m pip install --no-cache-dir "uvicorn[standard]"
# expect: docker/pip-pin git+https://github.com/example/repo
RUN pip3 install --no-cache-dir git+https://github.com/example/repo
