FROM python:3.13-slim AS base
RUN useradd --create-home app
USER app
FROM base
CMD ["python", "app.py"]
