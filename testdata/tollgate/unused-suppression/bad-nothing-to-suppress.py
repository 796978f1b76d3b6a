# check: python/too-many-arguments
# A suppression whose rule reports nothing on its line is itself reported.


# expect: tollgate/unused-suppression tollgate:
def two(a, b):  # tollgate: ignore[python/too-many-arguments] was six once
    return a


def six(a, b, c, d, e, f):  # noqa: PLR0913
    return a
