# Class measures: public methods (ruff's PLR0904), instance attributes (pylint's R0902)
# and the lines of the class body.
import typing


class Shapes:  # metrics: public-methods=6 instance-attributes=5 lines=28
    """Docstring lines are not counted."""

    def __init__(self, a, b):
        self.a = a
        self.b = b
        self.a += 1
        self.c, self.d = a, b

    def area(self):
        return self.a

    def _private(self):
        other = Shapes(1, 2)
        other.z = 1

    def __len__(self):
        return 0

    @property
    def size(self):
        return 1

    @size.setter
    def size(self, value):
        self.e = value

    @typing.overload
    def scale(self, factor: int) -> None: ...

    def scale(self, factor):
        pass

    @staticmethod
    def build(x):
        x.attribute = 1

    if typing.TYPE_CHECKING:

        def hidden(self):
            pass
