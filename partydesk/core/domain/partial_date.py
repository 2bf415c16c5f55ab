"""Dates known to the day, the month or the year, as offices write them (1972.11, 2019年3月, 1972年).

A date known to the day stays a plain ``datetime.date``. A date known only to the month or the year is a
``PartialDate``: a ``date`` subclass holding the first day of its month (or year) and its ``precision``,
so code that only needs an approximate day (sorting, age in years) keeps working, while the checks
compare at the precision both sides have (``compare``, ``same_or_before``): a 转正 in the same month as a
month-only 入党 is neither before nor after it.

``parse_text`` reads the office forms (``2019.3``, ``2019-03``, ``2019年3月``, ``201903``, ``1972年``, ``1972``,
full-width digits) and ``parse_number`` a month or year typed into a General spreadsheet cell (2019.3,
1972); impossible ones are refused with a Chinese message naming the rule. ``text`` shows a value as
written: ``2019年03月08日``, ``2019年03月``, ``1972年``; ``dotted`` gives the 花名册 form (``2019.03``).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any, Literal, SupportsIndex

from partydesk.core.errors import ValidationError

__all__ = [
    "PartialDate", "Precision", "after", "agrees", "before", "compare", "dotted", "make", "parse_number",
    "parse_text", "precision_of", "same_or_after", "same_or_before", "text",
]


class Precision(StrEnum):
    """How much of a date is known; the value is what the database stores beside the date."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_RANK = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}
_KINDS: dict[str, Precision] = {p.value: p for p in Precision}


class PartialDate(date):
    """A date known only to the month or the year: the first day of that period, plus its precision.

    Never built for day precision (``make`` returns a plain ``date`` then), so a ``PartialDate`` is
    never equal to a ``date``: ``2019年03月`` and ``2019-03-01`` are different answers. Arithmetic
    (``+ timedelta``, ``replace``) gives plain dates, since the result is a day.
    """

    precision: Precision = Precision.DAY  # only ever MONTH or YEAR on an instance built by __new__

    def __new__(cls, year: int, month: int = 1, day: int = 1,
                precision: Precision | str | None = None) -> Any:
        if precision is None or Precision(precision) is Precision.DAY:
            return date(year, month, day)  # what date arithmetic and replace() on a subclass ask for
        kind = Precision(precision)
        self = super().__new__(cls, year, month if kind is Precision.MONTH else 1, 1)
        self.precision = kind
        return self

    def __eq__(self, other: object) -> bool:
        if isinstance(other, date):
            return date.__eq__(self, other) is True and precision_of(other) is self.precision
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash((self.toordinal(), self.precision))

    def _day(self) -> date:
        return date(self.year, self.month, self.day)

    # Arithmetic gives a day, never a month-only value with a day in it.
    def __add__(self, other: Any) -> Any:
        return self._day() + other

    __radd__ = __add__

    def __sub__(self, other: Any) -> Any:
        return self._day() - (other._day() if isinstance(other, PartialDate) else other)

    def __rsub__(self, other: Any) -> Any:
        return other - self._day()

    def replace(self, year: SupportsIndex | None = None, month: SupportsIndex | None = None,  # type: ignore[override]
                day: SupportsIndex | None = None) -> date:
        """A plain date with some parts replaced (the precision does not carry over)."""
        return self._day().replace(year=self.year if year is None else year,
                                   month=self.month if month is None else month, day=self.day if day is None else day)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PartialDate, (self.year, self.month, 1, self.precision.value))

    def __copy__(self) -> PartialDate:
        return self

    def __deepcopy__(self, memo: object) -> PartialDate:
        return self

    def isoformat(self) -> str:
        """ISO 8601 reduced precision: ``2019-03`` or ``1972``."""
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision is Precision.YEAR:
            return f"{self.year:04d}"
        return date.isoformat(self)

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"


def make(value: date, precision: Precision | str) -> date:
    """``value`` at ``precision``: the plain date for DAY, else a ``PartialDate`` of its month or year."""
    if precision == Precision.DAY:
        return value if type(value) is date else date(value.year, value.month, value.day)
    kind = _KINDS[precision]  # a dict, not Precision(...): an Enum call costs more than the rest of make
    return _period(value.year, value.month if kind is Precision.MONTH else 1, kind)


@lru_cache(maxsize=4096)
def _period(year: int, month: int, kind: Precision) -> PartialDate:
    # Shared instances: a roster of 100 000 members read from an office's year-month form holds only a
    # few hundred distinct months, and building each PartialDate anew costs more than the row itself.
    return PartialDate(year, month, 1, kind)  # type: ignore[no-any-return]


