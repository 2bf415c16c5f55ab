"""What a package carries, said as an office counts it."""

from __future__ import annotations

from partydesk.core.services.sync_words import contents_in_words


def test_things_are_named_and_their_details_only_added_up() -> None:
    """40 members with their 80 changes of record and one meeting with 12 attendance rows: the members and the
    meeting are named, the details counted into the total."""
    counts = {"member": 40, "member_event": 80, "meeting": 1, "meeting_attendance": 12}
    assert contents_in_words(counts) == "党员 40 名、会议 1 次，连同明细共 133 条记录"


def test_only_things_no_details() -> None:
    assert contents_in_words({"notice": 1, "study_material": 2}) == "通知 1 份、学习资料 2 份"


def test_only_details_and_nothing() -> None:
    """An attendance corrected alone is a detail; a receipt carries nothing (''), and a zero is no record."""
    assert contents_in_words({"meeting_attendance": 3}).startswith("明细 3 条记录")
    assert contents_in_words({}) == "" and contents_in_words({"member": 0}) == ""


def test_a_branch_having_read_a_notice_is_named_not_counted_as_a_detail() -> None:
    """The only news of a branch's package may be that it opened the committee's notice."""
    assert contents_in_words({"notice_receipt": 1}) == "通知已读或已办理 1 份"
    assert contents_in_words({"member": 2, "notice_receipt": 1}) == "党员 2 名、通知已读或已办理 1 份"


def test_to_a_branch_its_own_kinds_of_record_are_said_as_corrections() -> None:
    """A committee's package to a branch: a member in it is a correction of theirs, not one added."""
    assert contents_in_words({"member": 1, "notice": 1}, corrections=True) == "通知 1 份；更正下级的记录：党员 1 名"
    assert contents_in_words({"member": 2, "member_event": 1}, corrections=True) == (
        "更正下级的记录：党员 2 名，连同明细共 3 条记录")
    files = {"notice": 1, "notice_attachment": 2}
    assert contents_in_words(files, corrections=True) == "通知 1 份，连同明细共 3 条记录"
