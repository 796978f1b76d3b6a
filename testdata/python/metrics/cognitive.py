# Cognitive complexity: Python versions of the examples in SonarSource's specification, and
# the constructs the count depends on.


def sum_of_primes(limit):  # metrics: cognitive=6
    # The specification's sumOfPrimes scores 7 with a labelled `continue`; Python has no
    # labels, so the `continue` adds nothing here.
    total = 0
    for i in range(1, limit + 1):  # +1
        for j in range(2, i):  # +2 (nesting 1)
            if i % j == 0:  # +3 (nesting 2)
                continue
        total += i
    return total


def get_words(number):  # metrics: cognitive=1
    match number:  # +1
        case 1:
            return "one"
        case 2:
            return "a couple"
        case _:
            return "lots"


def nesting(condition1, condition2):  # metrics: cognitive=9
    try:
        if condition1:  # +1
            for i in range(10):  # +2 (nesting 1)
                while condition2:  # +3 (nesting 2)
                    pass
    except (TypeError, ValueError):  # +1
        if condition2:  # +2 (nesting 1)
            pass


def lambda_nesting(condition1):  # metrics: cognitive=2
    runnable = lambda: 1 if condition1 else 2  # +2 (nesting 1 inside the lambda)
    return runnable


def operators(a, b, c, d, e, f):  # metrics: cognitive=4
    if a and b and c or d or e and f:  # +1 for `if`, +3 for three runs of like operators
        pass


def negation(a, b, c):  # metrics: cognitive=3
    if a and not (b and c):  # +1, +1, +1: `not` starts a new sequence
        pass


def else_branches(x):  # metrics: cognitive=3
    if x > 1:  # +1
        pass
    elif x > 0:  # +1
        pass
    else:  # +1
        pass


def decorator(func):  # metrics: cognitive=2
    def wrapper(*args):  # metrics: cognitive=1
        if args:  # +1 in wrapper, +2 in decorator (nesting 1)
            return func(*args)
        return None

    return wrapper


def factorial(n):  # metrics: cognitive=2
    if n < 2:  # +1
        return 1
    return n * factorial(n - 1)  # +1 recursion


class Tree:
    def walk(self, node):  # metrics: cognitive=3
        for child in node.children:  # +1
            self.walk(child)  # +1 recursion
        return node.value or None  # +1


def flat_is_cheaper(a, b, c):  # metrics: cognitive=3 cyclomatic=4
    if not a:
        return 0
    if not b:
        return 1
    if not c:
        return 2
    return 3


def nested_is_costlier(a, b, c):  # metrics: cognitive=6 cyclomatic=4
    if a:
        if b:
            if c:
                return 3
            return 2
        return 1
    return 0
