# Not envy: values of builtin types (annotated, assigned a display or a builtin's result,
# or used only through str/dict/list/set methods), pytest's fixtures, alternative
# constructors (classmethods), `__init__` and the other dunders.


class Report:
    def render(self, lines: list[str]):
        return lines.count, lines.index, lines.sort, lines.copy, lines.pop

    def optional(self, names: "Optional[Dict[str, int]]"):
        return names.copy, names.pop, names.clear, names.fromkeys, names.update

    def table(self):
        table = {}
        return table.copy, table.pop, table.clear, table.fromkeys, table.update

    def converted(self, value):
        text = str(value)
        return text.count, text.index, text.isascii, text.center, text.swapcase

    def stripped(self, text):
        return text.strip() + text.lower() + text.upper() + text.title() + text.replace("a", "b")

    def patched(self, monkeypatch, tmp_path):
        monkeypatch.setattr, monkeypatch.delattr, monkeypatch.setenv, monkeypatch.delenv
        return tmp_path.name, tmp_path.parent, tmp_path.suffix, tmp_path.stem, tmp_path.parts

    @classmethod
    def from_order(cls, order):
        return cls(order.price, order.quantity, order.discount, order.tax, order.shipping)

    def __init__(self, order):
        self.values = order.price, order.quantity, order.discount, order.tax, order.shipping

    def __eq__(self, other):
        return other.price, other.quantity, other.discount, other.tax, other.shipping
