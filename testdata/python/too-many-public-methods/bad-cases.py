# check: python
# expect: python/too-many-public-methods Wide value=21
class Wide:
    def method_0(self):
        pass

    def method_1(self):
        pass

    def method_2(self):
        pass

    def method_3(self):
        pass

    def method_4(self):
        pass

    def method_5(self):
        pass

    def method_6(self):
        pass

    def method_7(self):
        pass

    def method_8(self):
        pass

    def method_9(self):
        pass

    def method_10(self):
        pass

    def method_11(self):
        pass

    def method_12(self):
        pass

    def method_13(self):
        pass

    def method_14(self):
        pass

    def method_15(self):
        pass

    def method_16(self):
        pass

    def method_17(self):
        pass

    def method_18(self):
        pass

    def method_19(self):
        pass

    def method_20(self):
        pass



@decorated
# expect: python/too-many-public-methods WideDecorated value=21
class WideDecorated:
    def method_0(self):
        pass

    def method_1(self):
        pass

    def method_2(self):
        pass

    def method_3(self):
        pass

    def method_4(self):
        pass

    def method_5(self):
        pass

    def method_6(self):
        pass

    def method_7(self):
        pass

    def method_8(self):
        pass

    def method_9(self):
        pass

    def method_10(self):
        pass

    def method_11(self):
        pass

    def method_12(self):
        pass

    def method_13(self):
        pass

    def method_14(self):
        pass

    def method_15(self):
        pass

    def method_16(self):
        pass

    def method_17(self):
        pass

    def method_18(self):
        pass

    def method_19(self):
        pass

    def method_20(self):
        pass



class Narrow:
    def method_0(self):
        pass

    def method_1(self):
        pass

    def method_2(self):
        pass

    def method_3(self):
        pass

    def method_4(self):
        pass

    def method_5(self):
        pass

    def method_6(self):
        pass

    def method_7(self):
        pass

    def method_8(self):
        pass

    def method_9(self):
        pass

    def method_10(self):
        pass

    def method_11(self):
        pass

    def method_12(self):
        pass

    def method_13(self):
        pass

    def method_14(self):
        pass

    def method_15(self):
        pass

    def method_16(self):
        pass

    def method_17(self):
        pass

    def method_18(self):
        pass

    def method_19(self):
        pass

    def _helper(self):
        pass
