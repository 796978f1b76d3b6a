# check: python/too-many-arguments
# Suppressions that suppress a finding, in ours and in ruff's syntax, are not reported.


def six(a, b, c, d, e, f):  # tollgate: ignore[python/too-many-arguments] mirrors the API
    return a


def seven(a, b, c, d, e, f, g):  # noqa: PLR0913
    return a
