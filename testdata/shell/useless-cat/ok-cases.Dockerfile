FROM debian:12.5
RUN grep -v '^#' < requirements.txt
RUN cat a.txt b.txt | sort
RUN cat -n notes.txt | head
