"""Code tables for the member roster (民族, 学历, 党籍状态, …) as data with Chinese names.

The database stores codes; forms and exports show names. ``CodeTable.code_of`` is the single way text
from a form, an Excel roster or a CSV becomes a code, so it is deliberately forgiving: it takes the
code, the name, or a common short form (``汉`` for 汉族, ``本科`` for 大学本科), ignores whitespace and
full-width forms, and accepts ``1`` for ``01`` because Excel drops leading zeros.

National standards are used where they exist (GB/T 3304 民族, GB/T 2261.1 性别); the other tables are
the project's own, documented at each table. Codes are stable: never renumber, only append.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from partydesk.core.errors import ValidationError

__all__ = [
    "DEGREE",
    "EDUCATION",
    "EDUCATION_GROUP",
    "EDUCATION_GROUPS",
    "ETHNICITY",
    "GENDER",
    "ID_TYPE",
    "LOST_CONTACT_CAUSE",
    "MEMBERSHIP_STATUS",
    "MEMBER_CATEGORY",
    "OLD_WORK_POST",
    "PARTY_POST",
    "WORK_POST",
    "CodeTable",
    "education_group",
]


@functools.lru_cache(maxsize=4096)  # an import looks up the same few names (男, 汉族…) 10 000 times
def _key(text: str) -> str:
    # Full-width digits and brackets (（区、市）) and stray spaces are how the same word arrives from
    # different input methods; they must not make a known value unknown.
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace()).upper()


class CodeTable:
    """An immutable, ordered code -> Chinese name table with forgiving reverse lookup."""

    __slots__ = ("_by_code", "_lookup", "_misplaced", "_notes", "title")

    def __init__(
        self,
        title: str,
        entries: Iterable[tuple[str, str]],
        aliases: Mapping[str, str] | None = None,
        noted: Mapping[str, tuple[str, str]] | None = None,
        misplaced: Mapping[str, str] | None = None,
    ) -> None:
        """``noted``: spellings accepted with a remark (text -> (code, why)) — ambiguous or outdated words
        that must never be read silently; ``reading_note`` gives the remark. ``misplaced``: words that
        belong to another field (text -> what to do instead), refused with that advice."""
        self.title = title
        by_code = dict(entries)
        lookup: dict[str, str] = {}
        pairs = [(c, c) for c in by_code] + [(n, c) for c, n in by_code.items()]
        pairs += list((aliases or {}).items())
        pairs += [(text, code) for text, (code, _why) in (noted or {}).items()]
        for text, code in pairs:
            if code not in by_code:
                raise ValueError(f"{title}: alias {text!r} points at unknown code {code!r}")
            if lookup.setdefault(_key(text), code) != code:
                raise ValueError(f"{title}: {text!r} is ambiguous")
        self._by_code: Mapping[str, str] = MappingProxyType(by_code)
        self._lookup: Mapping[str, str] = MappingProxyType(lookup)
        self._notes: Mapping[str, str] = MappingProxyType({_key(t): why for t, (_c, why) in (noted or {}).items()})
        self._misplaced: Mapping[str, str] = MappingProxyType({_key(t): a for t, a in (misplaced or {}).items()})

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, name):
            raise AttributeError(f"CodeTable is immutable; cannot set {name}")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"CodeTable({self.title!r}, {len(self._by_code)} entries)"

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def items(self) -> tuple[tuple[str, str], ...]:
        """(code, name) pairs in display order."""
        return tuple(self._by_code.items())

    def codes(self) -> tuple[str, ...]:
        """All codes in display order."""
        return tuple(self._by_code)

    def name(self, code: str) -> str:
        """The Chinese name of ``code``; ``KeyError`` if the table has no such code."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"{self.title}: no code {code!r}") from None

    def code_of(self, text: str | int) -> str:
        """The code for a code, name or short form; ``ValidationError`` (code ``code_unknown``) if none."""
        key = _key(str(text))
        found = self._lookup.get(key)
        if found is None and key.isdecimal() and len(key) <= 4:
            # Excel turns the text "01" into the number 1; match on the numeric value instead.
            found = next((c for c in self._by_code if c.isdecimal() and int(c) == int(key)), None)
        if found is None and key in self._misplaced:
            raise ValidationError(f"{self.title}“{str(text).strip()}”{self._misplaced[key]}", field=self.title,
                                  code="code_misplaced")
        if found is None:
            raise ValidationError(f"{self.title}“{str(text).strip()}”不在代码表中，{self.accepted_words()}",
                                  field=self.title, code="code_unknown")
        return found

    LISTED_AT_MOST = 20  # a table this short says its names in the message (an Excel roster has no list to pick)

    def accepted_words(self) -> str:
        """How to put it right: the names the table accepts when they are few, else to choose from the list."""
        if len(self._by_code) > self.LISTED_AT_MOST:
            return "请从列表中选择"
        return "可填：" + "、".join(self._by_code.values())

    def reading_note(self, text: str | int) -> str | None:
        """A Chinese remark when ``text`` is a spelling read with a caveat (大学, 穿青人, 崩龙族), else None.

        The remark names what the text was read as, so an import can show it as a warning.
        """
        why = self._notes.get(_key(str(text)))
        if why is None:
            return None
        return f"{self.title}“{str(text).strip()}”按“{self.name(self.code_of(text))}”记录：{why}"


