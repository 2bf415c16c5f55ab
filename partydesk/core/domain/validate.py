"""Normalisation of phones, names and dates, and cross-field checks on a member record.

The normalisers turn what people type or paste (or what an Excel roster holds) into one stored form,
or raise ``ValidationError`` with a stable ``code`` and a Chinese message naming the field and the
rule (RELIABILITY.md §4.2). The ``check_*`` functions never raise: they return ``Issue`` records, hard
errors and soft warnings alike, so a form can show all of them at once and an import can report them
per row.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from partydesk.core.domain import partial_date
from partydesk.core.domain.codes import GENDER, MEMBER_CATEGORY
from partydesk.core.errors import ValidationError

if TYPE_CHECKING:  # idnumber imports this module for mask_phone; only the type is needed here
    from partydesk.core.domain.idnumber import IdInfo

__all__ = [
    "Issue",
    "check_id_against_record",
    "check_member_dates",
    "excel_serial_to_date",
    "normalize_name",
    "normalize_phone",
    "parse_date",
]

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")


@dataclass(frozen=True)
class Issue:
    """One finding about a record: ``field`` is the field KEY (``domain.fields``), ``code`` is stable.

    Labels are looked up only where the issue is shown; the ``message`` is already in Chinese.
    """

    field: str
    code: str
    message: str
    severity: Literal["error", "warning"]


# ---------------------------------------------------------------- phones

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?")
_EXTENSION = re.compile(r"(?:转|EXT\.?|分机)", re.IGNORECASE)
_AREA_BRACKETS = re.compile(r"^\((0?\d{2,3})\)")


def normalize_phone(text: str, *, field: str = "联系电话") -> str:
    """Return a mobile as 11 digits or a landline as ``0xx-xxxxxxxx[-ext]``.

    Accepts +86/0086/86 prefixes, spaces, dashes of any width, ``(010)`` brackets and 转 for an
    extension. Carrier prefixes are not checked (new ones keep appearing). Raises ``ValidationError``
    with code ``required`` or ``phone_format``; the message does not repeat the number.
    """
    if text.isascii() and _MOBILE.fullmatch(text):
        return text  # already a bare mobile number: every step below would leave it as it is
    s = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_DASHES)
    s = "".join(ch for ch in s if not ch.isspace())
    if not s:
        raise ValidationError(f"{field}不能为空", field=field, code="required")
    s = _EXTENSION.sub("-", s)
    international = s.startswith(("+86", "0086"))
    if international:
        s = s.removeprefix("+").removeprefix("00")[2:].lstrip("-")
    s = _AREA_BRACKETS.sub(r"\1-", s)
    compact = s.replace("-", "")
    if not international and len(compact) == 13 and compact.startswith("86"):
        compact = compact[2:]  # a bare 86 prefix is only unambiguous in front of a mobile
    if _MOBILE.fullmatch(compact):
        return compact
    if international and not s.startswith("0"):
        s = "0" + s  # +86 10 12345678: the trunk 0 is dropped in international form
    m = _LANDLINE.fullmatch(s)
    if m:
        # Re-split by the numbering plan (010 and 02x are the only 3-digit area codes), so that
        # "01012345678" and "010-12345678" store the same way whatever dash the user typed.
        digits = m.group(1) + m.group(2)
        cut = 3 if digits[1] in "12" else 4
        area, local = digits[:cut], digits[cut:]
        if 7 <= len(local) <= 8:
            return f"{area}-{local}" + (f"-{m.group(3)}" if m.group(3) else "")
    raise ValidationError(
        f"{field}格式不正确：手机号应为 1 开头的 11 位数字，固定电话应为“区号-号码”（如 010-12345678）",
        field=field,
        code="phone_format",
    )


# ---------------------------------------------------------------- names

_DOT = "\u00b7"
_DOT_VARIANTS = dict.fromkeys(map(ord, "\u2022\u30fb\uff0e\u2027\u22c5\u2219\uff65\u0387"), _DOT)
# Kangxi radicals look exactly like ordinary ideographs (⼈ vs 人) and arrive in text copied from PDFs;
# they never belong in a name, so they alone get their compatibility (NFKC) mapping.
_RADICALS = {
    cp: unicodedata.normalize("NFKC", chr(cp))
    for cp in range(0x2E80, 0x2FE0)
    if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)
}


_STOP_BETWEEN_HAN = re.compile(r"(?<=[^\x00-\x7f])\s*\.\s*(?=[^\x00-\x7f])")
_DOT_RUN = re.compile(r"\s*\u00b7[\s\u00b7]*")
_SPACES = re.compile(r"\s+")


def _is_latin(ch: str) -> bool:
    return ch.isalpha() and ord(ch) < 0x250


def normalize_name(text: str, *, field: str = "姓名") -> str:
    """Return a person's name in NFC with one kind of middle dot (U+00B7) and no stray spaces.

    NFC, never NFKC: a name keeps the characters it was registered with, only canonically composed;
    the one compatibility fold is for Kangxi radicals pasted from PDFs. Characters outside the BMP
    (rare 生僻字) and private-use characters (how older systems stored them) are kept. Spaces padding
    a Chinese name ("张  三") are dropped; one space between Latin words stays.
    Raises ``ValidationError`` with code ``required`` or ``name_chars``.
    """
    s = unicodedata.normalize("NFC", text.translate(_RADICALS)).translate(_INVISIBLE).translate(_DOT_VARIANTS)
    # An ASCII full stop between two Chinese characters is a mistyped separator in minority names.
    s = _STOP_BETWEEN_HAN.sub(_DOT, s.strip())
    s = _DOT_RUN.sub(_DOT, s)

    def space(m: re.Match[str]) -> str:
        before, after = s[m.start() - 1], s[m.end()]
        return " " if _is_latin(before) and _is_latin(after) else ""

    s = _SPACES.sub(space, s)
    if not s:
        raise ValidationError(f"{field}不能为空", field=field, code="required")
    for ch in s:
        category = unicodedata.category(ch)
        if ch in (_DOT, " ") or category[0] in "LM" or category == "Co":
            continue
        rule = "不能包含数字" if category[0] == "N" else "只能包含汉字、字母和间隔号“·”"
        raise ValidationError(f"{field}含有不允许的字符“{ch}”：{rule}", field=field, code="name_chars")
    if s.startswith(_DOT) or s.endswith(_DOT):
        raise ValidationError(f"{field}的间隔号“·”不能在开头或结尾", field=field, code="name_chars")
    return s


# ---------------------------------------------------------------- dates

_DATE_NUMBER = re.compile(r"(19|20)\d{6}|(19|20)\d{4}")  # 20190301, or 201903 (a month)
_FORMATS = "2021-07-01、2021/7/1、2021.7.1、2021年7月1日 或 20210701"


def parse_date(value: object, *, field: str = "日期", partial: bool = False) -> date:
    """Read a date from a ``date``/``datetime`` or from text in the formats offices use.

    Text: ``2021-07-01``, ``2021/7/1``, ``2021.7.1``, ``2021年7月1日``, ``20210701`` (full-width digits
    too). An integer of that 8-digit shape is read the same way, since Excel keeps 20210701 as a
    number. With ``partial`` a date known only to the month or the year (``2019.3``, ``2019年3月``,
    ``1972年``, or the numbers 2019.3 and 1972 from a General cell) is a ``partial_date.PartialDate``;
    without it such a date is refused (``date_no_day``). Two-digit years are refused rather than
    guessed; Excel serial numbers go through ``excel_serial_to_date``, which needs the workbook's date
    system. Years outside 1900–2099 are refused as typos.
    Codes: ``required``, ``date_format``, ``date_no_day``, ``date_invalid``.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        if not partial and partial_date.precision_of(value) is not partial_date.Precision.DAY:
            raise _date_error(field, f"{field}“{partial_date.text(value)}”缺少“日”，请填写完整的年、月、日",
                              "date_no_day")
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        whole = float(value).is_integer()
        if whole and _DATE_NUMBER.fullmatch(str(int(value))):
            value = str(int(value))
        else:
            found = partial_date.parse_number(float(value), field=field) if partial else None
            if found is None:
                shown = str(int(value)) if whole else str(value)
                raise _date_error(field, f"{field}“{shown}”是一个数字，不是日期：请写成 {_FORMATS}", "date_format")
            return found
    return partial_date.parse_text(str(value), field=field, partial=partial)


