"""check_member turns raw input into a clean record or names every problem."""

from __future__ import annotations

from datetime import date

from partydesk.core.domain.member import MemberInput, check_member

TODAY = date(2026, 11, 28)
GOOD = MemberInput(name="张三", gender="男", id_number="110105194912310038", category="正式党员",
                   joined_on="1975-07-01", confirmed_on="1976年7月1日", phone="138 1234 5678")


def _codes(raw: MemberInput) -> set[str]:
    return {i.code for i in check_member(raw, today=TODAY).errors}


def test_valid_input_is_normalised_to_codes_and_dates() -> None:
    """Names become codes, text dates become dates, the phone is normalised, birth comes from the ID."""
    result = check_member(GOOD, today=TODAY)
    assert result.errors == []
    data = result.data
    assert data is not None
    assert (data.gender, data.category, data.id_type) == ("1", "1", "1")
    assert data.joined_on == date(1975, 7, 1) and data.confirmed_on == date(1976, 7, 1)
    assert data.birth_date == date(1949, 12, 31)
    assert data.phone == "13812345678"


def test_bad_check_digit_is_an_error_and_no_data_is_returned() -> None:
    """A wrong check digit is refused; the result carries no record to store."""
    result = check_member(MemberInput(**{**GOOD.__dict__, "id_number": "110105194912310032"}), today=TODAY)
    assert result.data is None
    assert [i.code for i in result.errors] == ["id_checksum"]
    assert result.errors[0].field == "id_number"


def test_numeric_id_cell_is_rejected_not_repaired() -> None:
    """An ID that arrives as a number (Excel lost the last digits) is refused with advice."""
    result = check_member(MemberInput(**{**GOOD.__dict__, "id_number": 1.10105194912310e17}), today=TODAY)
    assert result.data is None
    assert result.errors[0].code == "id_excel_number"
    assert "文本" in result.errors[0].message


def test_missing_required_fields_are_each_named() -> None:
    """Name, ID number, category and joining date are required; each gets its own issue, named by key."""
    assert {"required"} <= _codes(MemberInput())
    fields = {i.field for i in check_member(MemberInput(), today=TODAY).errors}
    assert {"name", "id_number", "category", "joined_on"} <= fields


def test_joining_before_eighteen_is_a_warning_the_record_still_saves() -> None:
    """The minimum age is flagged, not refused: members admitted young decades ago must be recordable."""
    raw = MemberInput(**{**GOOD.__dict__, "joined_on": "1967-07-01", "confirmed_on": "1968-07-01"})
    result = check_member(raw, today=TODAY)
    assert result.data is not None
    assert "join_age" in {i.code for i in result.warnings}


def test_birth_date_disagreeing_with_the_id_is_only_a_warning() -> None:
    """The ID and the recorded birth date may differ (records were wrong); warn, do not refuse."""
    result = check_member(MemberInput(**{**GOOD.__dict__, "birth_date": "1950-01-01"}), today=TODAY)
    assert result.data is not None
    [warning] = [i for i in result.warnings if i.code == "id_birth_mismatch"]
    born = GOOD.id_number[6:10] + "年" + GOOD.id_number[10:12] + "月" + GOOD.id_number[12:14] + "日"
    assert "1950年01月01日" in warning.message and born in warning.message  # both dates, to compare


def test_lost_contact_needs_a_date_and_contradictions_are_refused() -> None:
    """失联 needs 失去联系日期; a 失联 date with 是否失联=否 is a contradiction."""
    assert "required" in _codes(MemberInput(**{**GOOD.__dict__, "lost_contact": "是"}))
    assert "flag_conflict" in _codes(MemberInput(**{**GOOD.__dict__, "lost_since": "2024-01-01"}))
    assert "flag_format" in _codes(MemberInput(**{**GOOD.__dict__, "migrant": "也许"}))


def test_migrant_needs_a_destination() -> None:
    """A 流动党员 must have a 外出流向."""
    assert "required" in _codes(MemberInput(**{**GOOD.__dict__, "migrant": "是", "migrant_since": "2025-01-01"}))


