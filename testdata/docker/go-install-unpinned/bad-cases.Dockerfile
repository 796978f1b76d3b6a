FROM golang:1.23
# expect: docker/go-install-unpinned golang.org/x/tools/gopls@latest
RUN go install golang.org/x/tools/gopls@latest
# expect: docker/go-install-unpinned github.com/example/tool
RUN go install github.com/example/tool
