# A class of 500 lines of code (blank lines do not count), the maximum: not reported.


class Big:
    """Docstrings do not count either."""

    def m0(self):
        return 0

    def m1(self):
        return 1

    def m2(self):
        return 2

    def m3(self):
        return 3

    def m4(self):
        return 4

    def m5(self):
        return 5

    def m6(self):
        return 6

    def m7(self):
        return 7

    def m8(self):
        return 8

    def m9(self):
        return 9

    def m10(self):
        return 10

    def m11(self):
        return 11

    def m12(self):
        return 12

    def m13(self):
        return 13

    def m14(self):
        return 14

    def m15(self):
        return 15

    def m16(self):
        return 16

    def m17(self):
        return 17

    def m18(self):
        return 18

    def m19(self):
        return 19

    def m20(self):
        return 20

    def m21(self):
        return 21

    def m22(self):
        return 22

    def m23(self):
        return 23

    def m24(self):
        return 24

    def m25(self):
        return 25

    def m26(self):
        return 26

    def m27(self):
        return 27

    def m28(self):
        return 28

    def m29(self):
        return 29

    def m30(self):
        return 30

    def m31(self):
        return 31

    def m32(self):
        return 32

    def m33(self):
        return 33

    def m34(self):
        return 34

    def m35(self):
        return 35

    def m36(self):
        return 36

    def m37(self):
        return 37

    def m38(self):
        return 38

    def m39(self):
        return 39

    def m40(self):
        return 40

    def m41(self):
        return 41

    def m42(self):
        return 42

    def m43(self):
        return 43

    def m44(self):
        return 44

    def m45(self):
        return 45

    def m46(self):
        return 46

    def m47(self):
        return 47

    def m48(self):
        return 48

    def m49(self):
        return 49

    def m50(self):
        return 50

    def m51(self):
        return 51

    def m52(self):
        return 52

    def m53(self):
        return 53

    def m54(self):
        return 54

    def m55(self):
        return 55

    def m56(self):
        return 56

    def m57(self):
        return 57

    def m58(self):
        return 58

    def m59(self):
        return 59

    def m60(self):
        return 60

    def m61(self):
        return 61

    def m62(self):
        return 62

    def m63(self):
        return 63

    def m64(self):
        return 64

    def m65(self):
        return 65

    def m66(self):
        return 66

    def m67(self):
        return 67

    def m68(self):
        return 68

    def m69(self):
        return 69

    def m70(self):
        return 70

    def m71(self):
        return 71

    def m72(self):
        return 72

    def m73(self):
        return 73

    def m74(self):
        return 74

    def m75(self):
        return 75

    def m76(self):
        return 76

    def m77(self):
        return 77

    def m78(self):
        return 78

    def m79(self):
        return 79

    def m80(self):
        return 80

    def m81(self):
        return 81

    def m82(self):
        return 82

    def m83(self):
        return 83

    def m84(self):
        return 84

    def m85(self):
        return 85

    def m86(self):
        return 86

    def m87(self):
        return 87

    def m88(self):
        return 88

    def m89(self):
        return 89

    def m90(self):
        return 90

    def m91(self):
        return 91

    def m92(self):
        return 92

    def m93(self):
        return 93

    def m94(self):
        return 94

    def m95(self):
        return 95

    def m96(self):
        return 96

    def m97(self):
        return 97

    def m98(self):
        return 98

    def m99(self):
        return 99

    def m100(self):
        return 100

    def m101(self):
        return 101

    def m102(self):
        return 102

    def m103(self):
        return 103

    def m104(self):
        return 104

    def m105(self):
        return 105

    def m106(self):
        return 106

    def m107(self):
        return 107

    def m108(self):
        return 108

    def m109(self):
        return 109

    def m110(self):
        return 110

    def m111(self):
        return 111

    def m112(self):
        return 112

    def m113(self):
        return 113

    def m114(self):
        return 114

    def m115(self):
        return 115

    def m116(self):
        return 116

    def m117(self):
        return 117

    def m118(self):
        return 118

    def m119(self):
        return 119

    def m120(self):
        return 120

    def m121(self):
        return 121

    def m122(self):
        return 122

    def m123(self):
        return 123

    def m124(self):
        return 124

    def m125(self):
        return 125

    def m126(self):
        return 126

    def m127(self):
        return 127

    def m128(self):
        return 128

    def m129(self):
        return 129

    def m130(self):
        return 130

    def m131(self):
        return 131

    def m132(self):
        return 132

    def m133(self):
        return 133

    def m134(self):
        return 134

    def m135(self):
        return 135

    def m136(self):
        return 136

    def m137(self):
        return 137

    def m138(self):
        return 138

    def m139(self):
        return 139

    def m140(self):
        return 140

    def m141(self):
        return 141

    def m142(self):
        return 142

    def m143(self):
        return 143

    def m144(self):
        return 144

    def m145(self):
        return 145

    def m146(self):
        return 146

    def m147(self):
        return 147

    def m148(self):
        return 148

    def m149(self):
        return 149

    def m150(self):
        return 150

    def m151(self):
        return 151

    def m152(self):
        return 152

    def m153(self):
        return 153

    def m154(self):
        return 154

    def m155(self):
        return 155

    def m156(self):
        return 156

    def m157(self):
        return 157

    def m158(self):
        return 158

    def m159(self):
        return 159

    def m160(self):
        return 160

    def m161(self):
        return 161

    def m162(self):
        return 162

    def m163(self):
        return 163

    def m164(self):
        return 164

    def m165(self):
        return 165

    def m166(self):
        return 166

    def m167(self):
        return 167

    def m168(self):
        return 168

    def m169(self):
        return 169

    def m170(self):
        return 170

    def m171(self):
        return 171

    def m172(self):
        return 172

    def m173(self):
        return 173

    def m174(self):
        return 174

    def m175(self):
        return 175

    def m176(self):
        return 176

    def m177(self):
        return 177

    def m178(self):
        return 178

    def m179(self):
        return 179

    def m180(self):
        return 180

    def m181(self):
        return 181

    def m182(self):
        return 182

    def m183(self):
        return 183

    def m184(self):
        return 184

    def m185(self):
        return 185

    def m186(self):
        return 186

    def m187(self):
        return 187

    def m188(self):
        return 188

    def m189(self):
        return 189

    def m190(self):
        return 190

    def m191(self):
        return 191

    def m192(self):
        return 192

    def m193(self):
        return 193

    def m194(self):
        return 194

    def m195(self):
        return 195

    def m196(self):
        return 196

    def m197(self):
        return 197

    def m198(self):
        return 198

    def m199(self):
        return 199

    def m200(self):
        return 200

    def m201(self):
        return 201

    def m202(self):
        return 202

    def m203(self):
        return 203

    def m204(self):
        return 204

    def m205(self):
        return 205

    def m206(self):
        return 206

    def m207(self):
        return 207

    def m208(self):
        return 208

    def m209(self):
        return 209

    def m210(self):
        return 210

    def m211(self):
        return 211

    def m212(self):
        return 212

    def m213(self):
        return 213

    def m214(self):
        return 214

    def m215(self):
        return 215

    def m216(self):
        return 216

    def m217(self):
        return 217

    def m218(self):
        return 218

    def m219(self):
        return 219

    def m220(self):
        return 220

    def m221(self):
        return 221

    def m222(self):
        return 222

    def m223(self):
        return 223

    def m224(self):
        return 224

    def m225(self):
        return 225

    def m226(self):
        return 226

    def m227(self):
        return 227

    def m228(self):
        return 228

    def m229(self):
        return 229

    def m230(self):
        return 230

    def m231(self):
        return 231

    def m232(self):
        return 232

    def m233(self):
        return 233

    def m234(self):
        return 234

    def m235(self):
        return 235

    def m236(self):
        return 236

    def m237(self):
        return 237

    def m238(self):
        return 238

    def m239(self):
        return 239

    def m240(self):
        return 240

    def m241(self):
        return 241

    def m242(self):
        return 242

    def m243(self):
        return 243

    def m244(self):
        return 244

    def m245(self):
        return 245

    def m246(self):
        return 246

    def m247(self):
        return 247

    def m248(self):
        return 248

    first = 1
    second = 2