def _date_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError(message, field=field, code=code)


def excel_serial_to_date(serial: float, *, date1904: bool = False, field: str = "日期") -> date:
    """Convert an Excel serial date number (time-of-day fraction ignored) to a date.

    1900 system: 1 is 1900-01-01, and serial 60 is Lotus's fake 1900-02-29, kept by Excel for
    compatibility, so serials from 61 on are one day "ahead" and 60 itself is refused. 1904 system
    (old Mac workbooks, ``workbook.epoch``): 0 is 1904-01-01, i.e. the 1900 serial minus 1462.
    """
    if isinstance(serial, bool) or not math.isfinite(serial):
        raise _date_error(field, f"{field}“{serial}”不是 Excel 日期序列号", "date_format")
    day = math.floor(serial)
    if date1904:
        base, first = date(1904, 1, 1), 0
    else:
        base, first = (date(1899, 12, 31) if day < 60 else date(1899, 12, 30)), 1
    if day < first:
        raise _date_error(field, f"{field}“{serial}”早于 Excel 能表示的第一天", "date_invalid")
    if day == 60 and not date1904:
        raise _date_error(field, f"{field}“{serial}”对应不存在的 1900-02-29（Excel 的历史错误）", "date_invalid")
    try:
        return base + timedelta(days=day)
    except OverflowError:
        raise _date_error(field, f"{field}“{serial}”超出日期范围", "date_invalid") from None