# fmt: off
# GB/T 3304 民族, codes 01-56 in this order (ten to a line).
_ETHNIC_NAMES = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)
# GB/T 3304 two-letter romanised codes, in code order; rosters from other systems sometimes use them.
_ETHNIC_LETTERS = (
    "HA", "MG", "HU", "ZA", "UG", "MH", "YI", "ZH", "BY", "CS", "MA", "DO", "YA", "BA",
    "TJ", "HN", "KZ", "DA", "LI", "LS", "VA", "SH", "GS", "LH", "SU", "DX", "NX", "JP",
    "KG", "TU", "DU", "ML", "QI", "BL", "SL", "MN", "GL", "XB", "AC", "PM", "TA", "NU",
    "UZ", "RS", "EW", "DE", "BN", "YG", "GI", "TT", "DR", "OR", "HZ", "MB", "LB", "JN",
)
# fmt: on
_ETHNIC_CODES = [f"{i:02d}" for i in range(1, 57)]

ETHNICITY = CodeTable(
    "民族",
    [*zip(_ETHNIC_CODES, _ETHNIC_NAMES, strict=True), ("97", "其他"), ("98", "外国血统中国籍人士")],
    {
        **{name[:-1]: code for code, name in zip(_ETHNIC_CODES, _ETHNIC_NAMES, strict=True)},
        **dict(zip(_ETHNIC_LETTERS, _ETHNIC_CODES, strict=True)),
        "维族": "05",
        "蒙族": "02",
        "其它": "97",
        "外国血统": "98",
    },
    {
        # Names before a renaming, still found on old cards and forms.
        "僮族": ("08", "1965 年更名为壮族"),
        "卡佤族": ("21", "1962 年更名为佤族"),
        "崩龙族": ("46", "1985 年更名为德昂族"),
        "崩龙": ("46", "1985 年更名为德昂族"),
        "毛难族": ("36", "1986 年更名为毛南族"),
        # Groups not (yet) recognised as one of the 56: GB/T 3304 records them as 97 其他. The member record
        # has no field for the written name, so the remark says where to keep it.
        **{group: ("97", "未识别民族，不在 56 个民族之中；党员信息中没有保存族称原文的项目，"
                         f"如需保留“{group}”请写在备注中")
           for group in ("穿青人", "僜人", "夏尔巴人", "未识别民族", "未定族称")},
    },
)

# GB/T 2261.1-2003 人的性别代码.
GENDER = CodeTable(
    "性别",
    [("0", "未知"), ("1", "男"), ("2", "女"), ("9", "未说明")],
    {"男性": "1", "女性": "2", "未知的性别": "0", "未说明的性别": "9"},
)

