# check: docker/apt-pin
# check: docker/sudo
# check: docker/parse-error
FROM debian:12.5
RUN <<EOF
set -e
apt-get update
# expect: docker/apt-pin curl
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN <<-EOT bash
	apt-get update
# expect: docker/apt-pin git
	apt-get install -y --no-install-recommends git
	EOT
COPY <<EOF /etc/motd
sudo apt-get install -y not-a-command
EOF
RUN python3 <<'PY'
print("sudo apt-get install -y nothing-here")
PY
RUN <<ONE <<TWO
echo first
ONE
echo second
TWO
# expect: docker/sudo sudo
RUN sudo true