def precision_of(value: date) -> Precision:
    """How much of ``value`` is known (DAY for a plain date)."""
    return value.precision if isinstance(value, PartialDate) else Precision.DAY


def text(value: date | None) -> str:
    """As written on forms and cards: ``2019年03月08日``, ``2019年03月``, ``1972年``; "" for None."""
    if value is None:
        return ""
    kind = precision_of(value)
    if kind is Precision.YEAR:
        return f"{value.year:04d}年"
    if kind is Precision.MONTH:
        return f"{value.year:04d}年{value.month:02d}月"
    return f"{value.year:04d}年{value.month:02d}月{value.day:02d}日"


def in_words(value: date) -> str:
    """A day as a sentence says it: ``2019年3月8日`` (forms pad the month and day, ``text``; sentences do not)."""
    return f"{value.year}年{value.month}月{value.day}日"


def dotted(value: date | None) -> str:
    """As a printed 花名册 writes it: ``2019.03.08``, ``2019.03``, ``1972``; "" for None."""
    if value is None:
        return ""
    kind = precision_of(value)
    if kind is Precision.YEAR:
        return f"{value.year:04d}"
    if kind is Precision.MONTH:
        return f"{value.year:04d}.{value.month:02d}"
    return f"{value.year:04d}.{value.month:02d}.{value.day:02d}"


def first_day(value: date) -> date:
    """The earliest day ``value`` may stand for, as a plain date."""
    return date(value.year, value.month, value.day)


def last_day(value: date) -> date:
    """The latest day ``value`` may stand for (the end of its month or year; itself for a full date)."""
    kind = precision_of(value)
    if kind is Precision.YEAR:
        return date(value.year, 12, 31)
    if kind is Precision.MONTH:
        return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return date(value.year, value.month, value.day)


def common(a: date, b: date) -> Precision:
    """The precision both dates have: the coarser of the two."""
    pa, pb = precision_of(a), precision_of(b)
    return pa if _RANK[pa] <= _RANK[pb] else pb


def _key(value: date, precision: Precision) -> tuple[int, ...]:
    if precision is Precision.YEAR:
        return (value.year,)
    if precision is Precision.MONTH:
        return (value.year, value.month)
    return (value.year, value.month, value.day)


def compare(a: date, b: date) -> Literal[-1, 0, 1]:
    """-1, 0 or 1 as ``a`` is before, the same as, or after ``b`` at the precision both have.

    0 means "not known to differ": 2019年03月 and 2019-03-08 compare 0.
    """
    kind = common(a, b)
    ka, kb = _key(a, kind), _key(b, kind)
    return -1 if ka < kb else (1 if ka > kb else 0)


# The relations below say what is CERTAIN from what is known: each holds only when it holds for every
# pair of days the two values may stand for. A check reports a problem only when it is certain.


def before(a: date, b: date) -> bool:
    """``a`` is certainly earlier than ``b`` (2019年03月 is not before 2019-03-08; 2019年02月 is)."""
    return last_day(a) < first_day(b)


def after(a: date, b: date) -> bool:
    """``a`` is certainly later than ``b``."""
    return first_day(a) > last_day(b)


def same_or_before(a: date, b: date) -> bool:
    """``a`` is certainly not later than ``b`` (2019-03-01 is same-or-before 2019年03月)."""
    return last_day(a) <= first_day(b)


def same_or_after(a: date, b: date) -> bool:
    """``a`` is certainly not earlier than ``b``."""
    return first_day(a) >= last_day(b)


def agrees(partial: date, full: date) -> bool:
    """True when ``full`` lies within what ``partial`` says (the same month or year; the same day)."""
    return compare(partial, full) == 0


def full_years(since: date, today: date) -> int:
    """Whole years from ``since`` to ``today`` (ages, 党龄); negative when ``since`` lies ahead.

    A month or a year is held as its first day, so from 2019年03月 a year is complete on 1 March of the
    next year and from 1972年 on 1 January: the way offices count when only that much is known.
    """
    first = first_day(since)
    return today.year - first.year - ((today.month, today.day) < (first.month, first.day))


