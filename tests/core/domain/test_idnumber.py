"""Tests for citizen ID parsing (GB 11643), the other ID types and display masking."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.domain.idnumber import (
    IdInfo,
    check_char,
    downgrade_18_to_15,
    mask_id_number,
    mask_phone,
    normalize_id_number,
    parse_id_number,
    plainly_valid_resident_id,
    plainly_valid_resident_ids,
    upgrade_15_to_18,
)
from partydesk.core.errors import ValidationError

TODAY = date(2024, 6, 1)
CANONICAL = "11010519491231002X"

digits = st.text(alphabet="0123456789", min_size=17, max_size=17)


@st.composite
def realistic_ids(draw: st.DrawFn) -> str:
    """Valid 18-character resident IDs with a real birth date between 1900 and TODAY."""
    region = draw(st.sampled_from(["110105", "440305", "510104", "650102", "632123"]))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    seq = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def rejection_code(text: str, id_type: str = "居民身份证") -> str:
    with pytest.raises(ValidationError) as info:
        parse_id_number(text, id_type, today=TODAY)
    assert info.value.field == "公民身份号码"
    return info.value.code


def test_canonical_example_is_valid_and_decoded() -> None:
    """The GB 11643 example 11010519491231002X validates: born 1949-12-31, female, region 110105."""
    assert parse_id_number(CANONICAL, today=TODAY) == IdInfo(
        number=CANONICAL, birth_date=date(1949, 12, 31), gender="女", region_code="110105"
    )


def test_check_char_of_canonical_example_is_x() -> None:
    """The check character of 11010519491231002 is X (remainder 2)."""
    assert check_char(CANONICAL[:17]) == "X"


def test_odd_sequence_digit_means_male() -> None:
    """An odd 17th digit is 男."""
    first17 = "11010519491231001"
    assert parse_id_number(first17 + check_char(first17), today=TODAY).gender == "男"


def test_fifteen_digit_number_is_upgraded() -> None:
    """110105491231002 upgrades to 11010519491231002X and parses as that number."""
    assert upgrade_15_to_18("110105491231002") == CANONICAL
    info = parse_id_number("110105491231002", today=TODAY)
    assert info.number == CANONICAL
    assert info.upgraded_from_15


def test_downgrade_drops_century_and_check_char() -> None:
    """downgrade_18_to_15 is the inverse of the upgrade for 19xx births."""
    assert downgrade_18_to_15(CANONICAL) == "110105491231002"


def test_downgrade_refuses_births_after_1999() -> None:
    """Numbers of people born in 20xx never had a 15-digit form."""
    first17 = "11010520010101001"
    with pytest.raises(ValueError):
        downgrade_18_to_15(first17 + check_char(first17))


@given(st.text(alphabet="0123456789", min_size=15, max_size=15))
def test_fifteen_to_eighteen_to_fifteen_round_trips(id15: str) -> None:
    """Upgrading then downgrading any 15-digit string returns it, and the upgrade carries a valid check."""
    id18 = upgrade_15_to_18(id15)
    assert downgrade_18_to_15(id18) == id15
    assert check_char(id18[:17]) == id18[17]


@given(digits, st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_mod11_2_detects_every_single_character_substitution(first17: str, pos: int, new: str) -> None:
    """ISO 7064 MOD 11-2: changing any one character of a valid number makes the check fail."""
    valid = first17 + check_char(first17)
    if pos < 17 and new == "X":
        new = "0"  # only the check position may hold X; a digit substitution is what is being tested
    if new == valid[pos]:
        new = "0123456789X"[("0123456789X".index(new) + 1) % (11 if pos == 17 else 10)]
    changed = valid[:pos] + new + valid[pos + 1 :]
    assert changed != valid
    assert check_char(changed[:17]) != changed[17]


@given(realistic_ids(), st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10))
def test_any_single_substitution_of_a_valid_id_is_rejected(valid: str, pos: int, shift: int) -> None:
    """parse_id_number rejects every one-character change of a valid ID (by date, prefix or checksum)."""
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    new = alphabet[(alphabet.index(valid[pos]) + shift) % len(alphabet)]
    if new == valid[pos]:
        return  # shift of 10 in a 10-symbol alphabet is no change
    with pytest.raises(ValidationError):
        parse_id_number(valid[:pos] + new + valid[pos + 1 :], today=TODAY)


@given(realistic_ids())
def test_generated_valid_ids_parse(valid: str) -> None:
    """Every well-formed ID with a real past birth date parses to itself."""
    assert parse_id_number(valid, today=TODAY).number == valid


@pytest.mark.parametrize(
    "raw",
    [
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits and letter
        "110105 19491231 002x",  # spaces and lower-case x
        "\u00a011010519491231002X\u3000",  # NBSP and ideographic space
        "1101\u200b0519491231002X\ufeff",  # zero-width space and BOM from a web page
        "'11010519491231002X",  # Excel's text marker
    ],
)
def test_normalisation_removes_what_input_methods_and_excel_add(raw: str) -> None:
    """Full-width forms, spaces, invisible characters, lower-case x and a leading ' are normalised."""
    assert normalize_id_number(raw) == CANONICAL
    assert parse_id_number(raw, today=TODAY).number == CANONICAL


