# settings: ignore-pytest-fixtures = false
# As ruff counts them: every function's parameters, pytest's included.
import pytest


@pytest.fixture
# expect: python/too-many-positional-arguments order value=6
def order(db, customer, product, price, tax, shipping):
    return db.make(customer, product, price, tax, shipping)


# expect: python/too-many-positional-arguments test_total value=6
def test_total(order, customer, product, price, tax, shipping):
    assert order.total == price + tax + shipping
