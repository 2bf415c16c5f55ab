"""Withdrawing a notice (撤回): the committee's list marks it with the reason on top of its text, the next
downward package carries that to the branches it went to, where it is marked 已撤回, no longer unread and
no longer a to-do (a branch no package had carried it to never gets it); a branch cannot withdraw what it
received, and nothing is withdrawn twice or without a reason."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks.notices import unread_notices_with_deadline
from partydesk.core.domain.notices import NoticeRow
from partydesk.core.errors import ValidationError
from partydesk.core.services import notices
from tests.core.exchange.test_notices import EAST, WEST, Tree, notice, send_down, tree  # noqa: F401

TODAY = date(2026, 11, 30)


def by_title(rows: list[NoticeRow]) -> dict[str, NoticeRow]:
    return {n.data.title: n for n in rows}


def test_a_withdrawn_notice_reaches_the_branches_marked_with_its_reason(tree: Tree) -> None:  # noqa: F811
    wrong = notice(tree.committee, "关于报送材料的通知", deadline=date(2026, 12, 10))
    notice(tree.committee, "关于开展主题党日活动的通知")
    send_down(tree, tree.east, EAST)
    assert [f.code for f in unread_notices_with_deadline(tree.east, TODAY)] == ["notice.unread"]
    notices.withdraw_notice(tree.committee, LOCAL_USER, wrong, reason="截止日期写错，另行通知", today=TODAY)
    mine = by_title(notices.list_notices(tree.committee))
    assert mine["关于报送材料的通知"].withdrawn and not mine["关于开展主题党日活动的通知"].withdrawn
    note = "【本通知已于 2026-11-30 撤回。原因：截止日期写错，另行通知】"
    assert mine["关于报送材料的通知"].data.body.startswith(note)
    send_down(tree, tree.east, EAST)
    send_down(tree, tree.west, WEST)  # the west branch never had it: it gets nothing of it
    got = by_title(notices.list_notices(tree.east))["关于报送材料的通知"]
    assert got.received and got.withdrawn and not got.unread
    assert "截止日期写错" in got.data.body
    assert list(by_title(notices.list_notices(tree.west))) == ["关于开展主题党日活动的通知"]
    assert list(unread_notices_with_deadline(tree.east, TODAY)) == []


def test_only_the_writer_withdraws_once_with_a_reason(tree: Tree) -> None:  # noqa: F811
    sent = notice(tree.committee, "关于开展主题党日活动的通知")
    send_down(tree, tree.east, EAST)
    with pytest.raises(ValidationError) as empty:
        notices.withdraw_notice(tree.committee, LOCAL_USER, sent, reason="  ", today=TODAY)
    assert empty.value.code == "required"
    with pytest.raises(ValidationError) as not_owner:
        notices.withdraw_notice(tree.east, LOCAL_USER, sent, reason="不想办", today=TODAY)
    assert not_owner.value.code == "not_owner"
    assert not by_title(notices.list_notices(tree.east))["关于开展主题党日活动的通知"].withdrawn
    notices.withdraw_notice(tree.committee, LOCAL_USER, sent, reason="重复下发", today=TODAY)
    with pytest.raises(ValidationError) as twice:
        notices.withdraw_notice(tree.committee, LOCAL_USER, sent, reason="再撤一次", today=TODAY)
    assert twice.value.code == "withdrawn"
    with pytest.raises(ValidationError) as missing:
        notices.withdraw_notice(tree.committee, LOCAL_USER, "no-such-id", reason="x", today=TODAY)
    assert missing.value.code == "unknown_notice"


def test_a_notice_withdrawn_before_it_went_never_goes_in_any_later_package(tree: Tree) -> None:  # noqa: F811
    """Withdrawn before any package to the west branch was written: neither that package nor one written after it,
    before the branch's receipt came back, carries it."""
    from partydesk.core.services.sync_export import export_package
    from partydesk.core.services.sync_import import import_package

    wrong = notice(tree.committee, "错发通知", to=[WEST])
    notices.withdraw_notice(tree.committee, LOCAL_USER, wrong, reason="发错了", today=TODAY)
    notice(tree.committee, "其他通知一", to=[WEST])
    first = export_package(tree.committee, LOCAL_USER, to_org_code=WEST, out_dir=tree.stick).path
    notice(tree.committee, "其他通知二", to=[WEST])
    second = export_package(tree.committee, LOCAL_USER, to_org_code=WEST, out_dir=tree.stick).path  # no receipt yet
    for package in (first, second):
        assert import_package(tree.west, LOCAL_USER, package).status == "applied"
    assert sorted(by_title(notices.list_notices(tree.west))) == ["其他通知一", "其他通知二"]