# ---------------------------------------------------------------- reading text

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63"), "-")
_DAY_FORMS = (
    re.compile(r"(?P<y>\d{4})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
               r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
)
_MONTH_FORMS = (
    re.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月?"),
    # 200503: the year and month run together, as many 组织部门 forms print them (a six-digit 年月日 with a
    # two-digit year, 050312, never starts 19 or 20 before a month and is refused below).
    re.compile(r"(?P<y>(?:19|20)\d{2})(?P<m>\d{2})"),
)
_YEAR_FORM = re.compile(r"(?P<y>\d{4})\s*年?")
_SHORT_YEAR = re.compile(r"\d{2}([-/.])\d{1,2}\1\d{1,2}|\d{2}年\d{1,2}月(\d{1,2}[日号]?)?|\d{6}|\d{2}年")
_DAY_FORMATS = "2021-07-01、2021/7/1、2021.7.1、2021年7月1日 或 20210701"
_ALL_FORMATS = f"{_DAY_FORMATS}；只知道年月或年份的，写成 2019.3、2019年3月、201903 或 1972年"


def clean(value: str) -> str:
    """``value`` with full-width digits and signs folded (NFKC), invisible characters dropped, trimmed."""
    return unicodedata.normalize("NFKC", value).translate(_INVISIBLE).translate(_DASHES).strip()


def parse_text(value: str, *, field: str = "日期", partial: bool = True) -> date:
    """Read a date typed or written as text; a ``PartialDate`` for a month or a year when ``partial``.

    Codes: ``required``, ``date_format`` (not a date shape, or a two-digit year), ``date_no_day`` (a
    month or year where the field needs the day), ``date_invalid`` (no such month or day, a year
    outside 1900–2099).
    """
    s = clean(value)
    if not s:
        raise _error(field, f"{field}不能为空", "required")
    for pattern in _DAY_FORMS:
        m = pattern.fullmatch(s)
        if m:
            return _checked(int(m["y"]), int(m["m"]), int(m["d"]), s, field)
    for pattern in _MONTH_FORMS:
        m = pattern.fullmatch(s)
        if m:
            found = _checked(int(m["y"]), int(m["m"]), None, s, field)
            return _partial_or_refuse(found, Precision.MONTH, s, field, partial)
    m = _YEAR_FORM.fullmatch(s)
    if m:
        found = _checked(int(m["y"]), None, None, s, field)
        return _partial_or_refuse(found, Precision.YEAR, s, field, partial)
    rule = "年份必须写满 4 位" if _SHORT_YEAR.fullmatch(s) else f"请写成 {_ALL_FORMATS if partial else _DAY_FORMATS}"
    raise _error(field, f"{field}“{s}”无法识别为日期：{rule}", "date_format")


def parse_number(value: float, *, field: str = "日期") -> date | None:
    """A spreadsheet number that is a month or a year as typed: ``2019.3``/``1972.11`` or ``1972``.

    Excel keeps ``2019.3`` typed into a General cell as the number 2019.3 (and ``2019.10`` as 2019.1,
    which reads back as January, the way Excel shows it). None when the number is neither shape.
    """
    if not 1900 <= value < 2100:
        return None
    year = int(value)
    if value == year:
        return PartialDate(year, 1, 1, Precision.YEAR)  # type: ignore[no-any-return]
    two = f"{value:.2f}"
    fraction = two[-2:]
    # 2019.3 is stored as 2019.3 ("30"): one digit typed; 2019.03 and 2019.11 keep both digits.
    month = int(fraction[0]) if fraction[1] == "0" else int(fraction)
    if abs(float(two) - value) > 1e-9 or not 1 <= month <= 12:
        raise _error(field, f"{field}“{value:g}”不是存在的年月：月份应为 1–12", "date_invalid")
    return PartialDate(year, month, 1, Precision.MONTH)  # type: ignore[no-any-return]


def _partial_or_refuse(found: date, kind: Precision, s: str, field: str, partial: bool) -> date:
    if partial:
        return make(found, kind)
    rule = "缺少“日”，请填写完整的年、月、日" if kind is Precision.MONTH else "只有年份，请填写完整的年、月、日"
    raise _error(field, f"{field}“{s}”{rule}", "date_no_day")


def _checked(year: int, month: int | None, day: int | None, s: str, field: str) -> date:
    if not 1900 <= year <= 2099:
        raise _error(field, f"{field}“{s}”的年份超出 1900–2099 的范围", "date_invalid")
    if month is not None and not 1 <= month <= 12:
        raise _error(field, f"{field}“{s}”不存在：没有 {month} 月", "date_invalid")
    if day is not None and month is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise _error(field, f"{field}“{s}”不存在：{year}年{month}月只有 {days} 天", "date_invalid")
    return date(year, month or 1, day or 1)


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError(message, field=field, code=code)
