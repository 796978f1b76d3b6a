# Four uses of another object: under the minimum of five.


class Invoice:
    def total(self, order):
        return order.price * order.quantity - order.discount + order.tax + self.fee
