# Five operands in one `if` test, the maximum: not reported.


def check(a, b, c, d, e):
    if a and b and c and d and e:
        return True
    return False
