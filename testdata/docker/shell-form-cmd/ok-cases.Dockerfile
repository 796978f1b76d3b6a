FROM node:22.11
ENTRYPOINT ["/entry.sh"]
CMD ["node", "server.js"]
