# Newer syntax the parser must accept: match, walrus, PEP 695 generics, nested f-strings.


def classify[T](value: T) -> str:
    match value:
        case {"kind": str(kind)} if (n := len(kind)) > 3:
            return f"{kind!r:>{n}}"
        case [first, *rest]:
            return f"{first}{'-'.join(f'{r}' for r in rest)}"
        case _:
            return "other"


type Pair[T] = tuple[T, T]
