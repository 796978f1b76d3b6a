# In a test file, a class that is not a test keeps the rule.


class InvoiceBuilder:
    # expect: python/feature-envy build value=5
    def build(self, order):
        return order.price + order.quantity + order.discount + order.tax + order.shipping