def test_middle_dot_variants_in_names_are_unified() -> None:
    """Minority names keep one middle dot whatever the keyboard produced."""
    result = check_member(MemberInput(**{**GOOD.__dict__, "name": "阿依古丽•买买提"}), today=TODAY)
    assert result.data is not None and result.data.name == "阿依古丽·买买提"


def test_a_code_cell_is_judged_by_its_type_too_after_an_equal_value_was_accepted() -> None:
    """1 is a gender code but True is no gender, though True == 1: an earlier answer is not reused."""
    from dataclasses import replace

    assert "code_unknown" not in _codes(replace(GOOD, gender=1))
    assert "code_unknown" in _codes(replace(GOOD, gender=True))
    assert "code_unknown" not in _codes(replace(GOOD, gender=1))


def test_an_unknown_code_is_reported_every_time_it_appears() -> None:
    """A refusal is not remembered away: the second row with the same bad value is refused too."""
    from dataclasses import replace

    bad = replace(GOOD, ethnicity="火星族")
    assert "code_unknown" in _codes(bad)
    assert "code_unknown" in _codes(bad)


def test_an_office_s_own_words_for_the_work_post_are_kept_in_the_notes_not_refused() -> None:
    """工作岗位 written as the office writes it (村会计) is no statistics category: the member is taken, the
    field left to choose, the words added to 备注 after what it holds, and a warning says so."""
    from dataclasses import replace

    result = check_member(replace(GOOD, work_post="村会计", notes="退役军人"), today=TODAY)
    assert result.data is not None
    assert (result.data.work_post, result.data.notes) == ("", "退役军人；工作岗位：村会计")
    assert [(i.field, i.code, i.severity) for i in result.issues if i.field == "work_post"] == [
        ("work_post", "kept_in_notes", "warning")]
    assert "村会计" in result.issues[0].message and "备注" in result.issues[0].message
    assert check_member(replace(GOOD, work_post="农牧渔民"), today=TODAY).data.work_post != ""  # type: ignore[union-attr]
    assert "code_unknown" in _codes(replace(GOOD, ethnicity="火星族"))  # other code fields still refuse


def test_control_characters_are_exactly_unicode_category_cc_except_tab_and_newline() -> None:
    """Every code point of category Cc but tab and newline is refused in a text field; nothing else is."""
    import unicodedata
    from dataclasses import replace

    from partydesk.core.domain.member import _CONTROL

    flagged = {cp for cp in range(0x110000) if _CONTROL.search(chr(cp))}
    assert flagged == {cp for cp in range(0x110000)
                       if unicodedata.category(chr(cp)) == "Cc" and chr(cp) not in "\n\t"}
    assert "control_chars" in _codes(replace(GOOD, work_unit="示范\x7f单位"))
    assert "control_chars" not in _codes(replace(GOOD, work_unit="示范\t单位"))


def test_a_probationary_member_in_a_committee_post_is_a_warning() -> None:
    """预备党员 cannot be elected (党章第七条): a 委员 post is flagged, a 党小组长 is not; the record still saves."""
    probation = {**GOOD.__dict__, "category": "预备党员", "joined_on": "2026-06-01", "confirmed_on": None}
    result = check_member(MemberInput(**{**probation, "party_post": "组织委员"}), today=TODAY)
    assert result.data is not None
    [warning] = [i for i in result.warnings if i.code == "probationary_post"]
    assert warning.field == "party_post"
    assert "预备党员没有被选举权" in warning.message and "不能担任组织委员等支部委员会职务" in warning.message
    group_leader = check_member(MemberInput(**{**probation, "party_post": "党小组长"}), today=TODAY)
    assert "probationary_post" not in {i.code for i in group_leader.warnings}
    full = check_member(MemberInput(**{**GOOD.__dict__, "party_post": "组织委员"}), today=TODAY)
    assert "probationary_post" not in {i.code for i in full.warnings}
