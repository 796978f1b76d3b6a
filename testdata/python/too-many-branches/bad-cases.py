# check: python
# expect: python/complex-function thirteen value=13
# expect: python/too-many-branches thirteen value=13
def thirteen(x):
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
    if x == 9:
        y = 9
    if x == 10:
        y = 10
    if x:
        pass
    else:
        pass


# expect: python/complex-function twelve value=13
def twelve(x):
    # expect: python/duplicate-code if x == 0: value=23
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
    if x == 9:
        y = 9
    if x == 10:
        y = 10
    if x == 11:
        y = 11
    return x
