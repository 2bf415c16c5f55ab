"""Tests for the roster code tables and their forgiving reverse lookup."""

from __future__ import annotations

import pytest

from partydesk.core.domain import codes
from partydesk.core.domain.codes import (
    EDUCATION,
    ETHNICITY,
    GENDER,
    ID_TYPE,
    LOST_CONTACT_CAUSE,
    MEMBER_CATEGORY,
    MEMBERSHIP_STATUS,
    PARTY_POST,
    WORK_POST,
    CodeTable,
)
from partydesk.core.errors import ValidationError

ALL_TABLES = [value for value in vars(codes).values() if isinstance(value, CodeTable)]


def test_ethnicity_has_the_56_groups_plus_other_and_foreign_origin() -> None:
    """GB/T 3304: 01 汉族 … 56 基诺族, then 97 其他 and 98 外国血统中国籍人士, nothing else."""
    assert len(ETHNICITY) == 58
    assert ETHNICITY.codes()[:56] == tuple(f"{i:02d}" for i in range(1, 57))
    assert (ETHNICITY.name("01"), ETHNICITY.name("36"), ETHNICITY.name("56")) == ("汉族", "毛南族", "基诺族")
    assert ETHNICITY.items()[-2:] == (("97", "其他"), ("98", "外国血统中国籍人士"))
    assert "81" not in ETHNICITY  # 穿青人 is not a GB/T 3304 entry


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("汉", "01"),
        ("汉族", "01"),
        ("01", "01"),
        ("1", "01"),
        (1, "01"),
        (" 维吾尔 ", "05"),
        ("维族", "05"),
        ("ha", "01"),
        ("SH", "22"),
        ("毛难族", "36"),
        ("其它", "97"),
        ("０１", "01"),
    ],
)
def test_ethnicity_lookup_accepts_code_name_and_short_forms(text: str | int, code: str) -> None:
    """code_of takes the code (with or without its leading zero), the name, 汉-style short forms and letter codes."""
    assert ETHNICITY.code_of(text) == code


def test_unknown_value_is_a_validation_error_naming_the_table() -> None:
    """An unknown value raises code_unknown with the table title as field and in the message."""
    with pytest.raises(ValidationError) as info:
        ETHNICITY.code_of("火星族")
    assert (info.value.code, info.value.field) == ("code_unknown", "民族")
    assert "民族" in info.value.message


def test_name_of_unknown_code_is_a_key_error() -> None:
    """name() on a code the table lacks is a programming error: KeyError."""
    with pytest.raises(KeyError):
        GENDER.name("3")


def test_gender_follows_gb_t_2261_1() -> None:
    """0 未知, 1 男, 2 女, 9 未说明."""
    assert GENDER.items() == (("0", "未知"), ("1", "男"), ("2", "女"), ("9", "未说明"))
    assert GENDER.code_of("女性") == "2"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("本科", "大学本科"),
        ("大专", "大学专科"),
        ("中专", "中等专科"),
        ("职高", "职业高中"),
        ("技校", "技工学校"),
        ("博士", "博士研究生"),
        ("省（区、市）委党校大学", "省(区、市)委党校大学"),
        ("省委党校大专", "省(区、市)委党校大专"),
        ("中央党校研究生", "中央党校研究生"),
    ],
)
def test_education_lookup_accepts_common_short_forms(text: str, name: str) -> None:
    """学历 short forms and full-width brackets in 党校 names resolve to the table entries."""
    assert EDUCATION.name(EDUCATION.code_of(text)) == name


def test_education_includes_all_six_party_school_qualifications() -> None:
    """The party list has 中央党校 and 省(区、市)委党校 at 研究生, 大学 and 大专 level."""
    names = {name for _, name in EDUCATION.items()}
    for school in ("中央党校", "省(区、市)委党校"):
        for level in ("研究生", "大学", "大专"):
            assert school + level in names


