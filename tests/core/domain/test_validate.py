"""Tests for phone, name and date normalisation and the member-record cross-checks."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.domain.idnumber import parse_id_number
from partydesk.core.domain.validate import (
    Issue,
    check_id_against_record,
    check_member_dates,
    excel_serial_to_date,
    normalize_name,
    normalize_phone,
    parse_date,
)
from partydesk.core.errors import ValidationError

TODAY = date(2024, 6, 1)


def error_code(func: object, *args: object, **kwargs: object) -> str:
    assert callable(func)
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    return info.value.code


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "008613812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "138—1234—5678",
    ],
)
def test_mobile_variants_normalise_to_eleven_digits(raw: str) -> None:
    """Country prefixes, spaces, dashes of any width and full-width digits are removed from mobiles."""
    assert normalize_phone(raw) == "13812345678"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010)12345678", "010-12345678"),
        ("（0755）1234567", "0755-1234567"),
        ("0755 12345678", "0755-12345678"),
        ("021-12345678-801", "021-12345678-801"),
        ("0571-87654321转123", "0571-87654321-123"),
        ("+86 10 12345678", "010-12345678"),
    ],
)
def test_landline_variants_normalise_to_area_dash_number(raw: str, expected: str) -> None:
    """Landlines are stored as area code, dash, local number and optional extension."""
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "1381234567",
        "12812345678",
        "138123456789",
        "12345",
        "phone",
        "010-123456",
        "0755-123456789",
        "010-12345678-1234567",
    ],
)
def test_malformed_phones_are_rejected(raw: str) -> None:
    """Anything that is neither a mobile nor a landline is phone_format."""
    assert error_code(normalize_phone, raw) == "phone_format"


def test_blank_phone_is_required() -> None:
    """An empty phone is required, naming the field."""
    with pytest.raises(ValidationError) as info:
        normalize_phone(" ")
    assert (info.value.code, info.value.field) == ("required", "联系电话")


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  张三 ", "张三"),
        ("张  三", "张三"),
        ("张\u3000三", "张三"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("阿依古丽．买买提", "阿依古丽·买买提"),
        ("阿依古丽‧买买提", "阿依古丽·买买提"),
        ("阿依古丽.买买提", "阿依古丽·买买提"),
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("Anna  Li", "Anna Li"),
    ],
)
def test_names_are_trimmed_and_middle_dots_unified(raw: str, expected: str) -> None:
    """Padding spaces go, Latin words keep one space, and every middle-dot variant becomes U+00B7."""
    assert normalize_name(raw) == expected


def test_name_outside_the_bmp_is_kept() -> None:
    """Rare characters beyond U+FFFF (生僻字) survive unchanged."""
    assert normalize_name("王𠀾") == "王𠀾"


def test_name_uses_nfc_not_nfkc() -> None:
    """Names are composed (NFC) but compatibility forms NFKC would fold, such as full-width letters, stay."""
    assert normalize_name("e\u0301mile") == "\u00e9mile"
    assert normalize_name("\uff21\uff4e\uff4e\uff41") == "\uff21\uff4e\uff4e\uff41"
    assert normalize_name("\ufa11田") == "\ufa11田"  # 﨑 is a unified ideograph in the compatibility block


def test_kangxi_radical_from_a_pdf_becomes_the_ordinary_ideograph() -> None:
    """A Kangxi radical (⼈, U+2F08) pasted from a PDF is stored as the ideograph it looks like (人)."""
    assert normalize_name("李\u2f08") == "李人"


@pytest.mark.parametrize("raw", ["张3", "张三(已故)", "Tom_Lee", "张三!", "·张三", "张三·"])
def test_names_with_digits_or_punctuation_are_rejected(raw: str) -> None:
    """Digits, ASCII punctuation and a dot at either end are name_chars."""
    assert error_code(normalize_name, raw) == "name_chars"


def test_blank_name_is_required() -> None:
    """A name of only spaces and invisible characters is required."""
    assert error_code(normalize_name, " \u200b ") == "required"


@given(st.text(alphabet=st.sampled_from("张王李阿依古丽买𠀾· •・ ．"), min_size=1, max_size=12))
def test_name_normalisation_is_idempotent(raw: str) -> None:
    """Normalising a normalised name changes nothing."""
    try:
        once = normalize_name(raw)
    except ValidationError:
        return
    assert normalize_name(once) == once


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value",
    [
        "2021-07-01",
        "2021/7/1",
        "2021.7.1",
        "2021年7月1日",
        "2021年07月01日",
        "20210701",
        " 2021-7-1 ",
        "２０２１－０７－０１",
        "2021-07-01 00:00:00",
        20210701,
        date(2021, 7, 1),
        datetime(2021, 7, 1, 15, 30),
    ],
)
def test_accepted_date_forms_all_give_the_same_date(value: object) -> None:
    """Every accepted spelling of 1 July 2021 parses to date(2021, 7, 1)."""
    assert parse_date(value) == date(2021, 7, 1)


@pytest.mark.parametrize("value", ["21-7-1", "21/07/01", "210701", "21年7月1日"])
def test_two_digit_years_are_rejected(value: str) -> None:
    """A two-digit year is never guessed: date_format, and the message says so."""
    with pytest.raises(ValidationError) as info:
        parse_date(value, field="入党日期")
    assert info.value.code == "date_format"
    assert "4 位" in info.value.message
    assert value in info.value.message and "入党日期" in info.value.message


@pytest.mark.parametrize("value", ["2021-07", "2021年7月", "July 1", "2021-7/1", "", 44378, 3.5, True])
def test_incomplete_or_unrecognised_dates_are_rejected(value: object) -> None:
    """Where the day is needed, month-only dates, mixed separators, prose and bare numbers are refused."""
    assert error_code(parse_date, value) in {"date_format", "date_no_day", "required"}


@pytest.mark.parametrize("value", ["2021-02-29", "2021-13-01", "2021年4月31日", "20210230", "1899-12-31", "3021-01-01"])
def test_impossible_dates_are_rejected(value: str) -> None:
    """Dates that do not exist, or whose year is a typo outside 1900–2099, are date_invalid."""
    assert error_code(parse_date, value) == "date_invalid"


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (44378, date(2021, 7, 1)),
        (44378.75, date(2021, 7, 1)),
    ],
)
def test_excel_1900_serials(serial: float, expected: date) -> None:
    """1900 system: serials before and after the fake 29 February map to the right days; time is ignored."""
    assert excel_serial_to_date(serial) == expected


def test_excel_fake_leap_day_is_rejected() -> None:
    """Serial 60 is Excel's nonexistent 1900-02-29: date_invalid."""
    assert error_code(excel_serial_to_date, 60) == "date_invalid"