# ---------------------------------------------------------------- member cross-checks


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(d.day, (next_month - timedelta(days=1)).day))


def _birthday(birth: date, age: int) -> date:
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:  # born on 29 February: the birthday in a common year counts as 1 March
        return date(birth.year + age, 3, 1)


def check_member_dates(
    *,
    birth_date: date | None,
    joined_on: date | None,
    confirmed_on: date | None,
    category: str | None,
    today: date,
    min_join_age: int = 18,
    probation_min_months: int = 11,
    probation_max_months: int = 25,
) -> list[Issue]:
    """Check 出生日期, 入党日期, 转为正式党员日期 and 人员类别 against each other.

    Errors: a date in the future, joining before ``min_join_age`` (Party Constitution: 年满十八岁),
    dates out of order, a 预备党员 with a 转正 date, an unknown category. Warnings: a 正式党员 without
    a 转正 date, or 转正 outside ``probation_min_months``–``probation_max_months`` after joining (one
    year of probation, extendable by up to one more). The numbers come from the rule table.
    """
    issues: list[Issue] = []

    def add(field: str, code: str, message: str, severity: Literal["error", "warning"] = "error") -> None:
        issues.append(Issue(field, code, message, severity))

    for key, name, value in (("birth_date", "出生日期", birth_date), ("joined_on", "入党日期", joined_on),
                             ("confirmed_on", "转为正式党员日期", confirmed_on)):
        if value is not None and partial_date.after(value, today):
            add(key, "date_future", f"{name}晚于今天")
    if birth_date is not None and joined_on is not None:
        if partial_date.before(joined_on, birth_date):
            add("joined_on", "date_order", "入党日期早于出生日期")
        elif partial_date.last_day(joined_on) < _birthday(partial_date.first_day(birth_date), min_join_age):
            # A warning, not a refusal: members admitted young in the 1940s exist and must be recordable.
            add("joined_on", "join_age", f"入党时未满{min_join_age}周岁", "warning")
    if joined_on is not None and confirmed_on is not None:
        # Only what the known parts of the dates say: 转正 in the month of a month-only 入党 is no error.
        if partial_date.before(confirmed_on, joined_on):
            add("confirmed_on", "date_order", "转为正式党员日期早于入党日期")
        elif (
            partial_date.last_day(confirmed_on) < _add_months(partial_date.first_day(joined_on), probation_min_months)
            or partial_date.first_day(confirmed_on)
            > _add_months(partial_date.last_day(joined_on), probation_max_months)
        ):
            add(
                "confirmed_on",
                "probation_length",
                f"转正日期距入党日期不在 {probation_min_months}–{probation_max_months} 个月之间"
                "（预备期一年，最多延长一年），请核对",
                "warning",
            )
    if category is not None and category.strip():
        try:
            code = MEMBER_CATEGORY.code_of(category)
        except ValidationError as exc:
            add("category", exc.code, exc.message)
            return issues
        if MEMBER_CATEGORY.name(code) == "预备党员" and confirmed_on is not None:
            add("confirmed_on", "probationary_confirmed", "预备党员不应有转为正式党员日期")
        if MEMBER_CATEGORY.name(code) == "正式党员" and confirmed_on is None:
            add("confirmed_on", "confirmed_missing", "正式党员缺少转为正式党员日期", "warning")
    return issues


def check_id_against_record(info: IdInfo, *, birth_date: date | None, gender: str | None) -> list[Issue]:
    """Warn when the birth date or gender encoded in the ID number differs from the recorded one.

    Only warnings: the ID number or the other field may be the wrong one, and the user decides which.
    ``gender`` may be a name or a GB/T 2261.1 code; 未知/未说明 or unreadable values are not compared.
    """
    issues: list[Issue] = []
    if (info.birth_date is not None and birth_date is not None
            and not partial_date.agrees(birth_date, info.birth_date)):
        issues.append(Issue("birth_date", "id_birth_mismatch",
                            f"出生日期（{partial_date.text(birth_date)}）与公民身份号码中的出生日期"
                            f"（{partial_date.text(info.birth_date)}）不一致，请核对", "warning"))
    if info.gender is not None and gender is not None and gender.strip():
        try:
            recorded = GENDER.name(GENDER.code_of(gender))
        except ValidationError:
            return issues
        if recorded in ("男", "女") and recorded != info.gender:
            issues.append(Issue("gender", "id_gender_mismatch",
                                "性别与公民身份号码第 17 位（单数为男，双数为女）不一致", "warning"))
    return issues