def test_empty_number_is_required() -> None:
    """Blank input is rejected with code required."""
    assert rejection_code("  ") == "required"


def test_wrong_length_is_rejected() -> None:
    """Neither 18 nor 15 characters: id_length."""
    assert rejection_code("1101051949123100") == "id_length"


def test_letter_in_number_is_rejected() -> None:
    """A letter other than a final X: id_chars."""
    assert rejection_code("11010519491231002A") == "id_chars"


def test_x_before_last_position_is_rejected() -> None:
    """X is allowed only as the check character: id_chars."""
    assert rejection_code("1101051949123100X2") == "id_chars"


def test_scientific_notation_from_excel_is_rejected_not_repaired() -> None:
    """An ID Excel stored as a number (1.10105E+17) is refused with advice to use a text column."""
    assert rejection_code("1.10105E+17") == "id_excel_number"


def test_numeric_excel_cell_is_rejected_not_repaired() -> None:
    """An int or float handed over from a numeric Excel cell is id_excel_number, never converted."""
    with pytest.raises(ValidationError) as info:
        parse_id_number(110105194912310020, today=TODAY)  # type: ignore[arg-type]
    assert info.value.code == "id_excel_number"
    assert "文本" in info.value.message


def test_impossible_birth_date_is_rejected() -> None:
    """19490230 is not a date: id_birthdate."""
    first17 = "11010519490230002"
    assert rejection_code(first17 + check_char(first17)) == "id_birthdate"


def test_birth_date_before_1900_is_rejected() -> None:
    """Birth dates before 1900 are refused as id_birthdate."""
    first17 = "11010518991231002"
    assert rejection_code(first17 + check_char(first17)) == "id_birthdate"


def test_future_birth_date_is_rejected() -> None:
    """A birth date after today: id_future."""
    first17 = "11010520240602002"
    assert rejection_code(first17 + check_char(first17)) == "id_future"


def test_wrong_check_character_names_expected_and_actual() -> None:
    """A bad checksum is id_checksum and the message gives both characters."""
    with pytest.raises(ValidationError) as info:
        parse_id_number("110105194912310025", today=TODAY)
    assert info.value.code == "id_checksum"
    assert info.value.message == ("公民身份号码校验位错误：按前 17 位，最后一位应为 X，填的是 5。"
                                  "多半是有一位数字抄错了，请与身份证逐位核对")


def test_residence_permit_number_under_resident_id_type_is_rejected() -> None:
    """An 81/82/83 number entered as 居民身份证 is id_prefix, pointing to the right type."""
    first17 = "81000019900101123"
    assert rejection_code(first17 + check_char(first17)) == "id_prefix"


def test_residence_permit_uses_the_same_check_and_needs_its_prefix() -> None:
    """港澳台居民居住证: 18 digits with MOD 11-2, prefix 81/82/83; a mainland number is id_prefix."""
    first17 = "83000019900101123"
    info = parse_id_number(first17 + check_char(first17), "港澳台居民居住证", today=TODAY)
    assert (info.region_code, info.birth_date, info.id_type) == ("830000", date(1990, 1, 1), "港澳台居民居住证")
    assert rejection_code(CANONICAL, "港澳台居民居住证") == "id_prefix"


def test_residence_permit_has_no_fifteen_digit_form() -> None:
    """Only resident IDs accept the legacy 15-digit length."""
    assert rejection_code("810000900101123", "港澳台居民居住证") == "id_length"


def test_foreign_permanent_residence_id_is_no_longer_an_id_type() -> None:
    """Members are Chinese nationals: 外国人永久居留身份证 (old code 3) is refused as an ID type."""
    for spelling in ("外国人永久居留身份证", "3"):
        with pytest.raises(ValidationError) as info:
            parse_id_number("USA110079010101", spelling, today=TODAY)
        assert (info.value.field, info.value.code) == ("证件类型", "id_type")


def test_passport_must_be_letters_and_digits() -> None:
    """护照: alphanumeric; punctuation is id_chars, blank is required."""
    assert parse_id_number("E12345678", "护照").number == "E12345678"
    assert rejection_code("E1234-5678", "护照") == "id_chars"
    assert rejection_code("", "护照") == "required"


def test_id_type_accepts_codes_and_short_forms() -> None:
    """The ID type may be given as its code or a short form such as 身份证."""
    assert parse_id_number(CANONICAL, "1", today=TODAY).id_type == "居民身份证"
    assert parse_id_number(CANONICAL, "身份证", today=TODAY).id_type == "居民身份证"


