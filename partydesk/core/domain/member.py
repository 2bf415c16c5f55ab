"""A member record (党员信息): what the user enters, its checked form, and the checks between fields.

``MemberInput`` takes what a form or an Excel row gives (codes or names, text or dates). ``check_member``
turns it into ``MemberData`` (codes, normalised text, dates) plus every ``Issue`` it found; a record
with any error-level issue must not be stored (house rule 6). Field keys match the importer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Literal

from partydesk.core.domain import codes, fields, partial_date
from partydesk.core.domain.idnumber import parse_id_number
from partydesk.core.domain.meetings import COMMITTEE_POSTS
from partydesk.core.domain.validate import (
    Issue,
    check_id_against_record,
    check_member_dates,
    normalize_name,
    normalize_phone,
    parse_date,
)
from partydesk.core.errors import ValidationError

Value = str | date | int | float | bool | None

# Derived from the field registry (``fields``); kept under these names for the modules that read them.
FIELD_LABELS: dict[str, str] = {f.key: f.zh for f in fields.FIELDS}
"""Field key -> Chinese item name: for display only, issues name fields by key."""
CODED: dict[str, codes.CodeTable] = fields.code_tables()
DATES = fields.keys_of(fields.FieldType.DATE)
PARTIAL_DATES = fields.partial_keys()
"""Dates that may be known only to the month or the year (1972.11, 1972年)."""
FLAGS = fields.keys_of(fields.FieldType.FLAG)
# Plain text fields; name, ID number and phone have their own normalisers.
TEXTS = tuple(f.key for f in fields.FIELDS if f.type is fields.FieldType.TEXT and f.max_length)
TEXT_LIMITS = {f.key: f.max_length for f in fields.FIELDS if f.max_length}

CATEGORY_FULL = "1"
CATEGORY_PROBATIONARY = "2"
STATUS_NORMAL = "10"
RESIDENT_ID_CODE = "1"

TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "✓", "失联", "流动"}
FALSE_WORDS = {"否", "n", "no", "false", "0", "", "×", "无"}


@dataclass(frozen=True)
class MemberInput:
    """Raw values as typed or imported; anything may be missing or malformed."""

    name: Value = None
    gender: Value = None
    ethnicity: Value = None
    birth_date: Value = None
    id_type: Value = None
    id_number: Value = None
    education: Value = None
    degree: Value = None
    category: Value = None
    joined_on: Value = None
    confirmed_on: Value = None
    party_group: Value = None
    party_post: Value = None
    work_post: Value = None
    work_unit: Value = None
    work_started_on: Value = None
    phone: Value = None
    address: Value = None
    native_place: Value = None
    membership_status: Value = None
    lost_contact: Value = None
    lost_since: Value = None
    lost_cause: Value = None
    migrant: Value = None
    migrant_destination: Value = None
    migrant_since: Value = None
    notes: Value = None


@dataclass(frozen=True)
class MemberData:
    """A checked member record: codes, normalised text and real dates; what the database stores."""

    name: str
    gender: str
    id_type: str
    id_number: str
    category: str
    joined_on: date | None
    ethnicity: str = ""
    birth_date: date | None = None
    education: str = ""
    degree: str = ""
    confirmed_on: date | None = None
    party_group: str = ""
    party_post: str = ""
    work_post: str = ""
    work_unit: str = ""
    work_started_on: date | None = None
    phone: str = ""
    address: str = ""
    native_place: str = ""
    membership_status: str = STATUS_NORMAL
    lost_contact: bool = False
    lost_since: date | None = None
    lost_cause: str = ""
    migrant: bool = False
    migrant_destination: str = ""
    migrant_since: date | None = None
    notes: str = ""

    def as_dict(self) -> dict[str, object]:
        """Field name -> value."""
        return {name: getattr(self, name) for name in _DATA_NAMES}


_DATA_NAMES = tuple(f.name for f in dataclass_fields(MemberData))


@dataclass(frozen=True)
class CheckRules:
    """The rule-table numbers the checks use (house rule 7)."""

    min_join_age: int = 18
    probation_min_months: int = 11
    probation_max_months: int = 25


@dataclass
class CheckResult:
    """The outcome of ``check_member``: the clean record when there are no errors, and every issue."""

    data: MemberData | None
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        """Issues that forbid saving."""
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        """Issues worth showing that do not forbid saving."""
        return [i for i in self.issues if i.severity == "warning"]


def _issue(key: str, exc: ValidationError) -> Issue:
    return Issue(key, exc.code, exc.message, "error")


def _blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_flag(value: Value, key: str) -> bool:
    """Yes/no cells: 是/否, Y/N, 1/0, ✓; raises ValidationError on anything else."""
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValidationError(f"{FIELD_LABELS[key]}应填写“是”或“否”，而不是“{value}”", field=key, code="flag_format")


# Unicode category Cc is exactly U+0000–U+001F and U+007F–U+009F; tab and newline are allowed in text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _text(value: Value, key: str) -> str:
    text = "" if value is None else str(value).strip()
    if _CONTROL.search(text):
        raise ValidationError(
            f"{FIELD_LABELS[key]}含有看不见的控制字符（常见于从 Word 或网页复制的文字），请删除后重新输入",
            field=key, code="control_chars",
        )
    limit = TEXT_LIMITS.get(key, 200)
    if len(text) > limit:
        raise ValidationError(f"{FIELD_LABELS[key]}不能超过 {limit} 个字", field=key, code="too_long")
    return text


def party_group_text(value: Value) -> str:
    """A 党小组 name as a member's record stores it (trimmed; ValidationError when too long or holding
    control characters): for putting many members in one group at once."""
    return _text(value, "party_group")


NAME_LIMIT = 64


def _name(value: Value) -> str:
    name = normalize_name("" if value is None else str(value))
    if len(name) > NAME_LIMIT:
        raise ValidationError(f"姓名不能超过 {NAME_LIMIT} 个字", field="name", code="too_long")
    return name


# Code fields an office's own form fills with its own words (工作岗位: 村会计, 外出务工 where the statistics want
# 农牧渔民): a member is not refused for them; the field stays empty and the words go into 备注, with a warning.
KEPT_IN_NOTES = frozenset({"work_post"})


# Code-table answers already given, per table: a roster repeats a few dozen values over thousands of
# rows. Keyed by type too, since True == 1 but str(True) != str(1). Only answers are kept, never
# refusals, so a wrong value is looked up (and reported) afresh every time.
_CODE_MEMO: dict[str, dict[tuple[type, Value], str]] = {key: {} for key in CODED}
_MEMO_LIMIT = 4096


def _code(key: str, table: codes.CodeTable, item: Value) -> str:
    memo = _CODE_MEMO[key]
    memo_key = (type(item), item)
    found = memo.get(memo_key)
    if found is None:
        found = table.code_of(item)  # type: ignore[arg-type]  # as before: str() inside
        if len(memo) < _MEMO_LIMIT:
            memo[memo_key] = found
    return found


def check_member(raw: MemberInput, *, today: date, rules: CheckRules = CheckRules()) -> CheckResult:
    """Normalise and check every field, then the fields against each other; never raises."""
    issues: list[Issue] = []
    out: dict[str, object] = {}

    # Each field in turn; a ValidationError becomes that field's issue and leaves the field out.
    try:
        out["name"] = _name(raw.name)
    except ValidationError as exc:
        issues.append(_issue("name", exc))
    kept: list[str] = []  # descriptive answers outside their code table, kept in 备注 (``KEPT_IN_NOTES``)
    for key, table in CODED.items():
        item = getattr(raw, key)
        if _blank(item):
            out[key] = ""
            continue
        try:
            out[key] = _code(key, table, item)
        except ValidationError as exc:
            if key not in KEPT_IN_NOTES or exc.code != "code_unknown":
                issues.append(_issue(key, exc))
                continue
            out[key] = ""
            text = str(item).strip()
            kept.append(f"{table.title}：{text}")
            issues.append(Issue(key, "kept_in_notes", f"{table.title}“{text}”不是统计用的类别，已原样记入备注；"
                                "请在档案中选择相应的类别", "warning"))
    for key in DATES:
        item = getattr(raw, key)
        if _blank(item):
            out[key] = None
            continue
        try:
            out[key] = parse_date(item, field=FIELD_LABELS[key], partial=key in PARTIAL_DATES)
        except ValidationError as exc:
            issues.append(_issue(key, exc))
    for key in FLAGS:
        try:
            out[key] = parse_flag(getattr(raw, key), key)
        except ValidationError as exc:
            issues.append(_issue(key, exc))
    for key in TEXTS:
        try:
            out[key] = _text(getattr(raw, key), key)
        except ValidationError as exc:
            issues.append(_issue(key, exc))
    if kept and "notes" in out:
        notes = "；".join([*([str(out["notes"])] if out["notes"] else []), *kept])
        out["notes"] = notes[:TEXT_LIMITS.get("notes", 200)]
    phone = raw.phone
    out["phone"] = ""
    if not _blank(phone):
        try:
            out["phone"] = normalize_phone(str(phone))
        except ValidationError as exc:
            issues.append(_issue("phone", exc))

    id_type = out.get("id_type") or RESIDENT_ID_CODE
    out["id_type"] = id_type
    id_info = None
    id_raw = raw.id_number
    if _blank(id_raw):
        issues.append(Issue("id_number", "required", "公民身份号码不能为空", "error"))
    elif "id_type" in out:
        try:
            id_info = parse_id_number(
                id_raw,  # type: ignore[arg-type]  # a number cell is rejected inside, never repaired
                codes.ID_TYPE.name(str(id_type)), today=today,
            )
            out["id_number"] = id_info.number
        except ValidationError as exc:
            issues.append(_issue("id_number", exc))

    # Birth date and gender default from the ID number, which also completes a birth date known only to
    # the month or the year; a full date that disagrees is a warning only (either may be the wrong one).
    if id_info is not None and id_info.birth_date is not None:
        if out.get("birth_date") is None and "birth_date" not in {i.field for i in issues}:
            out["birth_date"] = id_info.birth_date
        issues += _complete_birth(out, id_info.birth_date)
        if not out.get("gender") and id_info.gender:
            out["gender"] = codes.GENDER.code_of(id_info.gender)
        issues += check_id_against_record(
            id_info, birth_date=_as_date(out.get("birth_date")),
            gender=codes.GENDER.name(str(out["gender"])) if out.get("gender") else None,
        )
    if not out.get("gender") and "gender" not in {i.field for i in issues}:
        issues.append(Issue("gender", "required", "性别不能为空", "error"))
    if not out.get("category") and "category" not in {i.field for i in issues}:
        issues.append(Issue("category", "required", "人员类别不能为空（正式党员或预备党员）", "error"))
    if out.get("joined_on") is None and "joined_on" not in {i.field for i in issues}:
        issues.append(Issue("joined_on", "required", "入党日期不能为空", "error"))
    if not out.get("membership_status"):
        out["membership_status"] = STATUS_NORMAL
    issues += check_member_dates(
        birth_date=_as_date(out.get("birth_date")), joined_on=_as_date(out.get("joined_on")),
        confirmed_on=_as_date(out.get("confirmed_on")),
        category=codes.MEMBER_CATEGORY.name(str(out["category"])) if out.get("category") else None,
        today=today, min_join_age=rules.min_join_age, probation_min_months=rules.probation_min_months,
        probation_max_months=rules.probation_max_months,
    )
    issues += _check_flags(out, today)
    if any(i.severity == "error" for i in issues):
        return CheckResult(None, _dedupe(issues))
    return CheckResult(MemberData(**out), _dedupe(issues))  # type: ignore[arg-type]


def _complete_birth(out: dict[str, object], from_id: date) -> list[Issue]:
    """Fill in the day of a month- or year-only birth date from the ID number, when the two agree."""
    given = out.get("birth_date")
    if not isinstance(given, partial_date.PartialDate):
        return []
    if partial_date.agrees(given, from_id):
        out["birth_date"] = from_id
        return []
    del out["birth_date"]
    return [Issue("birth_date", "id_birth_mismatch",
                  f"出生日期“{partial_date.text(given)}”与公民身份号码中的出生日期“{partial_date.text(from_id)}”不一致，"
                  "请核对其中之一", "error")]


def _check_flags(out: dict[str, object], today: date) -> list[Issue]:
    issues: list[Issue] = []

    def add(key: str, code: str, message: str, severity: Literal["error", "warning"]) -> None:
        issues.append(Issue(key, code, message, severity))

    if out.get("category") == codes.MEMBER_CATEGORY.code_of("预备党员") and out.get("party_post") in COMMITTEE_POSTS:
        add("party_post", "probationary_post",
            f"预备党员没有被选举权（党章第七条），不能担任{codes.PARTY_POST.name(str(out['party_post']))}"
            "等支部委员会职务", "warning")
    if out.get("lost_contact"):
        if out.get("lost_since") is None:
            add("lost_since", "required", "失联党员须填写失去联系日期", "error")
        if not out.get("lost_cause"):
            add("lost_cause", "missing", "失联党员宜填写失联原因", "warning")
    elif out.get("lost_since") is not None or out.get("lost_cause"):
        add("lost_contact", "flag_conflict", "填写了失联日期或原因，但“是否失联”为否", "error")
    if out.get("migrant"):
        if not out.get("migrant_destination"):
            add("migrant_destination", "required", "流动党员须填写外出流向", "error")
        if out.get("migrant_since") is None:
            add("migrant_since", "missing", "流动党员宜填写外出日期", "warning")
    elif out.get("migrant_destination") or out.get("migrant_since") is not None:
        add("migrant", "flag_conflict", "填写了外出流向或日期，但“是否流动党员”为否", "error")
    for key in ("lost_since", "migrant_since"):
        when = out.get(key)
        if isinstance(when, date) and partial_date.after(when, today):
            add(key, "date_future", f"{FIELD_LABELS[key]}晚于今天", "error")
    return issues


def _as_date(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _dedupe(issues: list[Issue]) -> list[Issue]:
    seen: set[tuple[str, str]] = set()
    result = []
    for issue in issues:
        if (issue.field, issue.code) not in seen:
            seen.add((issue.field, issue.code))
            result.append(issue)
    return result


def input_from_data(data: MemberData) -> MemberInput:
    """The input that reproduces ``data`` (for edit forms and round-trip tests)."""
    return MemberInput(**data.as_dict())  # type: ignore[arg-type]


def with_changes(data: MemberData, **changes: object) -> MemberData:
    """A copy of ``data`` with some fields replaced."""
    return replace(data, **changes)  # type: ignore[arg-type]
