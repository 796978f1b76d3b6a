"""Quotes: the order loop, pasted."""
import logging

# A function's signature and docstring are not compared: the copy starts here.
# expect: python/duplicate-code log = logging value=16
log = logging.getLogger(__name__)


def quote_total(items, limit):
    """Same as order_total."""
    total = 0
    count = len(items)
    log.info("%d items", count)
    for item in items:
        if item.price > limit:
            total += item.price * 2
        elif item.price < 0:
            raise ValueError(item)
        else:
            total += item.price
    return total


# tollgate: ignore[python/duplicate-code] kept apart on purpose
def renamed_total(rows, cap):
    amount = 0
    count = len(rows)
    log.info("%d items", count)
    for row in rows:
        if row.price > cap:
            amount += row.price * 2
        elif row.price < 0:
            raise ValueError(row)
        else:
            amount += row.price
    return amount
