FROM debian:12.5
RUN echo "closed" 'single "quote' "it's"
RUN echo "a \"nested\" quote"
