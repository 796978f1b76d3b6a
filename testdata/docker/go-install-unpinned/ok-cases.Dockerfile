FROM golang:1.23
RUN go install golang.org/x/tools/gopls@v0.16.2 && go install ./cmd/app
