# expect: docker/add-instead-of-copy requirements.txt
ADD requirements.txt /app/
FROM debian:12.5
# expect: docker/add-instead-of-copy app.py
ADD app.py /app/
