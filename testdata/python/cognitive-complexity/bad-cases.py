# check: python
# expect: python/cognitive-complexity tangled value=17
def tangled(rows, flag):
    for row in rows:  # +1
        if row and flag:  # +2 (nesting 1), +1 for `and`
            for cell in row:  # +3 (nesting 2)
                if cell:  # +4 (nesting 3)
                    pass
                elif flag or cell is None:  # +1, +1 for `or`
                    pass
        else:  # +1
            while flag:  # +3 (nesting 2)
                flag = not flag
    return rows


def readable(rows):
    for row in rows:
        if not row:
            continue
        print(row)
