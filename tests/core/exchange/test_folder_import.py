"""Importing every package in a folder (``services.sync_folder``): a committee's stick with packages from two
branches, one damaged copy and one file addressed to another office. The dry run writes nothing; the import
applies each ready package in its sender's order, records the refusal, leaves the foreign file alone, and a
cancel keeps the packages already applied and nothing of the one under way."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import DEMO_ORG, populate
from partydesk.core.errors import KnownError
from partydesk.core.progress import Progress
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_folder import check_folder, import_checked, packages_in
from partydesk.core.services.sync_rejections import rejections
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database, open_database
from tests.core.exchange.conftest import introduce, make_committee
from tests.core.exchange.forge import flip_bit
from tests.core.exchange.interrupting import CancelAt, failing_at
from tests.core.exchange.test_rejections import state
from tests.core.exchange.test_round_trip import dump


@dataclass
class Stick:
    committee: Database
    first: Database  # branch 3301060001: packages 1 and 2 on the stick
    second: Database  # branch 3301060002: package 1
    folder: Path
    names: dict[str, str]  # what each file is -> its name


def _branch(path: Path, code: str, seed: int) -> Database:
    db = open_database(path)
    populate(db, seed=seed, members=5, organisation=replace(DEMO_ORG, code=code, name=f"支部{code[-1]}"))
    return db


@pytest.fixture
def stick(tmp_path: Path) -> Stick:
    for name in ("a", "b", "c", "d"):
        (tmp_path / name).mkdir()
    committee = make_committee(tmp_path / "c" / "c.db")
    elsewhere = make_committee(tmp_path / "d" / "d.db", code="2000")
    first = _branch(tmp_path / "a" / "a.db", "3301060001", 11)
    second = _branch(tmp_path / "b" / "b.db", "3301060002", 12)
    for branch in (first, second):
        introduce(branch, committee)
    introduce(first, elsewhere)
    folder = tmp_path / "stick"
    folder.mkdir()
    names = {
        "a1": export_package(first, LOCAL_USER, to_org_code="1000", out_dir=folder).path.name,
        "a2": export_package(first, LOCAL_USER, to_org_code="1000", out_dir=folder).path.name,
        "b1": export_package(second, LOCAL_USER, to_org_code="1000", out_dir=folder).path.name,
        "other": export_package(first, LOCAL_USER, to_org_code="2000", out_dir=folder).path.name,
    }
    flip_bit(folder / names["b1"], 600, folder / "copy of b1.pdsync")
    names["damaged"] = "copy of b1.pdsync"
    (folder / "readme.txt").write_text("not a package", encoding="utf-8")
    elsewhere.close()
    yield Stick(committee, first, second, folder, names)
    for db in (committee, first, second):
        db.close()


def _by_name(entries: list, stick: Stick) -> dict[str, object]:
    what = {name: key for key, name in stick.names.items()}
    return {what[e.path.name]: e for e in entries}


def test_the_check_lists_every_package_in_import_order_and_writes_nothing(stick: Stick) -> None:
    before = state(stick.committee)
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    assert [e.path.name for e in entries] == [stick.names[k] for k in ("a1", "a2", "b1")] + sorted(
        [stick.names["damaged"], stick.names["other"]])
    found = _by_name(entries, stick)
    assert [found[k].ready for k in ("a1", "a2", "b1", "damaged", "other")] == [True, True, True, False, False]
    assert found["a1"].report.counts["new"] > 0 and found["a2"].report.counts["new"] > 0
    assert found["a2"].report.gap == ""  # package 1 of the same sender is in the folder
    # ... and so package 2's counts are as if alone (the wizard says they will come out lower)
    assert [found[k].follows for k in ("a1", "a2", "b1", "damaged")] == [0, found["a1"].report.channel_seq, 0, 0]
    assert found["damaged"].report.reason == "damaged" and found["damaged"].to_import
    assert found["other"].report.reason == "wrong_destination" and not found["other"].to_import
    assert state(stick.committee) == before and rejections(stick.committee) == []


def test_a_gap_the_folder_does_not_fill_is_still_reported(stick: Stick) -> None:
    (stick.folder / stick.names["a1"]).unlink()
    found = _by_name(check_folder(stick.committee, LOCAL_USER, stick.folder, Progress()), stick)
    assert "第 1 号" in found["a2"].report.gap


def test_the_import_applies_the_ready_ones_records_the_refusal_and_leaves_the_foreign_file(stick: Stick) -> None:
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    done = import_checked(stick.committee, LOCAL_USER, entries, Progress())
    found = _by_name(done.entries, stick)
    assert not done.cancelled and done.applied == 3
    assert [found[k].imported.status for k in ("a1", "a2", "b1", "damaged")] == ["applied"] * 3 + ["rejected"]
    assert found["a2"].imported.gap == "" and found["a2"].imported.counts["new"] == 0
    assert found["other"].imported is None
    [refused] = rejections(stick.committee)
    assert refused.file_name == stick.names["damaged"] and refused.reason == "damaged"
    for branch in (stick.first, stick.second):
        owner = branch.site.site_id
        assert dump(stick.committee, owner) == dump(branch, owner)
    again = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    assert {e.report.status for e in _by_name(again, stick).values() if e.path.name != stick.names["damaged"]
            and e.path.name != stick.names["other"]} == {"already_imported"}
    assert [e for e in again if e.to_import] == [e for e in again if e.path.name == stick.names["damaged"]]
    first_again = _by_name(again, stick)["a1"].report  # says which it is and when it came in
    assert first_again.channel_seq == 1 and first_again.imported_at is not None


@pytest.mark.parametrize("inside", [False, True], ids=["between", "inside"])
def test_a_cancel_keeps_the_packages_before_and_nothing_of_the_rest(stick: Stick, inside: bool) -> None:
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    done = import_checked(stick.committee, LOCAL_USER, entries, CancelAt("正在导入第 2/", inside=inside))
    assert done.cancelled and done.applied == 1
    assert [e.imported is not None for e in done.entries] == [True, False, False, False, False]
    first_report = done.entries[0].imported
    owner = stick.first.site.site_id  # packages 1 and 2 of this branch carry the same records
    assert dump(stick.committee, owner) == dump(stick.first, owner)
    assert dump(stick.committee, stick.second.site.site_id) == {}
    with stick.committee.read() as session:
        assert [p.package_id for p in sync_repo.packages(session)] == [done.entries[0].report.package_id]
    assert rejections(stick.committee) == []
    rest = import_checked(stick.committee, LOCAL_USER, done.entries, Progress())  # Import all, again
    assert not rest.cancelled and rest.applied == 3
    found = _by_name(rest.entries, stick)
    assert [found[k].imported.status for k in ("a1", "a2", "b1", "damaged")] == ["applied"] * 3 + ["rejected"]
    assert found["a1"].imported is first_report  # not run twice
    assert found["other"].imported is None


def test_a_folder_that_is_not_there_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="找不到文件夹"):
        packages_in(tmp_path / "gone")
    (tmp_path / "x.PDSYNC").write_bytes(b"")
    (tmp_path / "sub.pdsync").mkdir()
    assert [p.name for p in packages_in(tmp_path)] == ["x.PDSYNC"]


def test_a_package_this_office_wrote_is_left_alone(stick: Stick) -> None:
    """The committee's own receipt, left on the stick it hands back: listed as its own, never refused."""
    first = stick.folder / stick.names["a1"]
    assert import_checked(stick.committee, LOCAL_USER, [e for e in check_folder(
        stick.committee, LOCAL_USER, stick.folder, Progress()) if e.path == first], Progress()).applied == 1
    receipt = export_package(stick.committee, LOCAL_USER, to_org_code="3301060001", out_dir=stick.folder).path
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    [own] = [e for e in entries if e.path == receipt]
    assert own.own and not own.ready and not own.to_import and own.report.origin == "1000"
    import_checked(stick.committee, LOCAL_USER, entries, Progress())
    assert receipt.name not in {r.file_name for r in rejections(stick.committee)}
    assert own.imported is None


