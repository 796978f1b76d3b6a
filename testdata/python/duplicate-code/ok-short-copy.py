"""Five lines copied from order_total: shorter than the six a duplicate needs."""


def partial(items, limit):
    total = 0
    count = len(items)
    for item in items:
        total += item.price
    return total, count, limit
