# The same class with an expression that is not a string under each attribute: code.
# settings: max-class-lines = 13

from typing import TypedDict


# expect: python/large-class Settings value=25
class Settings(TypedDict, total=False):
    """Every setting."""

    setting_0: int
    print(0)

    setting_1: int
    print(1)

    setting_2: int
    print(2)

    setting_3: int
    print(3)

    setting_4: int
    print(4)

    setting_5: int
    print(5)

    setting_6: int
    print(6)

    setting_7: int
    print(7)

    setting_8: int
    print(8)

    setting_9: int
    print(9)

    setting_10: int
    print(10)

    setting_11: int
    print(11)

    verbose: bool
