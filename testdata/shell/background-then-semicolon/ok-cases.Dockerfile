FROM debian:12.5
RUN sleep 1 & echo started
RUN sleep 1 && echo done; echo next
