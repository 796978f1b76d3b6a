"""Invoice totals, grown one special case at a time."""


def invoice_total(items, customer, region, coupon, currency, rounding):
    total = 0
    for item in items:
        if item.kind == "service":
            if region == "EU":
                total += item.price * 1.2
            elif region == "UK":
                total += item.price * 1.2
            elif region == "US":
                total += item.price
            else:
                total += item.price * 1.1
        elif item.kind == "goods":
            if item.weight > 10:
                total += item.price + 15
            else:
                total += item.price + 5
        else:
            continue
    if coupon and customer.is_member:
        total *= 0.9
    try:
        total = currency.convert(total)
    except ValueError:
        total = 0
    except KeyError:
        total = -1
    if rounding:
        total = round(total, 2)
    return total


def add(a, b):
    return a + b
