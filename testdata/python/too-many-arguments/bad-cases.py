# check: python
# expect: python/too-many-arguments six value=6
# expect: python/too-many-positional-arguments six value=6
def six(a, b, c, d, e, f):
    pass


def five(a, b, c, d, e):
    pass


# expect: python/too-many-arguments keyword_only value=6
def keyword_only(a, b, *, c, d, e, f):
    pass


class Method:
    def six_with_self(self, a, b, c, d, e):
        pass

    @staticmethod
    # expect: python/too-many-arguments six_static value=6
    # expect: python/too-many-positional-arguments six_static value=6
    def six_static(a, b, c, d, e, f):
        pass
