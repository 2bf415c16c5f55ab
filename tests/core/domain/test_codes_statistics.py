"""The code tables as the party statistics use them: 工作岗位 categories, 学历 groups, 学位, 证件类型."""

from __future__ import annotations

import pytest

from partydesk.core.domain import codes
from partydesk.core.domain.codes import (
    DEGREE,
    EDUCATION,
    EDUCATION_GROUP,
    EDUCATION_GROUPS,
    ID_TYPE,
    OLD_WORK_POST,
    WORK_POST,
    education_group,
)
from partydesk.core.errors import ValidationError

# DOMAIN.md §2.6 item 11, in its order.
STATISTICS_CATEGORIES = (
    "工人（工勤技能人员）", "农牧渔民", "企事业单位、社会组织专业技术人员", "企事业单位、社会组织管理人员",
    "党政机关工作人员", "学生", "其他职业人员", "离退休人员",
)


def test_work_posts_are_the_party_statistics_occupation_categories() -> None:
    """工作岗位 lists exactly the eight 党内统计 categories, in DOMAIN.md's order."""
    assert tuple(name for _code, name in WORK_POST.items()) == STATISTICS_CATEGORIES


def test_no_work_post_code_of_the_earlier_list_is_reused() -> None:
    """A stored or exported old code (01–11, 99) can never be read as a different new category."""
    assert not set(OLD_WORK_POST) & set(WORK_POST.codes())
    for old in OLD_WORK_POST:
        with pytest.raises(ValidationError):
            WORK_POST.code_of(old)


@pytest.mark.parametrize("old", sorted(OLD_WORK_POST))
def test_every_old_work_post_label_is_still_read_on_import(old: str) -> None:
    """The earlier list's labels (公务员, 个体经营者 …) are synonyms of the category the migration maps them to."""
    new, label = OLD_WORK_POST[old]
    assert WORK_POST.code_of(label) == new


@pytest.mark.parametrize(("text", "name"), [
    ("工人", "工人（工勤技能人员）"), ("工勤技能人员", "工人（工勤技能人员）"),
    ("专业技术人员", "企事业单位、社会组织专业技术人员"),
    ("管理人员", "企事业单位、社会组织管理人员"), ("公务员", "党政机关工作人员"), ("个体户", "其他职业人员"),
    ("退休", "离退休人员"), ("其它", "其他职业人员"),
])
def test_work_post_short_forms(text: str, name: str) -> None:
    """Common spellings read as the statistics category."""
    assert WORK_POST.name(WORK_POST.code_of(text)) == name


@pytest.mark.parametrize("code", EDUCATION.codes())
def test_every_education_code_has_a_statistics_group(code: str) -> None:
    """Each 学历 code, 党校 ones included, falls in one of the five statistics groups."""
    assert education_group(code) in EDUCATION_GROUPS


def test_education_groups_cover_exactly_the_education_table() -> None:
    """No group entry for a code the table lacks, none missing, and every group is used."""
    assert set(EDUCATION_GROUP) == set(EDUCATION.codes())
    assert set(EDUCATION_GROUP.values()) == set(EDUCATION_GROUPS)


@pytest.mark.parametrize(("name", "group"), [
    ("博士研究生", "研究生"), ("中央党校研究生", "研究生"), ("大学本科", "大学本科"),
    ("省(区、市)委党校大学", "大学本科"),
    ("大学专科", "大学专科"), ("中央党校大专", "大学专科"), ("中等专科", "中专"), ("技工学校", "中专"),
    ("高中", "高中及以下"), ("小学", "高中及以下"),
])
def test_education_group_of_named_levels(name: str, group: str) -> None:
    """党校 qualifications count with the level they certify; 职高 and 技校 are 中专-level."""
    assert education_group(EDUCATION.code_of(name)) == group


def test_empty_education_has_no_group_and_an_unknown_code_is_an_error() -> None:
    """An empty 学历 gives ""; a code outside the table is a programming error (KeyError)."""
    assert education_group("") == ""
    with pytest.raises(KeyError):
        education_group("99")


def test_degree_table_is_bachelor_master_doctor_none() -> None:
    """学位: 学士, 硕士, 博士 and 无; 硕士学位 reads as 硕士."""
    assert [name for _c, name in DEGREE.items()] == ["学士", "硕士", "博士", "无"]
    assert DEGREE.name(DEGREE.code_of("硕士学位")) == "硕士"


def test_foreign_permanent_residence_is_no_id_type() -> None:
    """Members are Chinese nationals: the ID types are 居民身份证, 港澳台居民居住证 and 护照 only."""
    assert [name for _c, name in ID_TYPE.items()] == ["居民身份证", "港澳台居民居住证", "护照"]
    assert "3" not in ID_TYPE
    with pytest.raises(ValidationError):
        ID_TYPE.code_of("外国人永久居留身份证")
    assert codes.ID_TYPE.code_of("护照") == "4"


def test_migration_0005_maps_old_work_posts_as_the_code_table_says() -> None:
    """The frozen mapping in migration 0005 and ``OLD_WORK_POST`` agree code for code."""
    import importlib.util

    from partydesk.core.storage.migrate import VERSIONS_DIR

    (path,) = VERSIONS_DIR.glob("0005_*.py")
    spec = importlib.util.spec_from_file_location("migration_0005", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert dict(OLD_WORK_POST) == module.WORK_POSTS
    assert {old for old, (new, _label) in OLD_WORK_POST.items() if new == "27" and old != "99"} == module.NOTED_POSTS
