FROM node:22.11 AS web
FROM golang:1.23 AS api
