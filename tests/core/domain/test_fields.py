"""The field registry is the one list of member fields: every other list must agree with it."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.domain import fields, masking, member
from partydesk.core.domain.member import MemberData, MemberInput, check_member
from partydesk.core.domain.member_events import DerivedState
from partydesk.core.domain.roster import RosterRow
from partydesk.core.io.roster_headers import guess_mapping, match_header, normalize_header
from partydesk.core.services.members import PERSONAL_FIELDS
from partydesk.core.storage import member_repo

TODAY = date(2026, 6, 1)
# RosterRow and DerivedState carry bookkeeping beside the member's fields.
ROSTER_EXTRAS = {"id", "pinyin", "in_branch", "org_id"}
STATE_EXTRAS = {"in_branch", "left_reason", "left_on"}


def test_member_input_has_exactly_the_registry_fields_in_order() -> None:
    """MemberInput lists every registry field, in registry order, and nothing else."""
    assert tuple(f.name for f in dataclass_fields(MemberInput)) == fields.KEYS


def test_member_data_has_exactly_the_registry_fields() -> None:
    """MemberData (ordered for its defaults) holds the same set of fields as the registry."""
    assert sorted(f.name for f in dataclass_fields(MemberData)) == sorted(fields.KEYS)


def test_roster_row_has_the_registry_fields_plus_its_bookkeeping() -> None:
    """A RosterRow is the registry's fields plus id, pinyin, in_branch and the organisation whose roll it is on."""
    assert sorted(set(RosterRow._fields) - ROSTER_EXTRAS) == sorted(fields.KEYS)
    assert len(RosterRow._fields) == len(fields.KEYS) + len(ROSTER_EXTRAS)


def test_derived_state_holds_exactly_the_fields_marked_derived() -> None:
    """The event-decided part of a member is what the registry marks ``derived`` (plus in_branch)."""
    assert {f.name for f in dataclass_fields(DerivedState)} - STATE_EXTRAS == fields.derived_keys()


def test_type_sets_come_from_the_registry() -> None:
    """Code, date and flag fields in the checker are the registry's, with the right code tables."""
    assert set(member.CODED) == set(fields.keys_of(fields.FieldType.CODE))
    assert all(member.CODED[k] is fields.field(k).table for k in member.CODED)
    assert set(member.DATES) == set(fields.keys_of(fields.FieldType.DATE))
    assert set(member.FLAGS) == set(fields.keys_of(fields.FieldType.FLAG))
    assert set(member.TEXTS) | {"name", "id_number", "phone"} == set(fields.keys_of(fields.FieldType.TEXT))
    assert all(f.table is not None for f in fields.FIELDS if f.type is fields.FieldType.CODE)


def test_masked_fields_are_the_registry_masked_fields() -> None:
    """The masking policy hides exactly the fields the registry marks masked, and those it does hide."""
    assert set(masking.MASKERS) == fields.masked_keys() == {"id_number", "phone"}
    assert all(masking.is_masked_field(k) == fields.field(k).masked for k in fields.KEYS)
    assert masking.shown("phone", "13812345678", masking.Masking.MASKED) != "13812345678"


def test_a_deleted_member_keeps_no_registry_field() -> None:
    """The tombstone wipe list covers every personal field, each with the empty value of its type."""
    assert {k for k in PERSONAL_FIELDS if fields.is_field(k)} == {f.key for f in fields.FIELDS if f.personal}
    assert PERSONAL_FIELDS["birth_date"] is None and PERSONAL_FIELDS["migrant"] is False
    assert PERSONAL_FIELDS["name"] == "" and PERSONAL_FIELDS["name_pinyin"] == ""
    assert set(PERSONAL_FIELDS) <= member_repo.WRITABLE


def test_every_header_synonym_and_label_finds_its_own_field() -> None:
    """Each field's spellings, its Chinese item name and its short header map back to that field alone."""
    for f in fields.FIELDS:
        assert f.synonyms, f.key
        for spelling in (*f.synonyms, f.zh, f.zh_short or f.zh):
            assert match_header(spelling) == f.key, spelling
    assert fields.header_synonyms() == {f.key: f.synonyms for f in fields.FIELDS}


def test_export_headers_read_back_as_the_same_fields() -> None:
    """A workbook headed with the registry's short labels in export order maps column i to field i."""
    headers = [fields.label(k, short=True) for k in fields.export_order()]
    assert guess_mapping(headers) == dict(enumerate(fields.export_order()))


def test_labels_and_lookups() -> None:
    """label() gives the Chinese item name, its short form or the English name; unknown keys fail loudly."""
    assert fields.label("confirmed_on") == "转为正式党员日期"
    assert fields.label("confirmed_on", short=True) == "转正日期"
    assert fields.label("name", short=True) == "姓名"
    assert fields.label("id_number", "en") == "ID number"
    assert fields.key_of_label("公民身份号码") == "id_number" and fields.key_of_label("无此项") is None
    assert len({f.zh for f in fields.FIELDS}) == len(fields.FIELDS)
    assert len({normalize_header(f.zh) for f in fields.FIELDS}) == len(fields.FIELDS)
    with pytest.raises(KeyError):
        fields.field("nickname")


def test_required_fields_are_the_ones_a_blank_record_is_refused_for() -> None:
    """check_member on an empty record reports ``required`` on exactly the fields marked required."""
    found = {i.field for i in check_member(MemberInput(), today=TODAY).errors if i.code == "required"}
    assert found == {f.key for f in fields.FIELDS if f.required}


_ANY_VALUE = st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["男", "2021-07-01", "是", "否", "1", "×"]),
                       st.dates(date(1900, 1, 1), date(2030, 1, 1)), st.booleans())


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({k: _ANY_VALUE for k in fields.KEYS}))
def test_issues_name_fields_by_key_never_by_label(values: dict[str, object]) -> None:
    """Whatever a record holds, every issue's ``field`` is a registry key (labels are for display only)."""
    result = check_member(MemberInput(**values), today=TODAY)  # type: ignore[arg-type]
    assert {i.field for i in result.issues} <= set(fields.KEYS)
