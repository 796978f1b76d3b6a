# A class's lines of code leave out docstrings, comment lines, each method's parameter
# list after its first line (the function does not count it either) and data literals
# after their first line, here in a class attribute and in annotations: 500 or fewer.

from typing import Annotated

from annotated_doc import Doc


class Application:
    """The application.

    Documented at length.
    """

    DEFAULTS = {
        "setting_0": 0,
        "setting_1": 1,
        "setting_2": 2,
        "setting_3": 3,
        "setting_4": 4,
        "setting_5": 5,
        "setting_6": 6,
        "setting_7": 7,
        "setting_8": 8,
        "setting_9": 9,
        "setting_10": 10,
        "setting_11": 11,
        "setting_12": 12,
        "setting_13": 13,
        "setting_14": 14,
        "setting_15": 15,
        "setting_16": 16,
        "setting_17": 17,
        "setting_18": 18,
        "setting_19": 19,
        "setting_20": 20,
        "setting_21": 21,
        "setting_22": 22,
        "setting_23": 23,
        "setting_24": 24,
        "setting_25": 25,
        "setting_26": 26,
        "setting_27": 27,
        "setting_28": 28,
        "setting_29": 29,
        "setting_30": 30,
        "setting_31": 31,
        "setting_32": 32,
        "setting_33": 33,
        "setting_34": 34,
        "setting_35": 35,
        "setting_36": 36,
        "setting_37": 37,
        "setting_38": 38,
        "setting_39": 39,
        "setting_40": 40,
        "setting_41": 41,
        "setting_42": 42,
        "setting_43": 43,
        "setting_44": 44,
        "setting_45": 45,
        "setting_46": 46,
        "setting_47": 47,
        "setting_48": 48,
        "setting_49": 49,
        "setting_50": 50,
        "setting_51": 51,
        "setting_52": 52,
        "setting_53": 53,
        "setting_54": 54,
        "setting_55": 55,
        "setting_56": 56,
        "setting_57": 57,
        "setting_58": 58,
        "setting_59": 59,
        "setting_60": 60,
        "setting_61": 61,
        "setting_62": 62,
        "setting_63": 63,
        "setting_64": 64,
        "setting_65": 65,
        "setting_66": 66,
        "setting_67": 67,
        "setting_68": 68,
        "setting_69": 69,
        "setting_70": 70,
        "setting_71": 71,
        "setting_72": 72,
        "setting_73": 73,
        "setting_74": 74,
        "setting_75": 75,
        "setting_76": 76,
        "setting_77": 77,
        "setting_78": 78,
        "setting_79": 79,
        "setting_80": 80,
        "setting_81": 81,
        "setting_82": 82,
        "setting_83": 83,
        "setting_84": 84,
        "setting_85": 85,
        "setting_86": 86,
        "setting_87": 87,
        "setting_88": 88,
        "setting_89": 89,
        "setting_90": 90,
        "setting_91": 91,
        "setting_92": 92,
        "setting_93": 93,
        "setting_94": 94,
        "setting_95": 95,
        "setting_96": 96,
        "setting_97": 97,
        "setting_98": 98,
        "setting_99": 99,
        "setting_100": 100,
        "setting_101": 101,
        "setting_102": 102,
        "setting_103": 103,
        "setting_104": 104,
        "setting_105": 105,
        "setting_106": 106,
        "setting_107": 107,
        "setting_108": 108,
        "setting_109": 109,
        "setting_110": 110,
        "setting_111": 111,
        "setting_112": 112,
        "setting_113": 113,
        "setting_114": 114,
        "setting_115": 115,
        "setting_116": 116,
        "setting_117": 117,
        "setting_118": 118,
        "setting_119": 119,
        "setting_120": 120,
        "setting_121": 121,
        "setting_122": 122,
        "setting_123": 123,
        "setting_124": 124,
        "setting_125": 125,
        "setting_126": 126,
        "setting_127": 127,
        "setting_128": 128,
        "setting_129": 129,
        "setting_130": 130,
        "setting_131": 131,
        "setting_132": 132,
        "setting_133": 133,
        "setting_134": 134,
        "setting_135": 135,
        "setting_136": 136,
        "setting_137": 137,
        "setting_138": 138,
        "setting_139": 139,
        "setting_140": 140,
        "setting_141": 141,
        "setting_142": 142,
        "setting_143": 143,
        "setting_144": 144,
        "setting_145": 145,
        "setting_146": 146,
        "setting_147": 147,
        "setting_148": 148,
        "setting_149": 149,
        "setting_150": 150,
        "setting_151": 151,
        "setting_152": 152,
        "setting_153": 153,
        "setting_154": 154,
        "setting_155": 155,
        "setting_156": 156,
        "setting_157": 157,
        "setting_158": 158,
        "setting_159": 159,
        "setting_160": 160,
        "setting_161": 161,
        "setting_162": 162,
        "setting_163": 163,
        "setting_164": 164,
        "setting_165": 165,
        "setting_166": 166,
        "setting_167": 167,
        "setting_168": 168,
        "setting_169": 169,
        "setting_170": 170,
        "setting_171": 171,
        "setting_172": 172,
        "setting_173": 173,
        "setting_174": 174,
        "setting_175": 175,
        "setting_176": 176,
        "setting_177": 177,
        "setting_178": 178,
        "setting_179": 179,
        "setting_180": 180,
        "setting_181": 181,
        "setting_182": 182,
        "setting_183": 183,
        "setting_184": 184,
        "setting_185": 185,
        "setting_186": 186,
        "setting_187": 187,
        "setting_188": 188,
        "setting_189": 189,
        "setting_190": 190,
        "setting_191": 191,
        "setting_192": 192,
        "setting_193": 193,
        "setting_194": 194,
        "setting_195": 195,
        "setting_196": 196,
        "setting_197": 197,
        "setting_198": 198,
        "setting_199": 199,
    }

    def route_0(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 0.

        More words about it.
        """
        # Forward everything.
        self.register(0, param_0, param_1)

    def route_1(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 1.

        More words about it.
        """
        # Forward everything.
        self.register(1, param_0, param_1)

    def route_2(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 2.

        More words about it.
        """
        # Forward everything.
        self.register(2, param_0, param_1)

    def route_3(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 3.

        More words about it.
        """
        # Forward everything.
        self.register(3, param_0, param_1)

    def route_4(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 4.

        More words about it.
        """
        # Forward everything.
        self.register(4, param_0, param_1)

    def route_5(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 5.

        More words about it.
        """
        # Forward everything.
        self.register(5, param_0, param_1)

    def route_6(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 6.

        More words about it.
        """
        # Forward everything.
        self.register(6, param_0, param_1)

    def route_7(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 7.

        More words about it.
        """
        # Forward everything.
        self.register(7, param_0, param_1)

    def route_8(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 8.

        More words about it.
        """
        # Forward everything.
        self.register(8, param_0, param_1)

    def route_9(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 9.

        More words about it.
        """
        # Forward everything.
        self.register(9, param_0, param_1)

    def route_10(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 10.

        More words about it.
        """
        # Forward everything.
        self.register(10, param_0, param_1)

    def route_11(
        self,
        param_0: Annotated[
            str | None,
            Doc(
                """
                What param_0 does.

                At some length.
                """
            ),
        ] = None,
        param_1: Annotated[
            str | None,
            Doc(
                """
                What param_1 does.

                At some length.
                """
            ),
        ] = None,
        param_2: Annotated[
            str | None,
            Doc(
                """
                What param_2 does.

                At some length.
                """
            ),
        ] = None,
        param_3: Annotated[
            str | None,
            Doc(
                """
                What param_3 does.

                At some length.
                """
            ),
        ] = None,
        param_4: Annotated[
            str | None,
            Doc(
                """
                What param_4 does.

                At some length.
                """
            ),
        ] = None,
        param_5: Annotated[
            str | None,
            Doc(
                """
                What param_5 does.

                At some length.
                """
            ),
        ] = None,
        param_6: Annotated[
            str | None,
            Doc(
                """
                What param_6 does.

                At some length.
                """
            ),
        ] = None,
        param_7: Annotated[
            str | None,
            Doc(
                """
                What param_7 does.

                At some length.
                """
            ),
        ] = None,
        param_8: Annotated[
            str | None,
            Doc(
                """
                What param_8 does.

                At some length.
                """
            ),
        ] = None,
        param_9: Annotated[
            str | None,
            Doc(
                """
                What param_9 does.

                At some length.
                """
            ),
        ] = None,
        param_10: Annotated[
            str | None,
            Doc(
                """
                What param_10 does.

                At some length.
                """
            ),
        ] = None,
        param_11: Annotated[
            str | None,
            Doc(
                """
                What param_11 does.

                At some length.
                """
            ),
        ] = None,
    ) -> None:
        """Register route 11.

        More words about it.
        """
        # Forward everything.
        self.register(11, param_0, param_1)