# The project's own 学历 list for party statistics. Codes 1x–8x follow the GB/T 4658-2006 groups
# (1x 研究生, 20 本科, 30 专科, 4x 中等职业, 61 高中, 71 初中, 81 小学) so a stats grouping can use the
# first digit; D1–D6 are the 党校 qualifications, which GB/T 4658 does not have.
EDUCATION = CodeTable(
    "学历",
    [
        ("10", "研究生"),
        ("11", "博士研究生"),
        ("14", "硕士研究生"),
        ("20", "大学本科"),
        ("30", "大学专科"),
        ("41", "中等专科"),
        ("44", "职业高中"),
        ("47", "技工学校"),
        ("61", "高中"),
        ("71", "初中"),
        ("81", "小学"),
        ("90", "其他"),
        ("D1", "中央党校研究生"),
        ("D2", "省(区、市)委党校研究生"),
        ("D3", "中央党校大学"),
        ("D4", "省(区、市)委党校大学"),
        ("D5", "中央党校大专"),
        ("D6", "省(区、市)委党校大专"),
    ],
    {
        "博士": "11",
        "硕士": "14",
        "本科": "20",
        "大本": "20",
        "大专": "30",
        "中专": "41",
        "职高": "44",
        "技校": "47",
        "普通高中": "61",
        "普高": "61",
        "其它": "90",
        "省委党校研究生": "D2",
        "省委党校大学": "D4",
        "省委党校大专": "D6",
    },
    {
        "大学": ("20", "“大学”可能指大学本科，也可能指大学专科（大专），请核对"),
        "专科": ("30", "“专科”可能指大学专科，也可能指中等专科（中专），请核对"),
        "小学及以下": ("81", "未上过学的请改为“其他”"),
        "文盲": ("90", "没有学历的记为“其他”，请核对"),
        "半文盲": ("90", "没有学历的记为“其他”，请核对"),
        "不识字": ("90", "没有学历的记为“其他”，请核对"),
    },
)

MEMBER_CATEGORY = CodeTable("人员类别", [("1", "正式党员"), ("2", "预备党员")], {"正式": "1", "预备": "2"})

# 党内职务 in a branch. The project's own codes.
PARTY_POST = CodeTable(
    "党内职务",
    [
        ("01", "书记"),
        ("02", "副书记"),
        ("03", "组织委员"),
        ("04", "宣传委员"),
        ("05", "纪检委员"),
        ("06", "委员"),
        ("07", "党小组长"),
    ],
    {
        "支部书记": "01",
        "党支部书记": "01",
        "支部副书记": "02",
        "党支部副书记": "02",
        "纪律检查委员": "05",
        "支部委员": "06",
        "支委": "06",
        "党小组组长": "07",
        "组长": "07",
    },
)

# 党籍状态: only 正常 or 停止党籍. How a member left the roll (死亡, the ways of 出党, 转出) is a separate
# reason, ``member_events.LEAVING_REASON``; the old flat codes 31–50 survive only in old events.
_LEFT_THE_ROLL = ("是减员原因，不是党籍状态（党籍状态只有“正常”和“停止党籍”）。请把这一格改为“正常”导入，"
                  "再在该党员的页面用“记录变动”登记减员原因和日期。")
MEMBERSHIP_STATUS = CodeTable("党籍状态", [("10", "正常"), ("20", "停止党籍")], misplaced={
    word: _LEFT_THE_ROLL for word in ("死亡", "病故", "去世", "出党", "开除党籍", "开除", "除名", "退党", "退党除名",
                                      "自行脱党", "自行脱党除名", "劝其退党", "劝而不退除名", "取消预备党员资格",
                                      "转出", "组织关系转出")})

# Causes of losing contact (失联原因), codes 1–7 from the Sichuan form (DOMAIN.md §2.7).
LOST_CONTACT_CAUSE = CodeTable(
    "失联原因",
    [
        ("1", "外出务工经商"),
        ("2", "单位改制或破产"),
        ("3", "毕业后去向不明"),
        ("4", "工作单位改变"),
        ("5", "出国(境)"),
        ("6", "居住地改变"),
        ("7", "其他"),
    ],
    {"出国": "5", "出境": "5", "其它": "7"},
)

