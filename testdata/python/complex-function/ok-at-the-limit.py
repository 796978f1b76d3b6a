# Cyclomatic complexity 10, the maximum: not reported.


def ten(x):
    y = None
    if x == 0:
        y = 0
    if x == 1:
        y = 1
    if x == 2:
        y = 2
    if x == 3:
        y = 3
    if x == 4:
        y = 4
    if x == 5:
        y = 5
    if x == 6:
        y = 6
    if x == 7:
        y = 7
    if x == 8:
        y = 8
    return y
