"""The one registry of a member's fields (党员信息项): key, labels, type, code table and the rest.

Everything else that lists member fields derives from ``FIELDS``: the form and import labels, the
header spellings an import recognises, which fields are codes, dates or yes/no flags, the fields wiped
when a member is deleted, the fields the masking policy hides, and the roster and export column order.
The dataclasses in ``member``, ``roster`` and ``member_events`` stay written out for the type checker;
a test holds each of them to exactly this registry's keys, so they cannot drift apart.

Fields are named by KEY everywhere in the core (``Issue.field``, mappings, column ids); the labels are
looked up only for display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Literal

from partydesk.core.domain import codes


class FieldType(StrEnum):
    """What kind of value a field holds once checked."""

    TEXT = "text"
    DATE = "date"
    FLAG = "flag"
    CODE = "code"


@dataclass(frozen=True)
class Field:
    """One member field and everything the program needs to know about it."""

    key: str
    zh: str
    """The Chinese item name (the national collection item), used on forms, cards and in messages."""
    en: str
    type: FieldType
    table: codes.CodeTable | None = None
    """The code table of a coded field (GB/T and 党内统计 codes)."""
    required: bool = False
    """A record without it is refused (``check_member`` reports ``required``)."""
    personal: bool = True
    """Wiped on delete. Every field is: in a branch of thirty people even 民族 plus 入党日期 identifies someone."""
    masked: bool = False
    """Hidden by the masking policy (``domain.masking``) unless full numbers are asked for."""
    derived: bool = False
    """Decided by the member's dated events (``member_events.DerivedState``), not only by the form."""
    exported: bool = True
    zh_short: str = ""
    """A shorter Chinese column header where the item name is long (转正日期); "" means the same."""
    max_length: int = 0
    """Longest text accepted for a plain text field (0: the field has its own normaliser)."""
    synonyms: tuple[str, ...] = ()
    """Header spellings offices use for this field in their spreadsheets (import column guessing)."""
    partial: bool = False
    """A date field that may be known only to the month or the year (``partial_date``: 1972.11, 1972年).

    Every date is stored with its precision; only these fields accept less than a day from a form or a
    file. The dates of events recorded later (失联, 外出) are known to the day."""


_T, _D, _F, _C = FieldType.TEXT, FieldType.DATE, FieldType.FLAG, FieldType.CODE

# In the order of the national collection items and the usual 花名册 columns (the export order).
FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", "Name", _T, required=True, synonyms=("姓名", "党员姓名")),
    Field("gender", "性别", "Gender", _C, codes.GENDER, required=True, synonyms=("性别",)),
    Field("ethnicity", "民族", "Ethnicity", _C, codes.ETHNICITY, synonyms=("民族",)),
    Field("birth_date", "出生日期", "Date of birth", _D, partial=True, synonyms=("出生日期", "出生年月", "出生年月日")),
    Field("id_type", "证件类型", "ID type", _C, codes.ID_TYPE, synonyms=("证件类型", "证件种类")),
    Field("id_number", "公民身份号码", "ID number", _T, required=True, masked=True,
          synonyms=("身份证号", "身份证号码", "公民身份号码", "身份证", "公民身份证号码", "证件号码",
                    "公民身份证号", "居民身份证号码", "居民身份证号")),
    Field("education", "学历", "Education", _C, codes.EDUCATION,
          synonyms=("学历", "文化程度", "最高学历", "全日制学历", "学历学位")),
    Field("degree", "学位", "Degree", _C, codes.DEGREE, synonyms=("学位", "最高学位")),
    Field("category", "人员类别", "Category", _C, codes.MEMBER_CATEGORY, required=True, derived=True,
          synonyms=("人员类别", "党员类别", "类别", "人员类型", "党员类型")),
    Field("joined_on", "入党日期", "Joined the Party", _D, required=True, derived=True, partial=True,
          synonyms=("入党时间", "入党日期", "加入党组织日期", "加入党组织时间", "入党年月")),
    Field("confirmed_on", "转为正式党员日期", "Full member since", _D, derived=True, zh_short="转正日期", partial=True,
          synonyms=("转正时间", "转正日期", "转为正式党员日期", "转为正式党员时间", "转正年月")),
    Field("party_group", "党小组", "Party group", _T, max_length=64,
          synonyms=("党小组", "所在党小组", "党小组名称")),
    Field("party_post", "党内职务", "Party post", _C, codes.PARTY_POST, synonyms=("党内职务",)),
    Field("work_post", "工作岗位", "Occupation", _C, codes.WORK_POST, synonyms=("工作岗位", "岗位", "职业")),
    Field("work_unit", "工作单位", "Workplace", _T, max_length=200,
          synonyms=("工作单位", "单位", "工作单位及职务", "现工作单位")),
    Field("work_started_on", "参加工作日期", "Started work", _D, partial=True,
          synonyms=("参加工作日期", "参加工作时间", "参加工作年月", "工作时间")),
    Field("phone", "联系电话", "Phone", _T, masked=True,
          synonyms=("手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "固定电话", "移动电话",
                    "电话号码")),
    Field("address", "家庭住址", "Home address", _T, max_length=200,
          synonyms=("家庭住址", "住址", "现居住地", "家庭地址", "现住址", "现居住地址", "居住地址",
                    "现居住地详细地址")),
    Field("native_place", "籍贯", "Native place", _T, max_length=64, synonyms=("籍贯",)),
    Field("membership_status", "党籍状态", "Membership status", _C, codes.MEMBERSHIP_STATUS, derived=True,
          synonyms=("党籍状态",)),
    Field("lost_contact", "是否失联", "Lost contact", _F, derived=True,
          synonyms=("是否失联", "失联党员", "是否失联党员", "是否为失联党员", "是否失去联系")),
    Field("lost_since", "失去联系日期", "Lost contact since", _D, derived=True,
          synonyms=("失联日期", "失去联系日期", "失去联系的日期", "失联时间", "失去联系时间")),
    Field("lost_cause", "失联原因", "Cause of lost contact", _C, codes.LOST_CONTACT_CAUSE, derived=True,
          synonyms=("失联原因",)),
    Field("migrant", "是否流动党员", "Migrant", _F, derived=True,
          synonyms=("是否流动", "流动党员", "是否流动党员", "是否为流动党员")),
    Field("migrant_destination", "外出流向", "Gone to", _T, derived=True, max_length=200,
          synonyms=("外出流向", "流向", "流动去向", "外出地点")),
    Field("migrant_since", "外出日期", "Away since", _D, derived=True, partial=True,
          synonyms=("外出日期", "外出时间")),
    Field("notes", "备注", "Notes", _T, max_length=2000, synonyms=("备注",)),
)

