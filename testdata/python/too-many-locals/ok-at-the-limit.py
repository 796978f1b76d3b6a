# Fifteen locals, the maximum: not reported.


def fifteen():
    local_0 = 0
    local_1 = 1
    local_2 = 2
    local_3 = 3
    local_4 = 4
    local_5 = 5
    local_6 = 6
    local_7 = 7
    local_8 = 8
    local_9 = 9
    local_10 = 10
    local_11 = 11
    local_12 = 12
    local_13 = 13
    local_14 = 14
    return local_0
