FROM debian:12.5 AS a
RUN set -eux -o pipefail; curl -fsSL https://example.com/x.tgz | tar xz
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/x.tgz | tar xz
FROM a
RUN echo inherited | tee /log
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Get-ChildItem | Select-Object Name
