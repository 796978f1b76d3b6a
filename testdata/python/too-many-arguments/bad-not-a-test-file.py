# Outside a test file a `test*` function is an ordinary function.


# expect: python/too-many-arguments test_total value=6
def test_total(order, customer, product, price, tax, shipping):
    return order, customer, product, price, tax, shipping
