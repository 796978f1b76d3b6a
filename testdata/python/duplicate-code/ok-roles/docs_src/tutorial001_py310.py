"""Tutorial: totals."""


def order_total(items, limit):
    total = 0
    count = len(items)
    print("%d items" % count)
    for item in items:
        if item.weight > limit:
            total += item.weight * 3
        elif item.weight < 0:
            raise ValueError(item)
        else:
            total += item.weight
    return total