def test_unknown_id_type_is_rejected() -> None:
    """An ID type not in the table is id_type on the 证件类型 field."""
    with pytest.raises(ValidationError) as info:
        parse_id_number(CANONICAL, "军官证")
    assert (info.value.code, info.value.field) == ("id_type", "证件类型")


def test_id_mask_keeps_only_last_four() -> None:
    """IDs show as **************002X: same length, last 4 visible."""
    assert mask_id_number(CANONICAL) == "**************002X"
    assert mask_id_number("E12") == "***"


def test_mobile_mask_keeps_prefix_and_last_four() -> None:
    """Mobiles show as 138****5678, whatever form they were typed in."""
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138-1234-5678") == "138****5678"


def test_landline_mask_keeps_area_code_and_last_four() -> None:
    """Landlines keep the area code and the last 4 digits of the local number; extensions are starred."""
    assert mask_phone("010-12345678") == "010-****5678"
    assert mask_phone("0755-1234567-801") == "0755-***4567-***"


def test_unreadable_phone_is_still_masked() -> None:
    """Masking never raises: text that is not a phone shows only its last 4 characters."""
    assert mask_phone("12345678901234") == "**********1234"


@given(st.text(alphabet="0123456789Xxabc", min_size=1, max_size=20))
def test_plain_ascii_numbers_normalise_as_padded_or_full_width_ones_do(text: str) -> None:
    """The shortcut for plain ASCII numbers gives what the full NFKC path gives for the same number."""
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in text)
    assert normalize_id_number(text) == normalize_id_number(f" {text}\u200b") == normalize_id_number(full_width)


def _parses(text: str) -> bool:
    try:
        parse_id_number(text, "居民身份证", today=TODAY)
    except ValidationError:
        return False
    return True


near_ids = st.one_of(
    realistic_ids(),
    realistic_ids().flatmap(lambda valid: st.tuples(st.just(valid), st.integers(0, 17), st.sampled_from(
        "0123456789Xx８ ")).map(lambda t: t[0][:t[1]] + t[2] + t[0][t[1] + 1:])),
    st.text(alphabet="0123456789X", min_size=17, max_size=19),
    st.sampled_from([*(first17 + check_char(first17) for first17 in (
        "81000019900101001",  # a residence-permit prefix
        "11010520250101001",  # born after TODAY
        "11010518991231002",  # born before 1900
        "11010519490230002",  # 30 February
    )), "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", CANONICAL]),
)


@given(near_ids)
def test_the_quick_yes_for_resident_ids_is_never_wrong(text: str) -> None:
    """``plainly_valid_resident_id`` says yes only where ``parse_id_number`` accepts the number unchanged, for
    valid numbers, numbers one character off, any digit strings and the special cases (HMT prefix, a
    future or pre-1900 or impossible birth date, a lower-case x, full-width digits)."""
    if plainly_valid_resident_id(text, TODAY):
        assert _parses(text) and parse_id_number(text, today=TODAY).number == text
    elif len(text) == 18 and text.isascii() and text == text.upper() and _parses(text):
        raise AssertionError(f"a canonical valid number was not plainly valid: {text}")


@given(realistic_ids())
def test_every_valid_resident_id_gets_the_quick_yes(valid: str) -> None:
    assert plainly_valid_resident_id(valid, TODAY)


@given(st.lists(st.one_of(near_ids, realistic_ids(), st.text(max_size=20), st.none(), st.integers()), max_size=6))
def test_the_quick_yes_for_many_is_the_quick_yes_for_each(numbers: list[object]) -> None:
    """The check of a whole column says yes exactly when every number gets the quick yes on its own (and the
    numbers are text): mixed with valid ones, one bad number, text with a line break or a non-number is enough
    to say no."""
    expected = all(isinstance(n, str) and plainly_valid_resident_id(n, TODAY) for n in numbers)
    assert plainly_valid_resident_ids(numbers, TODAY) == expected


@given(st.lists(realistic_ids(), min_size=2, max_size=5), st.integers(0, 4))
def test_numbers_run_together_are_not_taken_for_two(valid: list[str], at: int) -> None:
    """Two valid numbers in one text, split by a line break, do not pass as two numbers of the column; nor
    does a column with one residence-permit number or one birth date after today among valid ones."""
    joined = [*valid, "\n".join(valid[:2])]
    assert not plainly_valid_resident_ids(joined, TODAY)
    for odd in ("81000019900101001", "11010520250101001"):
        assert not plainly_valid_resident_ids([*valid, odd + check_char(odd)], TODAY)
    assert plainly_valid_resident_ids(valid, TODAY)
    assert plainly_valid_resident_ids(valid[at % len(valid):] + valid[:at % len(valid)], TODAY)
