"""The conflict queue: both versions shown field by field; keeping the local one leaves the row, taking the
incoming one writes the owner's version; a conflict is decided once."""

from __future__ import annotations

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import ValidationError
from partydesk.core.services import members
from partydesk.core.services.sync_conflicts import open_conflicts, resolve
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member
from tests.core.exchange.conftest import Sites


def conflicted(sites: Sites) -> str:
    """A member corrected by the committee and edited by the branch. The branch's new values are ones the demo
    never gives (it draws 籍贯 from six cities, 山东济南 among them): with one of those, a member that already
    had it would show no difference, and which member comes first by id is a matter of chance."""
    member_id = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[0]
    import_package(sites.committee, LOCAL_USER,
                   export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).phone = "13900000000"  # type: ignore[union-attr]
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = "幸福南路9号"  # type: ignore[union-attr]
        session.get(Member, member_id).native_place = "黑龙江哈尔滨"  # type: ignore[union-attr]
        session.get(Member, member_id).education = "81"  # type: ignore[union-attr]
    report = import_package(sites.committee, LOCAL_USER,
                            export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    assert report.counts["conflict"] == 1
    return member_id


def test_both_versions_are_shown_field_by_field(sites: Sites) -> None:
    """The comparison names the fields that differ, with the local and the incoming value."""
    conflicted(sites)
    [view] = open_conflicts(sites.committee)
    fields = {d.label: (d.local, d.incoming) for d in view.differences}
    assert fields["家庭住址"][1] == "幸福南路9号"
    assert fields["联系电话"][0] == "13900000000"
    assert fields["籍贯"][1] == "黑龙江哈尔滨"  # every member field by its Chinese name, codes by theirs
    assert fields["学历"][1] == "小学"
    assert view.reason == "双方都改过这条记录：对方修改时，还没有收到本地的改动"  # not "before": times may say after
    with sites.committee.read() as session:  # and whose member it is: a committee holds many branches
        branch = session.get(Member, view.record_id).org_id  # type: ignore[union-attr]
    assert view.title.endswith("（幸福社区第一支部）") and branch  # short, as the 支部 columns write it
    assert view.provenance.startswith("收到的版本：“中共示范街道幸福社区第一支部委员会”于 20")  # not 上级更正


@pytest.mark.parametrize("take_incoming", [False, True])
def test_a_decision_closes_the_conflict_once(sites: Sites, take_incoming: bool) -> None:
    """Keep local: the correction stays. Take incoming: the owner's address arrives. Twice: refused."""
    member_id = conflicted(sites)
    [view] = open_conflicts(sites.committee)
    resolve(sites.committee, LOCAL_USER, view.id, take_incoming=take_incoming)
    assert open_conflicts(sites.committee) == []
    with sites.committee.read() as session:
        row = session.get(Member, member_id)
        assert row is not None
        assert (row.address == "幸福南路9号") is take_incoming
        assert (row.phone == "13900000000") is not take_incoming
    with pytest.raises(ValidationError):
        resolve(sites.committee, LOCAL_USER, view.id, take_incoming=take_incoming)


def test_the_same_version_sent_again_waits_once(sites: Sites) -> None:
    """A receipt lost on the way back: the branch sends the same change again; the queue keeps one entry."""
    conflicted(sites)
    again = import_package(sites.committee, LOCAL_USER,
                           export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    assert again.status == "applied" and again.counts["conflict"] == 1
    assert len(open_conflicts(sites.committee)) == 1


def test_keeping_ones_own_version_on_both_sides_never_leaves_them_silently_apart(sites: Sites) -> None:
    """The committee corrects a member's 籍贯 while the branch changes it otherwise; each keeps its own when
    asked. Keeping is a new version that travels (SYNC.md): after the next packages either both hold the
    same value or a conflict waits for a person on one side — never two values and nothing said."""
    member_id = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[0]

    def exchange(sender: Database, to: str, receiver: Database) -> None:
        """One trip of the stick; an office with nothing to send (its change taken over) sends nothing."""
        try:
            sent = export_package(sender, LOCAL_USER, to_org_code=to, out_dir=sites.stick)
        except ValidationError as exc:
            assert exc.code == "nothing"
            return
        import_package(receiver, LOCAL_USER, sent.path)

    def place(db: Database) -> str:
        with db.read() as session:
            return str(session.get(Member, member_id).native_place)  # type: ignore[union-attr]

    exchange(sites.branch, "1000", sites.committee)
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).native_place = "浙江宁波"  # type: ignore[union-attr]
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).native_place = "黑龙江哈尔滨"  # type: ignore[union-attr]
    exchange(sites.committee, "3301060012", sites.branch)
    for view in open_conflicts(sites.branch):
        resolve(sites.branch, LOCAL_USER, view.id, take_incoming=False)
    exchange(sites.branch, "1000", sites.committee)
    for view in open_conflicts(sites.committee):
        resolve(sites.committee, LOCAL_USER, view.id, take_incoming=False)
    exchange(sites.committee, "3301060012", sites.branch)
    exchange(sites.branch, "1000", sites.committee)
    waiting = open_conflicts(sites.branch) + open_conflicts(sites.committee)
    assert place(sites.branch) == place(sites.committee) or [v.record_id for v in waiting] == [member_id]


