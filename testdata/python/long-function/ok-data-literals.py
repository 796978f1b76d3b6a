# Lines of code are the body's lines that are neither blank nor only a comment, without
# the docstring, and without the lines of a data literal after its first: a dict, list,
# set or tuple display, a string, or a call's arguments when every one is a plain value
# (a literal, a name, `a.b`, `key=` one of those). No function here has over 100.


def test_openapi_schema(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.json() == {
        "path0": {"get": {"operationId": "op0", "responses": [200, 404]}},
        "path1": {"get": {"operationId": "op1", "responses": [200, 404]}},
        "path2": {"get": {"operationId": "op2", "responses": [200, 404]}},
        "path3": {"get": {"operationId": "op3", "responses": [200, 404]}},
        "path4": {"get": {"operationId": "op4", "responses": [200, 404]}},
        "path5": {"get": {"operationId": "op5", "responses": [200, 404]}},
        "path6": {"get": {"operationId": "op6", "responses": [200, 404]}},
        "path7": {"get": {"operationId": "op7", "responses": [200, 404]}},
        "path8": {"get": {"operationId": "op8", "responses": [200, 404]}},
        "path9": {"get": {"operationId": "op9", "responses": [200, 404]}},
        "path10": {"get": {"operationId": "op10", "responses": [200, 404]}},
        "path11": {"get": {"operationId": "op11", "responses": [200, 404]}},
        "path12": {"get": {"operationId": "op12", "responses": [200, 404]}},
        "path13": {"get": {"operationId": "op13", "responses": [200, 404]}},
        "path14": {"get": {"operationId": "op14", "responses": [200, 404]}},
        "path15": {"get": {"operationId": "op15", "responses": [200, 404]}},
        "path16": {"get": {"operationId": "op16", "responses": [200, 404]}},
        "path17": {"get": {"operationId": "op17", "responses": [200, 404]}},
        "path18": {"get": {"operationId": "op18", "responses": [200, 404]}},
        "path19": {"get": {"operationId": "op19", "responses": [200, 404]}},
        "path20": {"get": {"operationId": "op20", "responses": [200, 404]}},
        "path21": {"get": {"operationId": "op21", "responses": [200, 404]}},
        "path22": {"get": {"operationId": "op22", "responses": [200, 404]}},
        "path23": {"get": {"operationId": "op23", "responses": [200, 404]}},
        "path24": {"get": {"operationId": "op24", "responses": [200, 404]}},
        "path25": {"get": {"operationId": "op25", "responses": [200, 404]}},
        "path26": {"get": {"operationId": "op26", "responses": [200, 404]}},
        "path27": {"get": {"operationId": "op27", "responses": [200, 404]}},
        "path28": {"get": {"operationId": "op28", "responses": [200, 404]}},
        "path29": {"get": {"operationId": "op29", "responses": [200, 404]}},
        "path30": {"get": {"operationId": "op30", "responses": [200, 404]}},
        "path31": {"get": {"operationId": "op31", "responses": [200, 404]}},
        "path32": {"get": {"operationId": "op32", "responses": [200, 404]}},
        "path33": {"get": {"operationId": "op33", "responses": [200, 404]}},
        "path34": {"get": {"operationId": "op34", "responses": [200, 404]}},
        "path35": {"get": {"operationId": "op35", "responses": [200, 404]}},
        "path36": {"get": {"operationId": "op36", "responses": [200, 404]}},
        "path37": {"get": {"operationId": "op37", "responses": [200, 404]}},
        "path38": {"get": {"operationId": "op38", "responses": [200, 404]}},
        "path39": {"get": {"operationId": "op39", "responses": [200, 404]}},
        "path40": {"get": {"operationId": "op40", "responses": [200, 404]}},
        "path41": {"get": {"operationId": "op41", "responses": [200, 404]}},
        "path42": {"get": {"operationId": "op42", "responses": [200, 404]}},
        "path43": {"get": {"operationId": "op43", "responses": [200, 404]}},
        "path44": {"get": {"operationId": "op44", "responses": [200, 404]}},
        "path45": {"get": {"operationId": "op45", "responses": [200, 404]}},
        "path46": {"get": {"operationId": "op46", "responses": [200, 404]}},
        "path47": {"get": {"operationId": "op47", "responses": [200, 404]}},
        "path48": {"get": {"operationId": "op48", "responses": [200, 404]}},
        "path49": {"get": {"operationId": "op49", "responses": [200, 404]}},
        "path50": {"get": {"operationId": "op50", "responses": [200, 404]}},
        "path51": {"get": {"operationId": "op51", "responses": [200, 404]}},
        "path52": {"get": {"operationId": "op52", "responses": [200, 404]}},
        "path53": {"get": {"operationId": "op53", "responses": [200, 404]}},
        "path54": {"get": {"operationId": "op54", "responses": [200, 404]}},
        "path55": {"get": {"operationId": "op55", "responses": [200, 404]}},
        "path56": {"get": {"operationId": "op56", "responses": [200, 404]}},
        "path57": {"get": {"operationId": "op57", "responses": [200, 404]}},
        "path58": {"get": {"operationId": "op58", "responses": [200, 404]}},
        "path59": {"get": {"operationId": "op59", "responses": [200, 404]}},
        "path60": {"get": {"operationId": "op60", "responses": [200, 404]}},
        "path61": {"get": {"operationId": "op61", "responses": [200, 404]}},
        "path62": {"get": {"operationId": "op62", "responses": [200, 404]}},
        "path63": {"get": {"operationId": "op63", "responses": [200, 404]}},
        "path64": {"get": {"operationId": "op64", "responses": [200, 404]}},
        "path65": {"get": {"operationId": "op65", "responses": [200, 404]}},
        "path66": {"get": {"operationId": "op66", "responses": [200, 404]}},
        "path67": {"get": {"operationId": "op67", "responses": [200, 404]}},
        "path68": {"get": {"operationId": "op68", "responses": [200, 404]}},
        "path69": {"get": {"operationId": "op69", "responses": [200, 404]}},
        "path70": {"get": {"operationId": "op70", "responses": [200, 404]}},
        "path71": {"get": {"operationId": "op71", "responses": [200, 404]}},
        "path72": {"get": {"operationId": "op72", "responses": [200, 404]}},
        "path73": {"get": {"operationId": "op73", "responses": [200, 404]}},
        "path74": {"get": {"operationId": "op74", "responses": [200, 404]}},
        "path75": {"get": {"operationId": "op75", "responses": [200, 404]}},
        "path76": {"get": {"operationId": "op76", "responses": [200, 404]}},
        "path77": {"get": {"operationId": "op77", "responses": [200, 404]}},
        "path78": {"get": {"operationId": "op78", "responses": [200, 404]}},
        "path79": {"get": {"operationId": "op79", "responses": [200, 404]}},
        "path80": {"get": {"operationId": "op80", "responses": [200, 404]}},
        "path81": {"get": {"operationId": "op81", "responses": [200, 404]}},
        "path82": {"get": {"operationId": "op82", "responses": [200, 404]}},
        "path83": {"get": {"operationId": "op83", "responses": [200, 404]}},
        "path84": {"get": {"operationId": "op84", "responses": [200, 404]}},
        "path85": {"get": {"operationId": "op85", "responses": [200, 404]}},
        "path86": {"get": {"operationId": "op86", "responses": [200, 404]}},
        "path87": {"get": {"operationId": "op87", "responses": [200, 404]}},
        "path88": {"get": {"operationId": "op88", "responses": [200, 404]}},
        "path89": {"get": {"operationId": "op89", "responses": [200, 404]}},
        "path90": {"get": {"operationId": "op90", "responses": [200, 404]}},
        "path91": {"get": {"operationId": "op91", "responses": [200, 404]}},
        "path92": {"get": {"operationId": "op92", "responses": [200, 404]}},
        "path93": {"get": {"operationId": "op93", "responses": [200, 404]}},
        "path94": {"get": {"operationId": "op94", "responses": [200, 404]}},
        "path95": {"get": {"operationId": "op95", "responses": [200, 404]}},
        "path96": {"get": {"operationId": "op96", "responses": [200, 404]}},
        "path97": {"get": {"operationId": "op97", "responses": [200, 404]}},
        "path98": {"get": {"operationId": "op98", "responses": [200, 404]}},
        "path99": {"get": {"operationId": "op99", "responses": [200, 404]}},
        "path100": {"get": {"operationId": "op100", "responses": [200, 404]}},
        "path101": {"get": {"operationId": "op101", "responses": [200, 404]}},
        "path102": {"get": {"operationId": "op102", "responses": [200, 404]}},
        "path103": {"get": {"operationId": "op103", "responses": [200, 404]}},
        "path104": {"get": {"operationId": "op104", "responses": [200, 404]}},
        "path105": {"get": {"operationId": "op105", "responses": [200, 404]}},
        "path106": {"get": {"operationId": "op106", "responses": [200, 404]}},
        "path107": {"get": {"operationId": "op107", "responses": [200, 404]}},
        "path108": {"get": {"operationId": "op108", "responses": [200, 404]}},
        "path109": {"get": {"operationId": "op109", "responses": [200, 404]}},
        "path110": {"get": {"operationId": "op110", "responses": [200, 404]}},
        "path111": {"get": {"operationId": "op111", "responses": [200, 404]}},
        "path112": {"get": {"operationId": "op112", "responses": [200, 404]}},
        "path113": {"get": {"operationId": "op113", "responses": [200, 404]}},
        "path114": {"get": {"operationId": "op114", "responses": [200, 404]}},
        "path115": {"get": {"operationId": "op115", "responses": [200, 404]}},
        "path116": {"get": {"operationId": "op116", "responses": [200, 404]}},
        "path117": {"get": {"operationId": "op117", "responses": [200, 404]}},
        "path118": {"get": {"operationId": "op118", "responses": [200, 404]}},
        "path119": {"get": {"operationId": "op119", "responses": [200, 404]}},
        "path120": {"get": {"operationId": "op120", "responses": [200, 404]}},
        "path121": {"get": {"operationId": "op121", "responses": [200, 404]}},
        "path122": {"get": {"operationId": "op122", "responses": [200, 404]}},
        "path123": {"get": {"operationId": "op123", "responses": [200, 404]}},
        "path124": {"get": {"operationId": "op124", "responses": [200, 404]}},
        "path125": {"get": {"operationId": "op125", "responses": [200, 404]}},
        "path126": {"get": {"operationId": "op126", "responses": [200, 404]}},
        "path127": {"get": {"operationId": "op127", "responses": [200, 404]}},
        "path128": {"get": {"operationId": "op128", "responses": [200, 404]}},
        "path129": {"get": {"operationId": "op129", "responses": [200, 404]}},
        "path130": {"get": {"operationId": "op130", "responses": [200, 404]}},
        "path131": {"get": {"operationId": "op131", "responses": [200, 404]}},
        "path132": {"get": {"operationId": "op132", "responses": [200, 404]}},
        "path133": {"get": {"operationId": "op133", "responses": [200, 404]}},
        "path134": {"get": {"operationId": "op134", "responses": [200, 404]}},
        "path135": {"get": {"operationId": "op135", "responses": [200, 404]}},
        "path136": {"get": {"operationId": "op136", "responses": [200, 404]}},
        "path137": {"get": {"operationId": "op137", "responses": [200, 404]}},
        "path138": {"get": {"operationId": "op138", "responses": [200, 404]}},
        "path139": {"get": {"operationId": "op139", "responses": [200, 404]}},
        "path140": {"get": {"operationId": "op140", "responses": [200, 404]}},
        "path141": {"get": {"operationId": "op141", "responses": [200, 404]}},
        "path142": {"get": {"operationId": "op142", "responses": [200, 404]}},
        "path143": {"get": {"operationId": "op143", "responses": [200, 404]}},
        "path144": {"get": {"operationId": "op144", "responses": [200, 404]}},
        "path145": {"get": {"operationId": "op145", "responses": [200, 404]}},
        "path146": {"get": {"operationId": "op146", "responses": [200, 404]}},
        "path147": {"get": {"operationId": "op147", "responses": [200, 404]}},
        "path148": {"get": {"operationId": "op148", "responses": [200, 404]}},
        "path149": {"get": {"operationId": "op149", "responses": [200, 404]}},
    }


def at_the_limit_with_a_table():
    print(0)
    print(1)
    print(2)
    print(3)
    print(4)
    print(5)
    print(6)
    print(7)
    print(8)
    print(9)
    print(10)
    print(11)
    print(12)
    print(13)
    print(14)
    print(15)
    print(16)
    print(17)
    print(18)
    print(19)
    print(20)
    print(21)
    print(22)
    print(23)
    print(24)
    print(25)
    print(26)
    print(27)
    print(28)
    print(29)
    print(30)
    print(31)
    print(32)
    print(33)
    print(34)
    print(35)
    print(36)
    print(37)
    print(38)
    print(39)
    print(40)
    print(41)
    print(42)
    print(43)
    print(44)
    print(45)
    print(46)
    print(47)
    print(48)
    print(49)
    print(50)
    print(51)
    print(52)
    print(53)
    print(54)
    print(55)
    print(56)
    print(57)
    print(58)
    print(59)
    print(60)
    print(61)
    print(62)
    print(63)
    print(64)
    print(65)
    print(66)
    print(67)
    print(68)
    print(69)
    print(70)
    print(71)
    print(72)
    print(73)
    print(74)
    print(75)
    print(76)
    print(77)
    print(78)
    print(79)
    print(80)
    print(81)
    print(82)
    print(83)
    print(84)
    print(85)
    print(86)
    print(87)
    print(88)
    print(89)
    print(90)
    print(91)
    print(92)
    print(93)
    print(94)
    print(95)
    print(96)
    print(97)
    table = [
        (0, "row 0"),
        (1, "row 1"),
        (2, "row 2"),
        (3, "row 3"),
        (4, "row 4"),
        (5, "row 5"),
        (6, "row 6"),
        (7, "row 7"),
        (8, "row 8"),
        (9, "row 9"),
        (10, "row 10"),
        (11, "row 11"),
        (12, "row 12"),
        (13, "row 13"),
        (14, "row 14"),
        (15, "row 15"),
        (16, "row 16"),
        (17, "row 17"),
        (18, "row 18"),
        (19, "row 19"),
        (20, "row 20"),
        (21, "row 21"),
        (22, "row 22"),
        (23, "row 23"),
        (24, "row 24"),
        (25, "row 25"),
        (26, "row 26"),
        (27, "row 27"),
        (28, "row 28"),
        (29, "row 29"),
        (30, "row 30"),
        (31, "row 31"),
        (32, "row 32"),
        (33, "row 33"),
        (34, "row 34"),
        (35, "row 35"),
        (36, "row 36"),
        (37, "row 37"),
        (38, "row 38"),
        (39, "row 39"),
        (40, "row 40"),
        (41, "row 41"),
        (42, "row 42"),
        (43, "row 43"),
        (44, "row 44"),
        (45, "row 45"),
        (46, "row 46"),
        (47, "row 47"),
        (48, "row 48"),
        (49, "row 49"),
    ]
    return table


def query(cursor):
    cursor.execute(
        """
        SELECT column_0 FROM table_0
        SELECT column_1 FROM table_1
        SELECT column_2 FROM table_2
        SELECT column_3 FROM table_3
        SELECT column_4 FROM table_4
        SELECT column_5 FROM table_5
        SELECT column_6 FROM table_6
        SELECT column_7 FROM table_7
        SELECT column_8 FROM table_8
        SELECT column_9 FROM table_9
        SELECT column_10 FROM table_10
        SELECT column_11 FROM table_11
        SELECT column_12 FROM table_12
        SELECT column_13 FROM table_13
        SELECT column_14 FROM table_14
        SELECT column_15 FROM table_15
        SELECT column_16 FROM table_16
        SELECT column_17 FROM table_17
        SELECT column_18 FROM table_18
        SELECT column_19 FROM table_19
        SELECT column_20 FROM table_20
        SELECT column_21 FROM table_21
        SELECT column_22 FROM table_22
        SELECT column_23 FROM table_23
        SELECT column_24 FROM table_24
        SELECT column_25 FROM table_25
        SELECT column_26 FROM table_26
        SELECT column_27 FROM table_27
        SELECT column_28 FROM table_28
        SELECT column_29 FROM table_29
        SELECT column_30 FROM table_30
        SELECT column_31 FROM table_31
        SELECT column_32 FROM table_32
        SELECT column_33 FROM table_33
        SELECT column_34 FROM table_34
        SELECT column_35 FROM table_35
        SELECT column_36 FROM table_36
        SELECT column_37 FROM table_37
        SELECT column_38 FROM table_38
        SELECT column_39 FROM table_39
        SELECT column_40 FROM table_40
        SELECT column_41 FROM table_41
        SELECT column_42 FROM table_42
        SELECT column_43 FROM table_43
        SELECT column_44 FROM table_44
        SELECT column_45 FROM table_45
        SELECT column_46 FROM table_46
        SELECT column_47 FROM table_47
        SELECT column_48 FROM table_48
        SELECT column_49 FROM table_49
        SELECT column_50 FROM table_50
        SELECT column_51 FROM table_51
        SELECT column_52 FROM table_52
        SELECT column_53 FROM table_53
        SELECT column_54 FROM table_54
        SELECT column_55 FROM table_55
        SELECT column_56 FROM table_56
        SELECT column_57 FROM table_57
        SELECT column_58 FROM table_58
        SELECT column_59 FROM table_59
        SELECT column_60 FROM table_60
        SELECT column_61 FROM table_61
        SELECT column_62 FROM table_62
        SELECT column_63 FROM table_63
        SELECT column_64 FROM table_64
        SELECT column_65 FROM table_65
        SELECT column_66 FROM table_66
        SELECT column_67 FROM table_67
        SELECT column_68 FROM table_68
        SELECT column_69 FROM table_69
        SELECT column_70 FROM table_70
        SELECT column_71 FROM table_71
        SELECT column_72 FROM table_72
        SELECT column_73 FROM table_73
        SELECT column_74 FROM table_74
        SELECT column_75 FROM table_75
        SELECT column_76 FROM table_76
        SELECT column_77 FROM table_77
        SELECT column_78 FROM table_78
        SELECT column_79 FROM table_79
        SELECT column_80 FROM table_80
        SELECT column_81 FROM table_81
        SELECT column_82 FROM table_82
        SELECT column_83 FROM table_83
        SELECT column_84 FROM table_84
        SELECT column_85 FROM table_85
        SELECT column_86 FROM table_86
        SELECT column_87 FROM table_87
        SELECT column_88 FROM table_88
        SELECT column_89 FROM table_89
        SELECT column_90 FROM table_90
        SELECT column_91 FROM table_91
        SELECT column_92 FROM table_92
        SELECT column_93 FROM table_93
        SELECT column_94 FROM table_94
        SELECT column_95 FROM table_95
        SELECT column_96 FROM table_96
        SELECT column_97 FROM table_97
        SELECT column_98 FROM table_98
        SELECT column_99 FROM table_99
        SELECT column_100 FROM table_100
        SELECT column_101 FROM table_101
        SELECT column_102 FROM table_102
        SELECT column_103 FROM table_103
        SELECT column_104 FROM table_104
        SELECT column_105 FROM table_105
        SELECT column_106 FROM table_106
        SELECT column_107 FROM table_107
        SELECT column_108 FROM table_108
        SELECT column_109 FROM table_109
        SELECT column_110 FROM table_110
        SELECT column_111 FROM table_111
        SELECT column_112 FROM table_112
        SELECT column_113 FROM table_113
        SELECT column_114 FROM table_114
        SELECT column_115 FROM table_115
        SELECT column_116 FROM table_116
        SELECT column_117 FROM table_117
        SELECT column_118 FROM table_118
        SELECT column_119 FROM table_119
        """
    )
    return cursor.fetchall()


def commented(values):
    values = list(values)
    # step 0: explained at length
    # step 1: explained at length
    # step 2: explained at length
    # step 3: explained at length
    # step 4: explained at length
    # step 5: explained at length
    # step 6: explained at length
    # step 7: explained at length
    # step 8: explained at length
    # step 9: explained at length
    # step 10: explained at length
    # step 11: explained at length
    # step 12: explained at length
    # step 13: explained at length
    # step 14: explained at length
    # step 15: explained at length
    # step 16: explained at length
    # step 17: explained at length
    # step 18: explained at length
    # step 19: explained at length
    # step 20: explained at length
    # step 21: explained at length
    # step 22: explained at length
    # step 23: explained at length
    # step 24: explained at length
    # step 25: explained at length
    # step 26: explained at length
    # step 27: explained at length
    # step 28: explained at length
    # step 29: explained at length
    # step 30: explained at length
    # step 31: explained at length
    # step 32: explained at length
    # step 33: explained at length
    # step 34: explained at length
    # step 35: explained at length
    # step 36: explained at length
    # step 37: explained at length
    # step 38: explained at length
    # step 39: explained at length
    # step 40: explained at length
    # step 41: explained at length
    # step 42: explained at length
    # step 43: explained at length
    # step 44: explained at length
    # step 45: explained at length
    # step 46: explained at length
    # step 47: explained at length
    # step 48: explained at length
    # step 49: explained at length
    # step 50: explained at length
    # step 51: explained at length
    # step 52: explained at length
    # step 53: explained at length
    # step 54: explained at length
    # step 55: explained at length
    # step 56: explained at length
    # step 57: explained at length
    # step 58: explained at length
    # step 59: explained at length
    # step 60: explained at length
    # step 61: explained at length
    # step 62: explained at length
    # step 63: explained at length
    # step 64: explained at length
    # step 65: explained at length
    # step 66: explained at length
    # step 67: explained at length
    # step 68: explained at length
    # step 69: explained at length
    # step 70: explained at length
    # step 71: explained at length
    # step 72: explained at length
    # step 73: explained at length
    # step 74: explained at length
    # step 75: explained at length
    # step 76: explained at length
    # step 77: explained at length
    # step 78: explained at length
    # step 79: explained at length
    # step 80: explained at length
    # step 81: explained at length
    # step 82: explained at length
    # step 83: explained at length
    # step 84: explained at length
    # step 85: explained at length
    # step 86: explained at length
    # step 87: explained at length
    # step 88: explained at length
    # step 89: explained at length
    # step 90: explained at length
    # step 91: explained at length
    # step 92: explained at length
    # step 93: explained at length
    # step 94: explained at length
    # step 95: explained at length
    # step 96: explained at length
    # step 97: explained at length
    # step 98: explained at length
    # step 99: explained at length
    # step 100: explained at length
    # step 101: explained at length
    # step 102: explained at length
    # step 103: explained at length
    # step 104: explained at length
    # step 105: explained at length
    # step 106: explained at length
    # step 107: explained at length
    # step 108: explained at length
    # step 109: explained at length
    # step 110: explained at length
    # step 111: explained at length
    # step 112: explained at length
    # step 113: explained at length
    # step 114: explained at length
    # step 115: explained at length
    # step 116: explained at length
    # step 117: explained at length
    # step 118: explained at length
    # step 119: explained at length
    return sorted(values)


def add_options(parser):
    parser.add_option(
        option_0=settings.default_0,
        option_1=settings.default_1,
        option_2=settings.default_2,
        option_3=settings.default_3,
        option_4=settings.default_4,
        option_5=settings.default_5,
        option_6=settings.default_6,
        option_7=settings.default_7,
        option_8=settings.default_8,
        option_9=settings.default_9,
        option_10=settings.default_10,
        option_11=settings.default_11,
        option_12=settings.default_12,
        option_13=settings.default_13,
        option_14=settings.default_14,
        option_15=settings.default_15,
        option_16=settings.default_16,
        option_17=settings.default_17,
        option_18=settings.default_18,
        option_19=settings.default_19,
        option_20=settings.default_20,
        option_21=settings.default_21,
        option_22=settings.default_22,
        option_23=settings.default_23,
        option_24=settings.default_24,
        option_25=settings.default_25,
        option_26=settings.default_26,
        option_27=settings.default_27,
        option_28=settings.default_28,
        option_29=settings.default_29,
        option_30=settings.default_30,
        option_31=settings.default_31,
        option_32=settings.default_32,
        option_33=settings.default_33,
        option_34=settings.default_34,
        option_35=settings.default_35,
        option_36=settings.default_36,
        option_37=settings.default_37,
        option_38=settings.default_38,
        option_39=settings.default_39,
        option_40=settings.default_40,
        option_41=settings.default_41,
        option_42=settings.default_42,
        option_43=settings.default_43,
        option_44=settings.default_44,
        option_45=settings.default_45,
        option_46=settings.default_46,
        option_47=settings.default_47,
        option_48=settings.default_48,
        option_49=settings.default_49,
        option_50=settings.default_50,
        option_51=settings.default_51,
        option_52=settings.default_52,
        option_53=settings.default_53,
        option_54=settings.default_54,
        option_55=settings.default_55,
        option_56=settings.default_56,
        option_57=settings.default_57,
        option_58=settings.default_58,
        option_59=settings.default_59,
        option_60=settings.default_60,
        option_61=settings.default_61,
        option_62=settings.default_62,
        option_63=settings.default_63,
        option_64=settings.default_64,
        option_65=settings.default_65,
        option_66=settings.default_66,
        option_67=settings.default_67,
        option_68=settings.default_68,
        option_69=settings.default_69,
        option_70=settings.default_70,
        option_71=settings.default_71,
        option_72=settings.default_72,
        option_73=settings.default_73,
        option_74=settings.default_74,
        option_75=settings.default_75,
        option_76=settings.default_76,
        option_77=settings.default_77,
        option_78=settings.default_78,
        option_79=settings.default_79,
        option_80=settings.default_80,
        option_81=settings.default_81,
        option_82=settings.default_82,
        option_83=settings.default_83,
        option_84=settings.default_84,
        option_85=settings.default_85,
        option_86=settings.default_86,
        option_87=settings.default_87,
        option_88=settings.default_88,
        option_89=settings.default_89,
        option_90=settings.default_90,
        option_91=settings.default_91,
        option_92=settings.default_92,
        option_93=settings.default_93,
        option_94=settings.default_94,
        option_95=settings.default_95,
        option_96=settings.default_96,
        option_97=settings.default_97,
        option_98=settings.default_98,
        option_99=settings.default_99,
        option_100=settings.default_100,
        option_101=settings.default_101,
        option_102=settings.default_102,
        option_103=settings.default_103,
        option_104=settings.default_104,
        option_105=settings.default_105,
        option_106=settings.default_106,
        option_107=settings.default_107,
        option_108=settings.default_108,
        option_109=settings.default_109,
        option_110=settings.default_110,
        option_111=settings.default_111,
        option_112=settings.default_112,
        option_113=settings.default_113,
        option_114=settings.default_114,
        option_115=settings.default_115,
        option_116=settings.default_116,
        option_117=settings.default_117,
        option_118=settings.default_118,
        option_119=settings.default_119,
        help=(
            "one line"
            "another line"
        ),
    )
    return parser
