"""Citizen ID numbers (公民身份号码, GB 11643-1999) and the other ID types, plus display masking.

An 18-character resident ID is a 6-digit region code (GB/T 2260), an 8-digit birth date, a 3-digit
sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character. Legacy 15-digit numbers
(GB 11643-1989) are accepted and upgraded. See RELIABILITY.md §4.1 and DOMAIN.md §2.6.

Only hard errors are raised here (as ``ValidationError`` with a stable ``code``); the soft cross-checks
against the rest of a member record live in ``validate.check_id_against_record``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from operator import eq, itemgetter, mod, mul
from typing import cast

from partydesk.core.domain.codes import ID_TYPE
from partydesk.core.domain.validate import normalize_phone
from partydesk.core.errors import ValidationError

__all__ = [
    "FOREIGN_PERMANENT_RESIDENCE",
    "HMT_RESIDENCE_PERMIT",
    "PASSPORT",
    "RESIDENT_ID",
    "IdInfo",
    "check_char",
    "downgrade_18_to_15",
    "mask_id_number",
    "mask_phone",
    "normalize_id_number",
    "parse_id_number",
    "plainly_valid_resident_id",
    "resolved_type",
    "upgrade_15_to_18",
]

RESIDENT_ID = "居民身份证"
HMT_RESIDENCE_PERMIT = "港澳台居民居住证"
FOREIGN_PERMANENT_RESIDENCE = "外国人永久居留身份证"
PASSPORT = "护照"

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# Residence permits for Hong Kong, Macao and Taiwan residents use these pseudo-province codes.
_HMT_PREFIXES = ("81", "82", "83")
# Characters Excel, Word and web pages leave inside pasted numbers; NFKC does not remove them.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# What an 18-digit number looks like after Excel stored it as a float (RELIABILITY.md §4.3).
_EXCEL_FLOAT = re.compile(r"\d(?:\.\d+)?E\+?\d+|\d+\.0+")
_MAX_LENIENT_LENGTH = 32
_NOT_ID_CHAR = re.compile("[^0123456789X]")
_times = int.__mul__


@dataclass(frozen=True)
class IdInfo:
    """A validated ID number and what it encodes.

    ``birth_date``, ``gender`` and ``region_code`` are ``None`` for ID types that do not encode them
    (外国人永久居留身份证, 护照). ``upgraded_from_15`` is true when a legacy number was upgraded.
    """

    number: str
    id_type: str = RESIDENT_ID
    birth_date: date | None = None
    gender: str | None = None
    region_code: str | None = None
    upgraded_from_15: bool = False


def normalize_id_number(text: str) -> str:
    """Return ``text`` in canonical form: NFKC, no whitespace or invisible characters, upper case.

    NFKC is applied to this field only: it turns full-width ``１２３ｘ`` into ASCII, which is right for
    a number and wrong for a name (see ``validate.normalize_name``). A leading apostrophe is Excel's
    "store as text" marker and is dropped.
    """
    if text.isascii() and text.isalnum():
        return text.upper()  # the usual cell: nothing for NFKC, the invisibles or the spaces to do
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = "".join(ch for ch in text if not ch.isspace())
    return text.lstrip("'").upper()


def check_char(first17: str) -> str:
    """Return the ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') for 17 ASCII digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_char needs exactly 17 ASCII digits")
    total = sum(map(_times, map(int, first17), _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def upgrade_15_to_18(id15: str) -> str:
    """Upgrade a legacy 15-digit number: insert the century "19" and append the check character."""
    if len(id15) != 15 or not id15.isascii() or not id15.isdigit():
        raise ValueError("upgrade_15_to_18 needs exactly 15 ASCII digits")
    first17 = id15[:6] + "19" + id15[6:]
    return first17 + check_char(first17)


def downgrade_18_to_15(id18: str) -> str:
    """Inverse of ``upgrade_15_to_18``: drop the century and the check character (1900s births only)."""
    if len(id18) != 18 or not id18[:17].isascii() or not id18[:17].isdigit():
        raise ValueError("downgrade_18_to_15 needs an 18-character number")
    if id18[6:8] != "19":
        raise ValueError("only numbers of people born in 19xx had a 15-digit form")
    return id18[:6] + id18[8:17]


def _fail(message: str, code: str) -> ValidationError:
    return ValidationError(message, field="公民身份号码", code=code)


_RESOLVED: dict[str, str] = {}


def _resolve_type(id_type: str) -> str:
    kind = _RESOLVED.get(id_type) if isinstance(id_type, str) else None
    if kind is not None:
        return kind
    try:
        kind = ID_TYPE.name(ID_TYPE.code_of(id_type))
    except ValidationError:
        raise ValidationError(f"证件类型“{id_type}”无法识别", field="证件类型", code="id_type") from None
    if isinstance(id_type, str) and len(_RESOLVED) < 256:
        _RESOLVED[id_type] = kind
    return kind


def resolved_type(id_type: str) -> str | None:
    """The ID type a name, code or short form from ``codes.ID_TYPE`` stands for; None when it is none."""
    try:
        return _resolve_type(id_type)
    except ValidationError:
        return None


def parse_id_number(text: str, id_type: str = RESIDENT_ID, *, today: date | None = None) -> IdInfo:
    """Validate an ID number of the given type and return what it encodes.

    ``id_type`` may be a name, code or short form from ``codes.ID_TYPE``. ``today`` (default: the
    system date) bounds the birth date. Raises ``ValidationError`` with one of the codes ``required``,
    ``id_type``, ``id_excel_number``, ``id_chars``, ``id_length``, ``id_prefix``, ``id_birthdate``,
    ``id_future`` or ``id_checksum``.
    """
    kind = _resolve_type(id_type)
    label = "公民身份号码" if kind == RESIDENT_ID else f"证件号码（{kind}）"

    def excel_number() -> ValidationError:
        return _fail(
            f"{label}被 Excel 存成了数字，后几位已经丢失：请在 Excel 中把该列设为“文本”格式后重新录入",
            "id_excel_number",
        )

    if not isinstance(text, str):  # a numeric cell straight from openpyxl; never "repair" it
        raise excel_number()
    number = normalize_id_number(text)
    if not number:
        raise _fail(f"{label}不能为空", "required")
    if kind in (FOREIGN_PERMANENT_RESIDENCE, PASSPORT):
        return _parse_lenient(number, kind, label)
    if _EXCEL_FLOAT.fullmatch(number):
        raise excel_number()
    bad = _NOT_ID_CHAR.search(number)
    if bad is not None:
        raise _fail(f"{label}含有非法字符“{bad.group()}”：只能是数字，最后一位可以是 X", "id_chars")
    legacy_ok = kind == RESIDENT_ID
    if len(number) != 18 and not (legacy_ok and len(number) == 15):
        expected = "18 位（旧号码 15 位）" if legacy_ok else "18 位"
        raise _fail(f"{label}长度错误：应为 {expected}，实际为 {len(number)} 位", "id_length")
    if "X" in number[:-1] or (len(number) == 15 and "X" in number):
        raise _fail(f"{label}含有非法字符“X”：只有 18 位号码的最后一位可以是 X", "id_chars")
    upgraded = len(number) == 15
    if upgraded:
        number = upgrade_15_to_18(number)
    _check_prefix(number, kind, label)
    birth = _birth_date(number, label, today or date.today())
    expected_check = check_char(number[:17])
    if number[17] != expected_check:
        raise _fail(f"{label}校验位错误：按前 17 位，最后一位应为 {expected_check}，填的是 {number[17]}。"
                    "多半是有一位数字抄错了，请与身份证逐位核对", "id_checksum")
    return IdInfo(
        number=number,
        id_type=kind,
        birth_date=birth,
        gender="男" if int(number[16]) % 2 == 1 else "女",
        region_code=number[:6],
        upgraded_from_15=upgraded,
    )


_PLAIN_RESIDENT = re.compile("[0-9]{17}[0-9X]").fullmatch
_MEMO_LIMIT = 100_000
_BIRTHS: dict[str, date | None] = {}
_SUMS: dict[str, int] = {}


def _weighted(part: str, start: int) -> int:
    """The check sum's share of the digits ``part`` at ``start`` (the same parts recur across a roster:
    regions, birth dates, sequence numbers), remembered."""
    key = f"{start}:{part}"
    found = _SUMS.get(key)
    if found is None:
        found = sum(map(_times, map(int, part), _WEIGHTS[start:start + len(part)]))
        if len(_SUMS) < _MEMO_LIMIT:
            _SUMS[key] = found
    return found


def _birth_or_none(digits: str) -> date | None:
    if digits not in _BIRTHS:
        try:
            found: date | None = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            found = None
        if len(_BIRTHS) >= _MEMO_LIMIT:
            return found
        _BIRTHS[digits] = found
    return _BIRTHS[digits]


def plainly_valid_resident_id(number: str, today: date) -> bool:
    """A quick yes for the usual case: True only when ``parse_id_number(number, RESIDENT_ID, today=today)``
    accepts the number as it is (18 ASCII digits, the last may be X, already in canonical form). False
    means only "not plainly": ask ``parse_id_number``, which also says what is wrong. A test holds the two
    together for any text."""
    if len(number) != 18 or not _PLAIN_RESIDENT(number) or number.startswith(_HMT_PREFIXES):
        return False
    birth = _birth_or_none(number[6:14])
    if birth is None or birth.year < 1900 or birth > today:
        return False
    total = _weighted(number[:6], 0) + _weighted(number[6:14], 6) + _weighted(number[14:17], 14)
    return _CHECK_CHARS[total % 11] == number[17]


_EACH_PLAIN = re.compile("(?:[0-9]{17}[0-9X]\n)*").fullmatch
_FIRST_TWO, _BIRTH_DIGITS, _FIRST_17 = itemgetter(slice(2)), itemgetter(slice(6, 14)), itemgetter(slice(17))
_LAST = itemgetter(17)


def plainly_valid_resident_ids(numbers: Sequence[object], today: date) -> bool:
    """``plainly_valid_resident_id`` of every one of ``numbers`` (True for none), each check made once over all
    of them in C: the form on the numbers joined, each distinct birth date once, and the check character.

    The check sum is the digits read in base 13: 13 ≡ 2 (mod 11) and the GB 11643 weights are the powers of 2
    modulo 11 (7 = 2¹⁷, 9 = 2¹⁶, …, 2 = 2¹), so twice the value in base 13 is the weighted sum modulo 11.
    """
    if not numbers:
        return True
    if not {str}.issuperset(map(type, numbers)):
        return False
    texts = cast(Sequence[str], numbers)
    if {18} != set(map(len, texts)) or not _EACH_PLAIN("\n".join(texts) + "\n"):  # 18 each: aligned
        return False
    if not set(map(_FIRST_TWO, texts)).isdisjoint(_HMT_PREFIXES):
        return False
    for digits in set(map(_BIRTH_DIGITS, texts)):
        birth = _birth_or_none(digits)
        if birth is None or birth.year < 1900 or birth > today:
            return False
    sums = map(mod, map(mul, map(int, map(_FIRST_17, texts), repeat(13)), repeat(2)), repeat(11))
    return all(map(eq, map(_CHECK_CHARS.__getitem__, sums), map(_LAST, texts)))


def _parse_lenient(number: str, kind: str, label: str) -> IdInfo:
    # Formats of these documents vary by issue year and country, so only the character set is checked.
    bad = next((ch for ch in number if not ("A" <= ch <= "Z" or "0" <= ch <= "9")), None)
    if bad is not None:
        raise _fail(f"{label}含有非法字符“{bad}”：只能是字母和数字", "id_chars")
    if len(number) > _MAX_LENIENT_LENGTH:
        raise _fail(f"{label}长度错误：不能超过 {_MAX_LENIENT_LENGTH} 位", "id_length")
    return IdInfo(number=number, id_type=kind)


def _check_prefix(number: str, kind: str, label: str) -> None:
    is_hmt = number.startswith(_HMT_PREFIXES)
    if kind == HMT_RESIDENCE_PERMIT and not is_hmt:
        raise _fail(f"{label}应以 81、82 或 83 开头", "id_prefix")
    if kind == RESIDENT_ID and is_hmt:
        # A mis-chosen type, not a typo: say which type fits so the user can fix it in one step.
        raise _fail(
            f"{label}以 {number[:2]} 开头，是港澳台居民居住证号码：请把证件类型改为港澳台居民居住证", "id_prefix"
        )


def _birth_date(number: str, label: str, today: date) -> date:
    # The digits are not echoed: a birth date is personal data and messages may end up in logs.
    digits = number[6:14]
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise _fail(f"{label}第 7–14 位不是存在的出生日期", "id_birthdate") from None
    if birth.year < 1900:
        raise _fail(f"{label}第 7–14 位的出生日期早于 1900 年", "id_birthdate")
    if birth > today:
        raise _fail(f"{label}第 7–14 位的出生日期晚于今天", "id_future")
    return birth


def mask_id_number(number: str) -> str:
    """Star all but the last 4 characters, keeping the length: ``**************002X``.

    Region and birth-date digits are personal data too (RELIABILITY.md §3.5), so nothing else is shown.
    A value of 4 characters or fewer is starred completely.
    """
    if len(number) <= 4:
        return "*" * len(number)
    return "*" * (len(number) - 4) + number[-4:]


def mask_phone(phone: str) -> str:
    """Mask a phone for display: ``138****5678``; landlines keep the area code and the last 4 digits.

    Never raises: text that is not a valid phone is masked like an ID (all but the last 4 starred).
    """
    try:
        normal = normalize_phone(phone)
    except ValidationError:
        return mask_id_number(phone.strip())
    if not normal.startswith("0"):
        return normal[:3] + "****" + normal[-4:]
    area, local, *ext = normal.split("-")
    masked = [area, "*" * (len(local) - 4) + local[-4:]]
    masked.extend("*" * len(e) for e in ext)
    return "-".join(masked)
