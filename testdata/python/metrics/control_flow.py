# Counts per construct. `metrics:` lists the values every rule measures at that line
# (thresholds set to 0 in the test); a metric at 0 must not be reported.


def straight(a):  # metrics: cyclomatic=1 branches=0 statements=2 returns=1 cognitive=0
    b = a + 1
    print(b)
    return b


def elif_chain(x):  # metrics: cyclomatic=4 branches=4 statements=4 returns=4 cognitive=4
    if x == 1:
        return "one"
    elif x == 2:
        return "two"
    elif x == 3:
        return "three"
    else:
        return "many"


def else_if(x):  # metrics: cyclomatic=3 branches=3 statements=3 returns=3 cognitive=4
    if x == 1:
        return "one"
    else:
        if x == 2:
            return "two"
        return "many"


def loops(items):  # metrics: cyclomatic=3 branches=3 statements=4 returns=0 cognitive=2
    for item in items:
        print(item)
    else:
        print("done")
    while items:
        items.pop()


def try_everything(f):  # metrics: cyclomatic=4 branches=4 statements=12 returns=0 cognitive=2
    try:
        f()
    except ValueError:
        pass
    except TypeError:
        raise
    else:
        print("ok")
    finally:
        print("end")


def try_finally(f):  # metrics: cyclomatic=1 branches=1 statements=6 cognitive=0
    try:
        f()
    finally:
        print("end")
        print("again")


def match_catch_all(cmd):  # metrics: cyclomatic=3 branches=3 statements=7 cognitive=1
    match cmd:
        case "go":
            pass
        case "stop":
            pass
        case _:
            pass


def match_no_catch_all(cmd):  # metrics: cyclomatic=4 branches=3 statements=7 cognitive=1
    match cmd:
        case "go":
            pass
        case "stop":
            pass
        case [x, y]:
            pass


def match_capture_last(cmd):  # metrics: cyclomatic=2 branches=2 statements=5 locals=1
    match cmd:
        case "go":
            pass
        case other:
            print(other)


async def asynchronous(session, urls):  # metrics: cyclomatic=3 branches=2 statements=3 cognitive=3
    async with session:
        async for url in urls:
            if await session.get(url):
                print(url)


def with_block(lock, flag):  # metrics: cyclomatic=2 branches=1 statements=3 cognitive=1
    with lock:
        if flag:
            print(flag)


def expressions(items, a, b):  # metrics: cyclomatic=1 branches=0 statements=4 cognitive=5
    pick = a if b else None
    total = sum(x for x in items if x)
    key = lambda item: item.name if item else None
    ok = a and b or not a
    return pick, total, key, ok


def outer(items):  # metrics: cyclomatic=6 branches=1 statements=4 returns=1 cognitive=5
    def inner(x):  # metrics: cyclomatic=2 branches=1 statements=1 returns=1 cognitive=1
        if x:
            return x

    class Local:
        def method(self):  # metrics: cyclomatic=2 branches=1 statements=1 cognitive=1
            for i in range(3):
                print(i)

    if items:
        return inner(items)


def recursive(n):  # metrics: cyclomatic=2 branches=1 returns=2 cognitive=2
    if n <= 1:
        return 1
    return n * recursive(n - 1)


@decorator
def decorated(x):  # metrics: cyclomatic=2 branches=1 statements=2 cognitive=1
    while x:
        x -= 1


def returns_in_nested(x):  # metrics: returns=1 statements=2
    def helper():  # metrics: returns=2
        if x:
            return 1
        return 2

    return helper