_BY_KEY: Mapping[str, Field] = MappingProxyType({f.key: f for f in FIELDS})
KEYS: tuple[str, ...] = tuple(_BY_KEY)


def field(key: str) -> Field:
    """The field with this key; KeyError for an unknown key (a programming error)."""
    return _BY_KEY[key]


def is_field(key: str) -> bool:
    """True when ``key`` names a member field."""
    return key in _BY_KEY


def label(key: str, lang: Literal["zh", "en"] = "zh", *, short: bool = False) -> str:
    """The field's display name; ``short`` gives the column-header form (转正日期) where there is one."""
    f = _BY_KEY[key]
    if lang == "en":
        return f.en
    return (f.zh_short or f.zh) if short else f.zh


def keys_of(kind: FieldType) -> tuple[str, ...]:
    """The keys of every field of one type, in registry order."""
    return tuple(f.key for f in FIELDS if f.type is kind)


def code_tables() -> dict[str, codes.CodeTable]:
    """Coded field key -> its code table."""
    return {f.key: f.table for f in FIELDS if f.table is not None}


def export_order() -> tuple[str, ...]:
    """The keys of the exported fields, in the usual 花名册 column order."""
    return tuple(f.key for f in FIELDS if f.exported)


def header_synonyms() -> dict[str, tuple[str, ...]]:
    """Field key -> the header spellings that name it, for every field (registry order)."""
    return {f.key: f.synonyms for f in FIELDS}


def partial_keys() -> frozenset[str]:
    """The date fields that may be known only to the month or the year."""
    return frozenset(f.key for f in FIELDS if f.partial)


def masked_keys() -> frozenset[str]:
    """The fields the masking policy hides."""
    return frozenset(f.key for f in FIELDS if f.masked)


def derived_keys() -> frozenset[str]:
    """The fields decided by a member's events."""
    return frozenset(f.key for f in FIELDS if f.derived)


def empty_value(key: str) -> object:
    """The stored value of a field left empty: None for dates, False for flags, "" otherwise."""
    kind = _BY_KEY[key].type
    return None if kind is FieldType.DATE else (False if kind is FieldType.FLAG else "")


def wiped_values() -> dict[str, object]:
    """Personal field -> empty value: what a deleted member's tombstone keeps of them."""
    return {f.key: empty_value(f.key) for f in FIELDS if f.personal}


def key_of_label(text: str) -> str | None:
    """The key of the field whose Chinese or English label (long or short) is ``text``; for display code."""
    for f in FIELDS:
        if text in (f.zh, f.zh_short, f.en):
            return f.key
    return None