def test_a_newer_version_of_the_same_record_takes_the_place_of_the_one_waiting(sites: Sites) -> None:
    """The branch changed the member again (or kept its own after seeing the committee's correction) before the
    committee decided: one entry for the member, on the branch's newest version, not two of which the older
    is left with nothing to compare once the newer is decided."""
    member_id = conflicted(sites)
    [first] = open_conflicts(sites.committee)
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = "幸福北路1号"  # type: ignore[union-attr]
    later = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick / "later")
    assert import_package(sites.committee, LOCAL_USER, later.path).counts["conflict"] == 1
    [view] = open_conflicts(sites.committee)
    assert view.id != first.id and view.record_id == member_id
    assert {d.label: d.incoming for d in view.differences}["家庭住址"] == "幸福北路1号"
    resolve(sites.committee, LOCAL_USER, view.id, take_incoming=True)
    assert open_conflicts(sites.committee) == []


def test_a_meeting_conflict_is_shown_in_the_office_s_words(sites: Sites) -> None:
    """A branch's meeting corrected at the committee and changed again at the branch: its fields by their
    Chinese names (地点, not place), codes by name (会议类型), people and the branch by name, not by id."""
    from partydesk.core.storage.meeting_tables import Meeting

    import_package(sites.committee, LOCAL_USER,
                   export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    with sites.branch.read() as session:
        # ids are random: pick by type, so the change to 党课 below is a change (a 支委会, not a 党课 already)
        meeting_id = session.query(Meeting.id).filter(Meeting.type_code == "committee").order_by(
            Meeting.held_on).first()[0]  # type: ignore[index]
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Meeting, meeting_id).place = "社区党群服务中心会议室（四楼）"  # type: ignore[union-attr]
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.place, meeting.type_code, meeting.chair = "社区党群服务中心会议室（三楼）", "lecture", "某某"
    report = import_package(sites.committee, LOCAL_USER,
                            export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    assert report.counts["conflict"] == 1
    [view] = open_conflicts(sites.committee)
    fields = {d.label: (d.local, d.incoming) for d in view.differences}
    assert fields["地点"] == ("社区党群服务中心会议室（四楼）", "社区党群服务中心会议室（三楼）")
    assert fields["会议类型"][1] == "党课" and fields["主持人"][1] == "某某"
    assert all(d.label != d.field for d in view.differences), [d.field for d in view.differences]
    with sites.committee.read() as session:  # named with its day: a branch holds one topic more than once
        held = session.get(Meeting, meeting_id).held_on  # type: ignore[union-attr]
    assert view.title.startswith(f"{meeting.topic} {held:%Y-%m-%d}（")


def test_other_values_read_as_the_office_says_them() -> None:
    """Attendance, yes/no, 学时 and coded forms by their words; a code this program does not know, as it is."""
    from partydesk.core.services.sync_field_words import label, value

    assert label("meeting_attendance", "status") == "出席情况"
    assert value("meeting_attendance", "status", "leave") == "请假"
    assert value("talk", "follow_up_done", True) == "是" and value("study_activity", "hours_tenths", 25) == "2.5 学时"
    assert value("meeting", "type_code", "a-code-from-a-newer-version") == "a-code-from-a-newer-version"
    assert label("certification", "name") == "证书名称" and label("meeting_guest", "name") == "姓名"


def test_the_command_line_lists_the_conflicts_and_decides_one(sites: Sites, capsys: pytest.CaptureFixture[str]) -> None:
    """`sync conflicts`: the member by name, why, and each field on both sides (JSON too); `sync resolve N
    --take-incoming` takes the branch's address and closes it; a number not waiting exits 1 and changes
    nothing."""
    import json

    from partydesk.cli import main
    from partydesk.core.services.audit import list_entries

    member_id = conflicted(sites)
    hub = str(sites.committee.path)
    with sites.committee.read() as session:
        name = session.get(Member, member_id).name  # type: ignore[union-attr]
    assert main(["sync", "conflicts", "--db", hub]) == 0
    said = capsys.readouterr().out
    assert name in said and "家庭住址：本机" in said and "收到“幸福南路9号”" in said and "对方修改时" in said
    # Phone numbers masked as on the page; whole only with --unmasked, once a reveal is in the audit trail.
    assert "13900000000" not in said and "联系电话：本机“139****0000”" in said
    assert main(["sync", "conflicts", "--db", hub, "--unmasked"]) == 0
    assert "联系电话：本机“13900000000”" in capsys.readouterr().out
    assert list_entries(sites.committee, LOCAL_USER, limit=1)[0].action == "reveal"
    assert main(["sync", "conflicts", "--db", hub, "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)["conflicts"]
    assert item["record_id"] == member_id and {"label": "籍贯", "incoming": "黑龙江哈尔滨"}.items() <= next(
        d for d in item["differences"] if d["field"] == "native_place").items()
    assert main(["sync", "resolve", str(item["id"] + 1), "--db", hub, "--take-incoming"]) == 1
    assert "没有编号为" in capsys.readouterr().err and len(open_conflicts(sites.committee)) == 1
    assert main(["sync", "resolve", str(item["id"]), "--db", hub, "--take-incoming"]) == 0
    assert name in capsys.readouterr().out and open_conflicts(sites.committee) == []
    with sites.committee.read() as session:
        assert session.get(Member, member_id).address == "幸福南路9号"  # type: ignore[union-attr]
    assert main(["sync", "conflicts", "--db", hub]) == 0
    assert "没有待处理的冲突" in capsys.readouterr().out