def test_excel_1904_system_is_shifted_by_1462_days() -> None:
    """1904 system: serial 0 is 1904-01-01 and a serial plus 1462 is the same day in the 1900 system."""
    assert excel_serial_to_date(0, date1904=True) == date(1904, 1, 1)
    assert excel_serial_to_date(44378 - 1462, date1904=True) == date(2021, 7, 1)


@pytest.mark.parametrize("serial", [0, -5, float("nan"), float("inf"), 1e12])
def test_excel_serials_out_of_range_are_rejected(serial: float) -> None:
    """Zero, negative, non-finite and huge serials are refused."""
    assert error_code(excel_serial_to_date, serial) in {"date_invalid", "date_format"}


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 12, 31)))
def test_excel_1900_and_1904_systems_agree(day: date) -> None:
    """For any date from March 1900, the 1900 serial and the 1904 serial (minus 1462) give that date."""
    serial = (day - date(1899, 12, 30)).days
    assert excel_serial_to_date(serial) == day
    if serial >= 1462:
        assert excel_serial_to_date(serial - 1462, date1904=True) == day


# ---------------------------------------------------------------- member cross-checks


def issues(**overrides: object) -> set[tuple[str, str]]:
    record: dict[str, object] = {
        "birth_date": date(1990, 5, 1),
        "joined_on": date(2015, 7, 1),
        "confirmed_on": date(2016, 7, 1),
        "category": "正式党员",
        "today": TODAY,
    }
    record.update(overrides)
    return {(i.code, i.severity) for i in check_member_dates(**record)}  # type: ignore[arg-type]


def test_consistent_record_has_no_issues() -> None:
    """Adult at joining, confirmed one year later, 正式党员: no issues."""
    assert issues() == set()


def test_joining_under_18_is_an_error() -> None:
    """Joining the day before the 18th birthday is an error; on the birthday it is fine."""
    assert ("join_age", "warning") in issues(joined_on=date(2008, 4, 30), confirmed_on=date(2009, 4, 30))
    assert issues(joined_on=date(2008, 5, 1), confirmed_on=date(2009, 5, 1)) == set()


