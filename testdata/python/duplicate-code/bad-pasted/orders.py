"""Order totals."""
import logging

log = logging.getLogger(__name__)


def order_total(items, limit):
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
