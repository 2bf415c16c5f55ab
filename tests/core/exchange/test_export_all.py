"""Writing the next package for every branch at once (``services.sync_export_all``): after a folder import the
committee writes each branch its receipt in one go; a branch with nothing owed, or whose keys were revoked,
is passed over and named; a cancel or a failing stick stops at one branch and keeps the packages before."""

from __future__ import annotations

from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import KnownError, ValidationError
from partydesk.core.progress import Progress
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_export_all import export_all
from partydesk.core.services.sync_folder import check_folder, import_checked
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_rotate import revoke_peer
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database
from tests.core.exchange.interrupting import CancelAt, failing_at
from tests.core.exchange.test_folder_import import Stick, stick  # noqa: F401  (the fixture)


def _imported(stick: Stick) -> None:  # noqa: F811
    """The committee imports the stick: it then owes each branch a receipt."""
    entries = check_folder(stick.committee, LOCAL_USER, stick.folder, Progress())
    assert import_checked(stick.committee, LOCAL_USER, entries, Progress()).applied == 3


def _written(db: Database) -> list[tuple[str, int]]:
    with db.read() as session:
        return sorted((p.kind, p.channel_seq) for p in sync_repo.packages(session) if p.direction == "out")


def test_every_branch_gets_its_receipt_then_nothing_is_owed(stick: Stick, tmp_path: Path) -> None:  # noqa: F811
    _imported(stick)
    out = tmp_path / "back"
    out.mkdir()
    done = export_all(stick.committee, LOCAL_USER, out_dir=out, progress=Progress())
    assert not done.failed and not done.cancelled and done.passed_over == []
    assert [name for name, _package in done.written] == ["支部1", "支部2"]
    assert [p.acks for _name, p in done.written] == [2, 1]  # branch 1 sent packages 1 and 2
    assert sorted(p.name for p in out.iterdir()) == sorted(p.path.name for _n, p in done.written)
    for branch, (_name, package) in zip((stick.first, stick.second), done.written, strict=True):
        report = import_package(branch, LOCAL_USER, package.path)
        assert report.status == "applied" and report.acknowledged == package.acks
    again = export_all(stick.committee, LOCAL_USER, out_dir=out, progress=Progress())
    assert again.written == [] and [name for name, _why in again.passed_over] == ["支部1", "支部2"]
    assert "无需导出" in again.passed_over[0][1] and len(list(out.iterdir())) == 2


def test_a_revoked_branch_is_passed_over_and_named(stick: Stick, tmp_path: Path) -> None:  # noqa: F811
    _imported(stick)
    revoke_peer(stick.committee, LOCAL_USER, "3301060001", reason="电脑被盗")
    done = export_all(stick.committee, LOCAL_USER, out_dir=tmp_path, progress=Progress())
    assert [name for name, _p in done.written] == ["支部2"]
    [(name, why)] = done.passed_over
    assert name == "支部1" and "吊销" in why


@pytest.mark.parametrize("inside", [False, True], ids=["between", "inside"])
def test_a_cancel_keeps_the_package_written_before(stick: Stick, tmp_path: Path, inside: bool) -> None:  # noqa: F811
    _imported(stick)
    before = _written(stick.committee)
    done = export_all(stick.committee, LOCAL_USER, out_dir=tmp_path, progress=CancelAt("正在写出第 2/", inside=inside))
    assert done.cancelled and [name for name, _p in done.written] == ["支部1"]
    assert _written(stick.committee) == [*before, ("receipt", 1)]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdsync"] == [done.written[0][1].path.name]


def test_a_failing_stick_stops_and_says_which_branch(stick: Stick, tmp_path: Path,  # noqa: F811
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import partydesk.core.services.sync_export_all as module

    _imported(stick)
    monkeypatch.setattr(module, "export_package", failing_at(2, module.export_package, KnownError("U盘已拔出。")))
    done = export_all(stick.committee, LOCAL_USER, out_dir=tmp_path, progress=Progress())
    assert done.failed == "写给“支部2”的数据包没有写成：U盘已拔出。" and len(done.written) == 1


def test_a_file_where_the_folder_should_be_is_named_and_nothing_is_written(stick: Stick,  # noqa: F811
                                                                          tmp_path: Path) -> None:
    """Alone, the export says the path holds a file; for every branch, it stops at the first and says the
    same. Neither writes a file or a ledger row, nor uses a channel number."""
    _imported(stick)
    in_the_way = tmp_path / "U盘"
    in_the_way.write_text("", encoding="utf-8")
    before = _written(stick.committee)
    with pytest.raises(ValidationError, match="同名的文件，不是文件夹"):
        export_package(stick.committee, LOCAL_USER, to_org_code="3301060001", out_dir=in_the_way)
    done = export_all(stick.committee, LOCAL_USER, out_dir=in_the_way / "回执", progress=Progress())
    assert done.written == [] and done.failed.startswith("写给“支部1”的数据包没有写成：无法写到")
    assert _written(stick.committee) == before and in_the_way.read_text(encoding="utf-8") == ""
    later = export_all(stick.committee, LOCAL_USER, out_dir=tmp_path / "back", progress=Progress())
    assert [p.channel_seq for _name, p in later.written] == [1, 1]