def test_leap_day_birth_turns_18_on_1_march() -> None:
    """Someone born on 29 February may join on 1 March of their 18th year, not on 28 February."""
    born = date(2004, 2, 29)
    assert ("join_age", "warning") in issues(
        birth_date=born, joined_on=date(2022, 2, 28), confirmed_on=None, category="预备党员", today=date(2022, 6, 1)
    )
    assert (
        issues(
            birth_date=born, joined_on=date(2022, 3, 1), confirmed_on=None, category="预备党员", today=date(2022, 6, 1)
        )
        == set()
    )


def test_join_age_message_names_the_rule() -> None:
    """The under-age warning says 入党时未满18周岁 on the joined_on (入党日期) field."""
    found = check_member_dates(
        birth_date=date(2000, 1, 1), joined_on=date(2017, 1, 1), confirmed_on=None, category="预备党员", today=TODAY
    )
    assert found == [Issue("joined_on", "join_age", "入党时未满18周岁", "warning")]


def test_future_dates_are_errors() -> None:
    """A 入党 or 转正 date after today is date_future."""
    assert ("date_future", "error") in issues(joined_on=date(2024, 6, 2), confirmed_on=None, category="预备党员")
    assert ("date_future", "error") in issues(confirmed_on=date(2024, 6, 2), joined_on=date(2023, 6, 1))


def test_confirmation_before_joining_is_a_date_order_error() -> None:
    """转正 before 入党 is date_order."""
    assert ("date_order", "error") in issues(confirmed_on=date(2015, 6, 30))


def test_probationary_member_with_confirmation_date_is_an_error() -> None:
    """A 预备党员 has no 转为正式党员日期 yet."""
    assert ("probationary_confirmed", "error") in issues(category="预备党员")


def test_full_member_without_confirmation_date_is_a_warning() -> None:
    """A 正式党员 missing the 转正 date is only a warning (old records often lack it)."""
    assert issues(confirmed_on=None) == {("confirmed_missing", "warning")}


@pytest.mark.parametrize(
    ("confirmed_on", "warned"),
    [
        (date(2016, 5, 31), True),
        (date(2016, 6, 1), False),
        (date(2017, 7, 1), False),
        (date(2017, 8, 1), False),
        (date(2017, 8, 2), True),
    ],
)
def test_probation_outside_11_to_25_months_is_a_warning(confirmed_on: date, warned: bool) -> None:
    """转正 11–25 months after 入党 passes; earlier or later is a probation_length warning."""
    assert (("probation_length", "warning") in issues(confirmed_on=confirmed_on)) is warned


def test_probation_window_comes_from_the_rule_table() -> None:
    """The month bounds are parameters, so a locality's rule table can change them."""
    assert issues(confirmed_on=date(2016, 7, 1), probation_min_months=13) == {("probation_length", "warning")}


def test_unknown_category_is_an_error() -> None:
    """A 人员类别 outside the table is code_unknown."""
    assert ("code_unknown", "error") in issues(category="积极分子")


def test_record_matching_its_id_has_no_warnings() -> None:
    """Birth date and gender that agree with the ID produce nothing."""
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert check_id_against_record(info, birth_date=date(1949, 12, 31), gender="女") == []
    assert check_id_against_record(info, birth_date=None, gender="2") == []


def test_mismatched_birth_date_and_gender_are_warnings() -> None:
    """A different birth date or gender than the ID encodes gives warnings, not errors."""
    info = parse_id_number("11010519491231002X", today=TODAY)
    found = check_id_against_record(info, birth_date=date(1950, 1, 1), gender="男")
    assert {(i.field, i.code, i.severity) for i in found} == {
        ("birth_date", "id_birth_mismatch", "warning"),
        ("gender", "id_gender_mismatch", "warning"),
    }


def test_unstated_gender_is_not_compared() -> None:
    """未说明 (GB/T 2261.1 code 9) cannot contradict the ID."""
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert check_id_against_record(info, birth_date=None, gender="9") == []


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_a_bare_mobile_normalises_as_the_same_number_typed_with_spaces_does(digits: str) -> None:
    """The shortcut for an already bare 11-digit number agrees with the full path (or both refuse)."""
    spaced = f" {digits[:3]} {digits[3:7]} {digits[7:]} "
    outcomes = []
    mixed = digits[:2] + "".join(chr(ord(ch) + 0xFEE0) for ch in digits[2:])  # full-width after two ASCII digits
    for text in (digits, spaced, mixed):
        try:
            outcomes.append(normalize_phone(text))
        except ValidationError as exc:
            outcomes.append(exc.code)
    assert outcomes[0] == outcomes[1] == outcomes[2]
