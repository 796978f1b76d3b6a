# In a test file, what pytest does not call keeps its count: helpers, methods of classes
# that are not `Test*`, functions nested in a test.


# expect: python/too-many-arguments make_order value=6
def make_order(customer, product, price, tax, shipping, discount):
    return customer, product, price, tax, shipping, discount


class Builder:
    # expect: python/too-many-arguments test_build value=6
    def test_build(self, customer, product, price, tax, shipping, discount):
        return customer, product, price, tax, shipping, discount


def test_nested():
    # expect: python/too-many-arguments test_inner value=6
    def test_inner(customer, product, price, tax, shipping, discount):
        return customer

    assert test_inner(1, 2, 3, 4, 5, 6) == 1
