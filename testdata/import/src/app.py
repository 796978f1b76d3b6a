import os

GREETING = "héllo wörld"  # a line with non-ASCII text before the finding


def handler(event):
    value = eval(event["body"])  # the finding the tool reports
    return value


def quiet(event):
    return eval(event["q"])  # tollgate: ignore[scanner/PY001] reviewed: trusted input
