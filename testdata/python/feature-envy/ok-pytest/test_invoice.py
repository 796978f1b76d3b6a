# A test reads the objects it tests: pytest's functions in a test file are not measured.


class TestInvoice:
    def test_total(self, order):
        assert order.price + order.quantity + order.discount + order.tax + order.shipping
