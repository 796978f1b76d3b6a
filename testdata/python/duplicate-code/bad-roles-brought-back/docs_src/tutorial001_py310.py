# settings: duplicate-skip-roles = []
"""Tutorial: totals."""


def order_total(items, limit):
    # expect: python/duplicate-code total = 0 value=10
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
