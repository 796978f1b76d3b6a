class Invoice:
    def total(self, order):  # fires: feature-envy=5
        return order.price * order.quantity - order.discount + order.tax + order.shipping + self.fee

    def balanced(self, order):
        return order.price + order.tax + order.fee + order.x + order.y + self.a + self.b + self.c + self.d + self.e

    def few(self, order):
        return order.price + order.tax

    def module_use(self):
        return os.path.join(os.sep, os.curdir, os.pardir, os.name, os.linesep)

    def local(self):  # fires: feature-envy=6
        line = self.current()
        return line.a + line.b + line.c + line.d + line.e + line.f
