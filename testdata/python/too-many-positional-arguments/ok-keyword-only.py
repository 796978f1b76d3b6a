# Five positional arguments and two keyword-only ones: only the positional count is checked here.


def five(a, b, c, d, e, *, f, g):
    return a
