# escape=`
# check: docker/pipe-without-pipefail
# check: docker/cd-in-run
# check: docker/curl-pipe-shell
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN cd C:\; curl.exe -fsSL https://example.com/x | Out-File x.txt
RUN Get-ChildItem | Select-Object Name
FROM debian:12.5
# expect: docker/pipe-without-pipefail echo back | cat
RUN echo back | cat
