FROM debian:12.5
# expect: docker/label-key-invalid Version
LABEL Version="2.1.0"
# expect: docker/label-key-invalid com.docker.compose.project
LABEL com.docker.compose.project="shop"
# Several pairs: only the bad key.
# expect: docker/label-key-invalid io.docker.role
LABEL org.example.team="web" io.docker.role="api"
# expect: docker/label-key-invalid org.example..build
LABEL org.example..build="42"
# expect: docker/label-key-invalid org.example--build
LABEL org.example--build="42"
# expect: docker/label-key-invalid 9lives
LABEL 9lives="yes"
# expect: docker/label-key-invalid org.example.tier-
LABEL org.example.tier-="backend"
# expect: docker/label-key-invalid .hidden
LABEL .hidden="no"
# expect: docker/label-key-invalid org.example.buildDate
LABEL org.example.buildDate="2024-06-01"
