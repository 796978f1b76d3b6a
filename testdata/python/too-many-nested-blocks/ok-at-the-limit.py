# Five nested blocks, the maximum: not reported.


def five_deep(rows):
    for row in rows:
        if row:
            for cell in row:
                if cell:
                    while cell:
                        cell -= 1
