# check: python
# expect: python/too-many-arguments fine value=6
# expect: python/too-many-positional-arguments fine value=6
def fine(a, b, c, d, e, f):
    return a


# expect: python/syntax-error
def broken(:
    pass


# expect: python/too-many-arguments also_fine value=7
# expect: python/too-many-positional-arguments also_fine value=7
def also_fine(a, b, c, d, e, f, g):
    return a
