def fine(a, b, c, d, e, f):  # fires: too-many-arguments=6 too-many-positional-arguments=6
    return a


def broken(:  # fires: syntax-error
    pass


def also_fine(a, b, c, d, e, f, g):  # fires: too-many-arguments=7 too-many-positional-arguments=7
    return a
