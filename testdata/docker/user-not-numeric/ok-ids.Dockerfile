ARG BASE_UID=1001
FROM debian:12.5 AS base
ARG NB_UID=1000
USER ${NB_UID}
USER 10001
USER 10001:10001
# The group may be a name: the user is a number.
USER 10001:staff
USER 0
# root is uid 0 in every image (last-user-root speaks of it).
USER root
FROM base
USER ${NB_UID}
# No value is known for these: not judged.
USER ${UNSET_UID}
USER $UID:$GID
ARG BASE_UID
USER ${BASE_UID}
