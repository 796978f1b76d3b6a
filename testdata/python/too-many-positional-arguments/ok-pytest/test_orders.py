# pytest passes the parameters of the functions it calls in a test file (`test*`
# functions, methods of `Test*` classes, fixtures): with `ignore-pytest-fixtures` (the
# default) they are not counted.
import pytest


@pytest.fixture
def order(db, customer, product, price, tax, shipping):
    return db.make(customer, product, price, tax, shipping)


@pytest.fixture(scope="module")
def invoice(db, customer, product, price, tax, shipping):
    return db.make(customer, product, price, tax, shipping)


def test_total(order, customer, product, price, tax, shipping):
    assert order.total == price + tax + shipping


@pytest.mark.parametrize(("a", "b", "c", "d", "e", "f"), [(1, 2, 3, 4, 5, 6)])
def test_parametrized(a, b, c, d, e, f):
    assert a < f


class TestOrder:
    def test_total(self, order, customer, product, price, tax, shipping):
        assert order.total == price + tax + shipping
