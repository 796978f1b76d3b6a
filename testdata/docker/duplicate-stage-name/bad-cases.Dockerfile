FROM node:22.11 AS build
# expect: docker/duplicate-stage-name BUILD
FROM golang:1.23 AS BUILD
