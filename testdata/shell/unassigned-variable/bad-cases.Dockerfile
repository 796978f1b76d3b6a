FROM debian:12.5
# expect: shell/unassigned-variable $app_version
RUN echo "$app_version"
# expect: shell/unassigned-variable ${buildDir}
RUN mkdir -p "${buildDir}"
