# Nesting (ruff's PLR1702: reported once at the outermost block, with the deepest leaf) and
# boolean operands of `if`/`elif` tests (PLR0916).


def deep(rows, flag):
    for row in rows:  # metrics: nested-blocks=6
        if row:
            while flag:
                with open(row) as handle:
                    try:
                        if handle:
                            pass
                    except OSError:
                        pass
    if flag:  # metrics: nested-blocks=2
        if rows:
            pass
        elif flag:
            pass


def branches(a, b, c, d):
    if a:  # metrics: nested-blocks=3
        pass
    elif b:
        if c:
            if d:
                pass
    else:
        match a:
            case 1:
                if b:
                    pass


def conditions(a, b, c, d, e, f):
    if a and b or (c and not (d or e)):  # metrics: boolean-expressions=4 nested-blocks=1
        pass
    elif (
        a  # metrics: boolean-expressions=2
        or b
    ):
        pass
    while a and b and c and d and e and f:
        pass
    x = a and b and c and d and e and f
    return x


class NotAFunction:
    if True:
        if True:
            if True:
                pass
