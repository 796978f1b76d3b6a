# Parameter counts: positional-only, regular, keyword-only, variadic, dummy names, methods.
from typing import overload, override


def kinds(a, b, /, c, *args, d, e=1, **kwargs):  # metrics: arguments=5 positional-arguments=3
    pass


def keyword_only(a, *, b, c, d):  # metrics: arguments=4 positional-arguments=1
    pass


def annotated(a: int, b: str = "", *rest: int, c: bool = False, **kw: str):  # metrics: arguments=3 positional-arguments=2
    pass


def dummies(_, __, _unused, kept_, x):  # metrics: arguments=2 positional-arguments=2
    pass


def nothing():  # metrics: arguments=0 positional-arguments=0
    pass


class Service:
    def method(self, a, b):  # metrics: arguments=2 positional-arguments=2
        pass

    @staticmethod
    def static(a, b, c):  # metrics: arguments=3 positional-arguments=3
        pass

    @classmethod
    def create(cls, a, *, b):  # metrics: arguments=2 positional-arguments=1
        pass

    def __new__(cls, a, b):  # metrics: arguments=2 positional-arguments=2
        pass

    @overload
    def typed(self, a, b, c, d, e, f): ...  # metrics: arguments=0 positional-arguments=0

    @override
    def inherited(self, a, b, c, d, e, f):  # metrics: arguments=0 positional-arguments=0
        pass


def enclosing():
    def nested(self, a):  # metrics: arguments=2 positional-arguments=2
        pass

    return nested


handler = lambda a, b, c, d, e, f, g: None
