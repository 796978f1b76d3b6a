# Five arguments, the maximum (ruff's PLR0913 does not count `self`, `*args`, `**kwargs`).


def five(a, b, c, d, e):
    return a


class C:
    def method(self, a, b, c, d, e, *args, **kwargs):
        return a
