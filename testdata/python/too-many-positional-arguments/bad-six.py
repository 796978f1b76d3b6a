# Six positional arguments, one more than the maximum.


# expect: python/too-many-positional-arguments six value=6
def six(a, b, c, /, d, e, f):
    return a
