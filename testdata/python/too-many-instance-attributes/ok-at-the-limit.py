# Seven instance attributes, the maximum; assigning one twice counts once.


class Job:
    def __init__(self):
        self.a0 = 0
        self.a1 = 1
        self.a2 = 2
        self.a3 = 3
        self.a4 = 4
        self.a5 = 5
        self.a6 = 6

    def reset(self):
        self.a0 = 0
