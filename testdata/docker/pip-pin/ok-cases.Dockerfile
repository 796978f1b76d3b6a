FROM python:3.13-slim
RUN pip install --no-cache-dir -r requirements.txt \
    && pip install --no-cache-dir . "httpx>=0.27" ./dist/app-1.0-py3-none-any.whl \
    && pip install --no-cache-dir git+https://github.com/example/repo@v1.2.0 \
    && pip install --no-cache-dir --index-url https://pypi.example.com/simple requests==2.32.3
