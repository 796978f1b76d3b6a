FROM node:22.11
# expect: docker/shell-form-cmd /entry.sh
ENTRYPOINT /entry.sh
# expect: docker/shell-form-cmd node server.js
CMD node server.js