def test_an_error_at_one_package_keeps_the_ones_before_and_says_why(stick: Stick,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while the second package is imported: the first stays, the error is named on the second,
    and Import all later goes on from there; an unexpected error is not swallowed."""
    import partydesk.core.services.sync_folder as folder_import

    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    real = folder_import.import_package
    monkeypatch.setattr(folder_import, "import_package", failing_at(2, real, KnownError("磁盘已满")))
    done = import_checked(stick.committee, LOCAL_USER, entries, Progress())
    assert done.failed == "磁盘已满" and done.applied == 1 and not done.cancelled
    assert [e.failed for e in done.entries[:3]] == ["", "磁盘已满", ""]
    assert done.entries[1].imported is None and done.entries[2].imported is None
    monkeypatch.setattr(folder_import, "import_package", real)
    again = import_checked(stick.committee, LOCAL_USER, done.entries, Progress())
    assert again.applied == 3 and not again.failed and done.entries[1].failed == ""

    def broken(*_a: object, **_k: object) -> object:
        raise RuntimeError("a bug")

    fresh = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())  # the damaged copy is left
    monkeypatch.setattr(folder_import, "import_package", broken)
    with pytest.raises(RuntimeError):
        import_checked(stick.committee, LOCAL_USER, fresh, Progress())


def test_a_file_gone_since_the_check_stops_the_import_and_is_not_refused(stick: Stick) -> None:
    """The stick is pulled between 检查 and 全部导入: the packages before stay, the import stops naming the file
    and the stick, nothing is put in the ledger of refusals; with the stick back, Import all goes on."""
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    second = stick.folder / stick.names["a2"]
    away = stick.folder.parent / "away.pdsync"
    second.rename(away)
    done = import_checked(stick.committee, LOCAL_USER, entries, Progress())
    assert done.applied == 1 and not done.cancelled
    assert done.failed.startswith(f"找不到文件 {second.name}：U盘可能已拔出") and done.entries[1].failed == done.failed
    assert done.entries[1].imported is None and rejections(stick.committee) == []
    away.rename(second)
    again = import_checked(stick.committee, LOCAL_USER, done.entries, Progress())
    assert again.applied == 3 and not again.failed


def test_a_file_unreadable_at_the_check_is_left_alone_not_refused(stick: Stick,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the check cannot read (locked, a failing drive) is neither imported nor put among the refused: the
    others import, and the ledger of refusals hears only of the damaged copy."""
    from partydesk.core.exchange import container
    from partydesk.core.exchange.errors import PackageRejected

    real = container.read_file
    locked = stick.names["b1"]

    def read(path: Path) -> bytes:
        if path.name == locked:
            raise PackageRejected("unreadable", f"读不出文件 {path.name}（设备错误）：U盘可能已拔出或接触不良。")
        return real(path)

    monkeypatch.setattr(container, "read_file", read)
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    found = _by_name(entries, stick)
    assert found["b1"].unreadable and not found["b1"].to_import and not found["b1"].ready
    done = import_checked(stick.committee, LOCAL_USER, entries, Progress())
    assert done.applied == 2 and not done.failed and found["b1"].imported is None
    assert [r.file_name for r in rejections(stick.committee)] == [stick.names["damaged"]]


def test_a_key_card_among_the_packages_is_left_alone(stick: Stick) -> None:
    """A key card saved under a package's name is named as a card, neither imported nor refused."""
    from partydesk.core.services.sync_keys import own_card

    (stick.folder / "card.pdsync").write_bytes(own_card(stick.second)[1])
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    [card] = [e for e in entries if e.path.name == "card.pdsync"]
    assert card.report.reason == "key_card" and not card.to_import and not card.ready
    import_checked(stick.committee, LOCAL_USER, entries, Progress())
    assert card.imported is None and [r.file_name for r in rejections(stick.committee)] == [stick.names["damaged"]]


def test_the_bar_moves_within_each_package(stick: Stick) -> None:
    """Checking and importing report the stages inside each package, within its share of the bar (a stick of one
    large package used to sit at 0 % until the end), never going back."""
    heard: list[tuple[int, int, str]] = []
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder,
                           Progress(lambda d, t, text: heard.append((d, t, text))))
    assert any("\n正在核对签名并解密" in text for _d, _t, text in heard)
    heard.clear()
    import_checked(stick.committee, LOCAL_USER, entries, Progress(lambda d, t, text: heard.append((d, t, text))))
    shares = [d / t for d, t, _text in heard]
    assert shares == sorted(shares) and shares[-1] <= 1
    inside_first = [s for (_d, _t, text), s in zip(heard, shares, strict=True) if text.startswith("正在导入第 1/")
                    and "\n" in text]
    assert inside_first and 0 < max(inside_first) <= 1 / 4, "the first of four packages moves within its quarter"


def test_an_import_backs_the_database_up_first_and_a_folder_once(stick: Stick) -> None:
    """RELIABILITY ST-4 (d): a verified backup before a package is applied, holding the file as it was; none
    for a dry run, a re-import or a refused package; one for a whole folder."""
    from partydesk.core.services.maintenance import backup_contents, list_backups
    from partydesk.core.services.sync_import import import_package

    def made() -> list[str]:
        return [b.reason for b in list_backups(stick.committee.path)]

    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    assert made() == []
    assert import_package(stick.committee, LOCAL_USER, stick.folder / stick.names["a1"]).status == "applied"
    [first] = list_backups(stick.committee.path)
    assert first.reason == "import"
    held = backup_contents(first.path)
    assert held is not None and held.members == 0  # taken before the branch's members came in
    assert import_package(stick.committee, LOCAL_USER, stick.folder / stick.names["a1"]).status == "already_imported"
    assert import_package(stick.committee, LOCAL_USER, stick.folder / stick.names["damaged"]).status == "rejected"
    assert made() == ["import"]
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    done = import_checked(stick.committee, LOCAL_USER, entries, Progress())
    assert done.applied == 2 and made() == ["import", "import"]
