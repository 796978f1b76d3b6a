# A string alone under an attribute in a class body documents that attribute (as in a
# TypedDict of settings): its lines are not code. 12 attributes of one line each, each with a
# docstring of three: 13 lines of code, at the limit.
# settings: max-class-lines = 13

from typing import TypedDict


class Settings(TypedDict, total=False):
    """Every setting."""

    setting_0: int
    """What this setting does.

    Defaults to `0`."""

    setting_1: int
    """What this setting does.

    Defaults to `1`."""

    setting_2: int
    """What this setting does.

    Defaults to `2`."""

    setting_3: int
    """What this setting does.

    Defaults to `3`."""

    setting_4: int
    """What this setting does.

    Defaults to `4`."""

    setting_5: int
    """What this setting does.

    Defaults to `5`."""

    setting_6: int
    """What this setting does.

    Defaults to `6`."""

    setting_7: int
    """What this setting does.

    Defaults to `7`."""

    setting_8: int
    """What this setting does.

    Defaults to `8`."""

    setting_9: int
    """What this setting does.

    Defaults to `9`."""

    setting_10: int
    """What this setting does.

    Defaults to `10`."""

    setting_11: int
    """What this setting does.

    Defaults to `11`."""

    verbose: bool
