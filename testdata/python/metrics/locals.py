# Local variables as ruff's PLR0914 counts them: names whose latest binding in the function
# scope is a plain assignment.
import os


def bindings(param, items, ctx):  # metrics: locals=9
    plain = 1
    augmented = 0
    augmented += 1
    annotated: int = 2
    declared_only: str
    first, second = items
    chained = other = 3
    param = param + 1
    (walrus := 4)
    for loop_var in items:
        pass
    with ctx as managed:
        pass
    try:
        pass
    except ValueError as error:
        pass
    import json
    squares = [n * n for n in items]
    removed = 5
    del removed
    return plain, augmented, annotated, first, second, chained, other, squares, json, os


def rebinding(items):  # metrics: locals=1
    value = 1
    for value in items:
        pass
    again = 0
    for again in items:
        pass
    again = 2


def scopes(items):  # metrics: locals=1
    def helper():  # metrics: locals=1
        inner = 1
        return inner

    class Holder:
        attribute = 1

    fn = lambda v: (w := v)
    return helper, Holder, fn


def globals_too():  # metrics: locals=1
    global counter
    counter = 1


def conditional_delete(flag):  # metrics: locals=1
    kept = 1
    if flag:
        del kept
