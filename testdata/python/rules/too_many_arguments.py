def six(a, b, c, d, e, f):  # fires: too-many-arguments=6 too-many-positional-arguments=6
    pass


def five(a, b, c, d, e):
    pass


def keyword_only(a, b, *, c, d, e, f):  # fires: too-many-arguments=6
    pass


class Method:
    def six_with_self(self, a, b, c, d, e):
        pass

    @staticmethod
    def six_static(a, b, c, d, e, f):  # fires: too-many-arguments=6 too-many-positional-arguments=6
        pass