def test_member_category_post_and_status_tables_have_the_agreed_entries() -> None:
    """人员类别, 党内职务 and 党籍状态 contain the entries the roster uses."""
    assert [n for _, n in MEMBER_CATEGORY.items()] == ["正式党员", "预备党员"]
    assert [n for _, n in PARTY_POST.items()] == [
        "书记",
        "副书记",
        "组织委员",
        "宣传委员",
        "纪检委员",
        "委员",
        "党小组长",
    ]
    assert [n for _, n in MEMBERSHIP_STATUS.items()] == ["正常", "停止党籍"]  # leaving is a reason, not a status


def test_lost_contact_causes_are_the_seven_sichuan_codes() -> None:
    """失联原因 codes 1–7, in form order, 7 being 其他."""
    assert LOST_CONTACT_CAUSE.codes() == tuple("1234567")
    assert LOST_CONTACT_CAUSE.name("5") == "出国(境)"
    assert LOST_CONTACT_CAUSE.code_of("出国（境）") == "5"


def test_id_types_and_work_posts_resolve_short_forms() -> None:
    """身份证 is 居民身份证; 农民 is 农牧渔民; 退休 is 离退休人员."""
    assert ID_TYPE.name(ID_TYPE.code_of("身份证")) == "居民身份证"
    assert WORK_POST.name(WORK_POST.code_of("农民")) == "农牧渔民"
    assert WORK_POST.name(WORK_POST.code_of("退休")) == "离退休人员"


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.title)
def test_every_code_and_name_resolves_to_itself(table: CodeTable) -> None:
    """For every table, code_of(code) and code_of(name) give the code back (no alias shadows an entry)."""
    for code, name in table.items():
        assert table.code_of(code) == code
        assert table.code_of(name) == code


def test_ambiguous_alias_is_refused_when_a_table_is_built() -> None:
    """An alias that would map one text to two codes is a ValueError at import time."""
    with pytest.raises(ValueError, match="ambiguous"):
        CodeTable("测试", [("1", "甲"), ("2", "乙")], {"甲": "2"})


def test_alias_to_a_missing_code_is_refused() -> None:
    """An alias pointing at no entry is a ValueError."""
    with pytest.raises(ValueError, match="unknown code"):
        CodeTable("测试", [("1", "甲")], {"丙": "3"})


def test_tables_are_immutable() -> None:
    """A code table cannot be changed after it is built."""
    with pytest.raises(AttributeError):
        GENDER.title = "别的"


@pytest.mark.parametrize(("text", "code", "said"), [
    ("文盲", "90", "没有学历的记为“其他”"), ("半文盲", "90", "没有学历的记为“其他”"),
    ("小学及以下", "81", "未上过学的请改为“其他”"),
])
def test_village_roster_education_words_are_read_with_a_remark(text: str, code: str, said: str) -> None:
    """文盲 and 小学及以下, common on village rosters, are taken, never silently: the remark says what they were
    read as and what to check."""
    assert EDUCATION.code_of(text) == code
    note = EDUCATION.reading_note(text)
    assert note is not None and note.startswith(f"学历“{text}”按“{EDUCATION.name(code)}”记录") and said in note


def test_an_unknown_word_of_a_short_table_names_what_it_accepts() -> None:
    """A roster from Excel has no list to pick from: a short table's message names its entries; a long one (56
    民族) asks to pick from the list."""
    with pytest.raises(ValidationError) as info:
        EDUCATION.code_of("扫盲班")
    assert info.value.message == ("学历“扫盲班”不在代码表中，可填：研究生、博士研究生、硕士研究生、大学本科、大学专科、"
                                  "中等专科、职业高中、技工学校、高中、初中、小学、其他、中央党校研究生、"
                                  "省(区、市)委党校研究生、中央党校大学、省(区、市)委党校大学、中央党校大专、"
                                  "省(区、市)委党校大专")
    with pytest.raises(ValidationError) as info:
        ETHNICITY.code_of("火星族")
    assert info.value.message.endswith("不在代码表中，请从列表中选择")
