def check(a, b, c, d, e, f):  # fires: too-many-arguments=6 too-many-positional-arguments=6
    if a and b and c and d and e and f:  # fires: too-many-boolean-expressions=6
        pass
    elif a or b or c or d or e:
        pass
    if (a or b) and (c or d) and (e or not f):  # fires: too-many-boolean-expressions=6
        pass
