# check: python
# expect: python/too-many-arguments check value=6
# expect: python/too-many-positional-arguments check value=6
def check(a, b, c, d, e, f):
    # expect: python/too-many-boolean-expressions a and b and c and d and e and f value=6
    if a and b and c and d and e and f:
        pass
    elif a or b or c or d or e:
        pass
    # expect: python/too-many-boolean-expressions (a or b) and (c or d) and (e or not f) value=6
    if (a or b) and (c or d) and (e or not f):
        pass
