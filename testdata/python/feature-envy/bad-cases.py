# check: python
class Invoice:
    # expect: python/feature-envy total value=5
    def total(self, order):
        return order.price * order.quantity - order.discount + order.tax + order.shipping + self.fee

    def balanced(self, order):
        return order.price + order.tax + order.fee + order.x + order.y + self.a + self.b + self.c + self.d + self.e

    def few(self, order):
        return order.price + order.tax

    def module_use(self):
        return os.path.join(os.sep, os.curdir, os.pardir, os.name, os.linesep)

    # expect: python/feature-envy local value=6
    def local(self):
        line = self.current()
        return line.a + line.b + line.c + line.d + line.e + line.f
