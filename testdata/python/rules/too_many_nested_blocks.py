def six_deep(rows):  # fires: cognitive-complexity=21
    for row in rows:  # fires: too-many-nested-blocks=6
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