# 证件类型; the project's own codes. idnumber.parse_id_number validates each type differently.
# Members are Chinese nationals, so 3 外国人永久居留身份证 is no longer offered (the code is never reused);
# migration 0005 moved members stored with it to 4 护照 with a line in 备注 naming the old type.
ID_TYPE = CodeTable(
    "证件类型",
    [("1", "居民身份证"), ("2", "港澳台居民居住证"), ("4", "护照")],
    {
        "身份证": "1",
        "公民身份号码": "1",
        "港澳台居住证": "2",
    },
)

# 工作岗位 as the 党内统计 occupation categories (DOMAIN.md §2.6, item 11). The codes 21–28 are the
# project's own (the national system's coded list is not public); they start at 21 so that no code of the
# earlier list (01–11, 99) means something else now. The statistics' 公有制/非公有制 unit split is not coded.
WORK_POST = CodeTable(
    "工作岗位",
    [
        ("21", "工人（工勤技能人员）"),
        ("22", "农牧渔民"),
        ("23", "企事业单位、社会组织专业技术人员"),
        ("24", "企事业单位、社会组织管理人员"),
        ("25", "党政机关工作人员"),
        ("26", "学生"),
        ("27", "其他职业人员"),
        ("28", "离退休人员"),
    ],
    {
        "工人": "21",
        "工勤技能人员": "21",
        "农民": "22",
        "牧民": "22",
        "渔民": "22",
        "专业技术人员": "23",
        "专技人员": "23",
        "管理人员": "24",
        "企业管理人员": "24",
        "事业单位管理人员": "24",
        "党政机关": "25",
        "机关工作人员": "25",
        "公务员": "25",
        "其他职业": "27",
        "其他": "27",
        "其它": "27",
        "军人武警": "27",
        "军人": "27",
        "武警": "27",
        "自由职业者": "27",
        "自由职业": "27",
        "个体经营者": "27",
        "个体户": "27",
        "个体工商户": "27",
        "离休": "28",
        "退休": "28",
        "离退休": "28",
        "退休人员": "28",
    },
)

# The earlier 工作岗位 list (01–11, 99) -> its 党内统计 category, for migration 0005 and anyone reading an
# old export by code. The three whose detail the category drops are named in 备注 by that migration.
OLD_WORK_POST: Mapping[str, tuple[str, str]] = MappingProxyType({
    "01": ("25", "公务员"),
    "02": ("24", "事业单位管理人员"),
    "03": ("23", "专业技术人员"),
    "04": ("24", "企业管理人员"),
    "05": ("21", "工人"),
    "06": ("22", "农牧渔民"),
    "07": ("26", "学生"),
    "08": ("28", "离退休人员"),
    "09": ("27", "军人武警"),
    "10": ("27", "自由职业者"),
    "11": ("27", "个体经营者"),
    "99": ("27", "其他"),
})

# 学位 (degree), the project's own codes; "0" 无 for members without one.
DEGREE = CodeTable(
    "学位",
    [("1", "学士"), ("2", "硕士"), ("3", "博士"), ("0", "无")],
    {"学士学位": "1", "硕士学位": "2", "博士学位": "3", "没有": "0"},
)

# 学历 -> the group the party statistics count it in. 党校 qualifications count with the level they
# certify (党校研究生 with 研究生, 党校大学 with 大学本科, 党校大专 with 大学专科); 职业高中 and 技工学校 are
# 中专-level (中等职业教育). ``EDUCATION_GROUP`` holds every 学历 code; a test keeps it that way.
EDUCATION_GROUPS: tuple[str, ...] = ("研究生", "大学本科", "大学专科", "中专", "高中及以下")
EDUCATION_GROUP: Mapping[str, str] = MappingProxyType({
    "10": "研究生", "11": "研究生", "14": "研究生", "D1": "研究生", "D2": "研究生",
    "20": "大学本科", "D3": "大学本科", "D4": "大学本科",
    "30": "大学专科", "D5": "大学专科", "D6": "大学专科",
    "41": "中专", "44": "中专", "47": "中专",
    "61": "高中及以下", "71": "高中及以下", "81": "高中及以下", "90": "高中及以下",
})


def education_group(code: str) -> str:
    """The statistics group of a 学历 code ("" for an empty code); KeyError for an unknown code."""
    if not code:
        return ""
    return EDUCATION_GROUP[code] if code else ""
