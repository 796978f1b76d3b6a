# check: python
# expect: python/cognitive-complexity six_deep value=21
def six_deep(rows):
    # expect: python/too-many-nested-blocks for value=6
    for row in rows:
        if row:
            for cell in row:
                if cell:
                    while cell:
                        if cell > 1:
                            cell -= 1
                        cell -= 1


def five_deep(rows):
    for row in rows:
        if row:
            for cell in row:
                if cell:
                    while cell:
                        cell -= 1
