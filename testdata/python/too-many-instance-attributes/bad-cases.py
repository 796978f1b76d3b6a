# check: python
# expect: python/too-many-instance-attributes Job value=8
class Job:
    def __init__(self):
        self.id = 0
        self.name = ""
        self.owner = None
        self.started = None
        self.finished = None

    def run(self):
        self.status = "running"
        self.retries = 0
        self.log = []
        self.status = "done"


class Small:
    def __init__(self, other):
        self.a = 1
        self.b = 2
        other.c = 3
        other.d = 4
        other.e = 5
        other.f = 6
        other.g = 7
        other.h = 8
