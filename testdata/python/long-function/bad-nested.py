# A function defined inside another is measured on its own: its lines are not counted again
# in the function around it, whose own code here is 4 lines.
# settings: max-function-lines = 5


def make_handler(config):
    timeout = config.timeout

    # expect: python/long-function handler value=7
    def handler(request):
        first = request.first
        second = request.second
        third = request.third
        fourth = request.fourth
        fifth = request.fifth
        sixth = request.sixth
        return first, second, third, fourth, fifth, sixth, timeout

    return handler


def make_manager(base):
    # A class defined in a function is measured by large-class, not again here.
    class Manager(base):
        def first(self):
            return self.items[0]

        def second(self):
            return self.items[1]

        def third(self):
            return self.items[2]

    return Manager
