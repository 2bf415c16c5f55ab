"""`partydesk sync`: key cards, registration with the fingerprint made explicit, export, import (JSON shapes
and exit codes), status — two demo branches and a committee exchanging through a folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from partydesk.cli import main
from partydesk.core.demo import create_demo


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main([*argv, "--json"])
    out, _err = capsys.readouterr()
    return code, json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def offices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    """Two branches (different seeds and codes) and a committee, each in its own folder."""
    paths = {name: tmp_path / name / f"{name}.db" for name in ("east", "west", "committee")}
    for path in paths.values():
        path.parent.mkdir()
    create_demo(paths["east"], seed=1, members=8)
    create_demo(paths["west"], seed=2, members=6)
    code, _ = run(capsys, "init", "--db", str(paths["committee"]), "--org-name", "中共示范街道工作委员会",
                  "--org-code", "1000", "--org-type", "党委", "--role", "committee")
    assert code == 0
    return paths


def test_cards_registration_and_a_round_trip(offices: dict[str, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Cards swapped, fingerprints confirmed, the branch exports, the committee dry-runs then imports."""
    stick = tmp_path / "stick"
    stick.mkdir()
    east, committee = offices["east"], offices["committee"]
    code, card = run(capsys, "sync", "keycard", "--db", str(east), "--out", str(stick))
    assert code == 0 and Path(card["path"]).exists() and len(card["fingerprint"].split()) == 8
    code, refused = run(capsys, "sync", "register", card["path"], "--db", str(committee))
    assert code == 1 and refused["error"] == "unconfirmed"
    code, wrong = run(capsys, "sync", "register", card["path"], "--db", str(committee), "--fingerprint", "0000")
    assert code == 1 and wrong["error"] == "fingerprint"
    groups = card["fingerprint"].split()
    off_by_one = "-".join([*groups[:-1], groups[-1][:-1] + ("0" if groups[-1][-1] != "0" else "1")])
    code, wrong = run(capsys, "sync", "register", card["path"], "--db", str(committee), "--fingerprint", off_by_one)
    assert code == 1 and wrong["error"] == "fingerprint", "one character off is refused, however it is written"
    code, done = run(capsys, "sync", "register", card["path"], "--db", str(committee),  # as read out, with dashes
                     "--fingerprint", "-".join(groups).lower())
    assert code == 0 and done["relation"] == "child" and done["new"] is True
    code, ccard = run(capsys, "sync", "keycard", "--db", str(committee), "--out", str(tmp_path / "c.pdkey"))
    assert run(capsys, "sync", "register", ccard["path"], "--db", str(east), "--yes")[1]["relation"] == "parent"

    code, sent = run(capsys, "sync", "export", "--db", str(east), "--to", "1000", "--out", str(stick))
    assert code == 0 and sent["counts"]["member"] == 8 and Path(sent["path"]).name.endswith(".pdsync")
    code, dry = run(capsys, "sync", "import", sent["path"], "--db", str(committee), "--dry-run")
    assert code == 0 and dry["status"] == "dry_run" and dry["new"] == sum(sent["counts"].values())
    assert dry["added_members_count"] == 8 and f"对方新增了党员：{dry['added_members'][0]}、" in dry["message"]
    code, applied = run(capsys, "sync", "import", sent["path"], "--db", str(committee))
    assert code == 0 and applied["status"] == "applied" and applied["new"] == dry["new"]
    code, again = run(capsys, "sync", "import", sent["path"], "--db", str(committee))
    assert code == 0 and again["status"] == "already_imported"
    code, status = run(capsys, "sync", "status", "--db", str(committee))
    assert [p["org_code"] for p in status["peers"]] == [card["org_code"]]
    assert status["peers"][0]["age_days"] == 0
    assert [(p["org_code"], p["state"]) for p in status["packages"]] == [(card["org_code"], "imported")]
    # The text form lists the packages too, whose each and where each stands.
    name = status["peers"][0]["org_name"]
    assert f"来自 {name}（{card['org_code']}）第 1 号上报包：已导入" in status["message"]
    _code, east_status = run(capsys, "sync", "status", "--db", str(east))
    assert "发给 中共示范街道工作委员会（1000）第 1 号上报包：已写出，等待对方确认" in east_status["message"]
    # The committee's receipt, called so when written and when imported (not "没有记录" and a row of noughts).
    code, receipt = run(capsys, "sync", "export", "--db", str(committee), "--to", card["org_code"],
                        "--out", str(stick))
    assert code == 0 and receipt["kind"] == "receipt" and "内容：回执，确认收到对方 1 个数据包。" in receipt["message"]
    code, taken = run(capsys, "sync", "import", receipt["path"], "--db", str(east))
    assert code == 0
    assert taken["message"].splitlines()[:2] == ["已导入：回执，不含记录。", "对方确认已收到本单位的 1 个数据包。"]


def test_a_rejected_package_exits_1_with_the_reason(offices: dict[str, Path], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A package from a branch the committee never registered: exit 1, status rejected, reason unknown_key."""
    west, committee, east = offices["west"], offices["committee"], offices["east"]
    code, ccard = run(capsys, "sync", "keycard", "--db", str(committee), "--out", str(tmp_path / "c.pdkey"))
    run(capsys, "sync", "register", ccard["path"], "--db", str(west), "--yes")
    code, sent = run(capsys, "sync", "export", "--db", str(west), "--to", "1000", "--out", str(tmp_path))
    assert code == 0
    code, report = run(capsys, "sync", "import", sent["path"], "--db", str(committee))
    assert code == 1 and report["status"] == "rejected" and report["reason"] == "unknown_key"
    code, nothing = run(capsys, "sync", "export", "--db", str(east), "--to", "1000", "--out", str(tmp_path))
    assert code == 1 and nothing["error"] == "unknown_destination"


def test_export_to_a_folder_that_is_not_there_writes_nothing(offices: dict[str, Path], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """`--out` a folder that does not exist (a mistyped path, the stick's drive with no stick in): exit 1 and
    said so; no folder is made and no package number is used (the next export is still No. 1)."""
    west, committee = offices["west"], offices["committee"]
    code, ccard = run(capsys, "sync", "keycard", "--db", str(committee), "--out", str(tmp_path / "c.pdkey"))
    run(capsys, "sync", "register", ccard["path"], "--db", str(west), "--yes")
    for to in ("1000", "all"):
        code, refused = run(capsys, "sync", "export", "--db", str(west), "--to", to, "--out",
                            str(tmp_path / "nosuch" / "dir"))
        assert code == 1 and refused["error"] == "no_folder" and "U盘" in refused["message"]
    assert not (tmp_path / "nosuch").exists()
    code, sent = run(capsys, "sync", "export", "--db", str(west), "--to", "1000", "--out", str(tmp_path))
    assert code == 0 and sent["channel_seq"] == 1


def _two_branches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Path], Path]:
    """Two demo branches (`demo --org-code` makes the second) and a committee that registered both, each
    registered back; the stick folder holds the cards."""
    stick = tmp_path / "stick"
    stick.mkdir()
    paths = {name: tmp_path / name / f"{name}.db" for name in ("east", "west", "committee")}
    for path in paths.values():
        path.parent.mkdir()
    assert run(capsys, "demo", "--db", str(paths["east"]), "--members", "6")[0] == 0
    assert run(capsys, "demo", "--db", str(paths["west"]), "--members", "5", "--seed", "7", "--org-code",
               "3301060013", "--org-name", "中共示范街道幸福社区第二支部委员会")[0] == 0
    run(capsys, "init", "--db", str(paths["committee"]), "--org-name", "中共示范街道工作委员会", "--org-code", "1000",
        "--org-type", "党委", "--role", "committee")
    _code, hub_card = run(capsys, "sync", "keycard", "--db", str(paths["committee"]), "--out", str(stick))
    for branch in ("east", "west"):
        _code, card = run(capsys, "sync", "keycard", "--db", str(paths[branch]), "--out", str(stick))
        assert run(capsys, "sync", "register", card["path"], "--db", str(paths["committee"]), "--yes")[0] == 0
        assert run(capsys, "sync", "register", hub_card["path"], "--db", str(paths[branch]), "--yes")[0] == 0
    return paths, stick


def test_two_demo_branches_report_to_one_committee(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The committee imports a package from each of two branches."""
    paths, stick = _two_branches(tmp_path, capsys)
    for branch in ("east", "west"):
        _code, sent = run(capsys, "sync", "export", "--db", str(paths[branch]), "--to", "1000", "--out", str(stick))
        assert run(capsys, "sync", "import", sent["path"], "--db", str(paths["committee"]))[1]["status"] == "applied"
    _code, status = run(capsys, "sync", "status", "--db", str(paths["committee"]))
    assert sorted(p["org_code"] for p in status["peers"]) == ["3301060012", "3301060013"]
    _code, listed = run(capsys, "roster", "list", "--db", str(paths["committee"]))
    assert len(listed["members"]) == 11


def test_a_folder_is_checked_then_imported_package_by_package(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """`sync import FOLDER`: --dry-run lists every file and writes nothing; then both branches' packages
    apply, the committee's own receipt on the stick is skipped, and a damaged copy is refused (exit 1)."""
    paths, stick = _two_branches(tmp_path, capsys)
    hub = str(paths["committee"])
    for branch in ("east", "west"):
        run(capsys, "sync", "export", "--db", str(paths[branch]), "--to", "1000", "--out", str(stick))
    code, checked = run(capsys, "sync", "import", str(stick), "--dry-run", "--db", hub)
    assert code == 0 and [p["status"] for p in checked["packages"]] == ["dry_run", "dry_run"]
    assert run(capsys, "roster", "list", "--db", hub)[1]["members"] == []
    code, done = run(capsys, "sync", "import", str(stick), "--db", hub)
    assert code == 0 and done["applied"] == 2 and "已导入 2 个数据包" in done["message"]
    assert [p["origin"] for p in done["packages"]] == ["3301060012", "3301060013"]
    assert len(run(capsys, "roster", "list", "--db", hub)[1]["members"]) == 11
    run(capsys, "sync", "export", "--db", hub, "--to", "3301060012", "--out", str(stick))  # the receipt
    sent = stick / done["packages"][1]["file"]
    damaged = bytearray(sent.read_bytes())
    damaged[200] ^= 0x10  # in the manifest: the copy is not recognised as the package imported
    (stick / "copy.pdsync").write_bytes(bytes(damaged))
    code, again = run(capsys, "sync", "import", str(stick), "--db", hub)
    assert code == 1 and again["applied"] == 0
    assert sorted(p["status"] for p in again["packages"]) == ["already_imported", "already_imported", "rejected",
                                                               "skipped"]
    [skipped] = [p for p in again["packages"] if p["status"] == "skipped"]
    assert skipped["reason"] == "own_package" and skipped["file"].startswith("1000_3301060012_")
    code, empty = run(capsys, "sync", "import", str(tmp_path / "east"), "--db", hub)
    assert code == 1 and "没有数据包" in empty["message"]


def test_export_to_all_writes_each_branch_its_receipt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`sync export --to all` at a committee: one receipt per branch it imported from; run again, both are
    passed over with the reason; at a branch (no branches of its own) it exits 1 and says so."""
    paths, stick = _two_branches(tmp_path, capsys)
    hub = str(paths["committee"])
    for branch in ("east", "west"):
        run(capsys, "sync", "export", "--db", str(paths[branch]), "--to", "1000", "--out", str(stick))
    run(capsys, "sync", "import", str(stick), "--db", hub)
    back = tmp_path / "back"
    back.mkdir()
    code, done = run(capsys, "sync", "export", "--to", "all", "--out", str(back), "--db", hub)
    assert code == 0 and [w["acks"] for w in done["written"]] == [1, 1] and done["passed_over"] == []
    assert sorted(p.name for p in back.iterdir()) == sorted(Path(w["path"]).name for w in done["written"])
    code, got = run(capsys, "sync", "import", done["written"][1]["path"], "--db", str(paths["west"]))
    assert code == 0 and got["acknowledged"] == 1
    code, got = run(capsys, "sync", "import", str(back), "--db", str(paths["east"]))  # the other one is skipped
    assert code == 0 and [p["status"] for p in got["packages"]] == ["applied", "skipped"]
    assert "对方确认已收到本单位的 1 个数据包" in got["message"]
    code, again = run(capsys, "sync", "export", "--to", "ALL", "--out", str(back), "--db", hub)
    assert code == 0 and again["written"] == [] and len(again["passed_over"]) == 2
    assert again["message"].startswith("没有写出数据包：") and again["message"].endswith("没有写出任何数据包。")
    code, refused = run(capsys, "sync", "export", "--to", "all", "--out", str(back), "--db", str(paths["east"]))
    assert code == 1 and "没有登记任何下级单位" in refused["message"]


def test_registering_a_second_computer_with_a_known_code_warns(offices: dict[str, Path], tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A branch set up again without restoring its backup has a new key card with its old code: the committee
    is warned, before and after it confirms, that its records would come as a second set (as in the window)."""
    committee = str(offices["committee"])
    _code, first = run(capsys, "sync", "keycard", "--db", str(offices["east"]), "--out", str(tmp_path / "east.pdkey"))
    _code, done = run(capsys, "sync", "register", first["path"], "--db", committee, "--yes")
    assert done["new"] is True and done["warning"] == ""
    again = tmp_path / "again" / "again.db"
    again.parent.mkdir()
    create_demo(again, seed=3, members=4, org_code=first["org_code"])
    _code, second = run(capsys, "sync", "keycard", "--db", str(again), "--out", str(tmp_path / "again.pdkey"))
    code, refused = run(capsys, "sync", "register", second["path"], "--db", committee)
    assert code == 1 and refused["error"] == "unconfirmed"
    assert f"组织代码为 {first['org_code']} 的另一台电脑" in refused["message"] and "从备份恢复" in refused["message"]
    code, registered = run(capsys, "sync", "register", second["path"], "--db", committee, "--yes")
    assert code == 0 and registered["new"] is True
    assert "另一套数据" in registered["warning"] and registered["warning"] in registered["message"]
    _code, same = run(capsys, "sync", "register", second["path"], "--db", committee, "--yes")
    assert same["new"] is False and "另一套数据" in same["warning"]  # the first one is still registered beside it


def test_keycard_does_not_overwrite_another_offices_card(offices: dict[str, Path], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """`sync keycard --out` onto another office's card (or any other file) exits 1 and leaves the file as it was;
    this office's own card is written again over its earlier copy."""
    east, west = offices["east"], offices["west"]
    card = tmp_path / "card.pdkey"
    assert run(capsys, "sync", "keycard", "--db", str(west), "--out", str(card))[0] == 0
    theirs = card.read_bytes()
    code, refused = run(capsys, "sync", "keycard", "--db", str(east), "--out", str(card))
    assert code == 1 and refused["error"] == "exists" and "未覆盖" in refused["message"]
    assert card.read_bytes() == theirs
    other = tmp_path / "notes.txt"
    other.write_text("会议记录", encoding="utf-8")
    assert run(capsys, "sync", "keycard", "--db", str(east), "--out", str(other))[1]["error"] == "exists"
    assert other.read_text(encoding="utf-8") == "会议记录"
    assert run(capsys, "sync", "keycard", "--db", str(west), "--out", str(card))[0] == 0  # its own, again


def test_a_clock_that_ran_ahead_is_shown_and_mended_once_confirmed(offices: dict[str, Path],
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """One member edited while the branch's clock read 2099: ``sync status`` says so and how to mend it;
    ``sync mend-clock`` asks for --yes (the date checked) before it changes anything, then re-dates it."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.clock import HybridClock
    from partydesk.core.storage.database import open_database
    from partydesk.core.storage.tables import Member

    db = open_database(offices["east"])
    assert db.clock is not None
    db.clock = HybridClock(db.clock.site_id, db.clock.last, wall=lambda: 4_076_000_000_000)  # 2099-03-01
    with db.write(LOCAL_USER, action="member.update") as session:
        session.query(Member).first().phone = "13900000001"  # type: ignore[union-attr]
    db.close()
    east = ("--db", str(offices["east"]))
    code, status = run(capsys, "sync", "status", *east)
    assert code == 0 and status["clock"]["future_records"] == 1 and status["clock"]["latest"].startswith("2099")
    assert "sync mend-clock --yes" in status["message"]
    code, asked = run(capsys, "sync", "mend-clock", *east)
    assert code == 1 and asked["mended"] == 0 and "--yes" in asked["message"]
    code, done = run(capsys, "sync", "mend-clock", *east, "--yes")
    assert code == 0 and done["mended"] == 1
    code, status = run(capsys, "sync", "status", *east)
    assert status["clock"] is None and "mend-clock" not in status["message"]
    code, done = run(capsys, "sync", "mend-clock", *east, "--yes")
    assert code == 0 and done["mended"] == 0


def test_a_refused_record_is_named_in_the_message_by_its_kind_and_name() -> None:
    """`sync import` names each refused record as the office knows it (拒收党员档案 王芳：…), not by a type code and
    an id; a meeting as its words say it; a record with no name in words keeps the start of its id."""
    from partydesk.cli_sync import import_payload
    from partydesk.core.services.sync_import import ImportReport

    report = ImportReport("applied", package_id="p", origin="1001")
    report.counts["rejected"] = 2
    report.rejected = [("member", "0f3c9a2e-aaaa", "公民身份号码校验位不对"),
                       ("meeting_attendance", "77aa01bc-bbbb", "内容不合格式"),
                       ("meeting", "5c5c5c5c-cccc", "记录格式比本程序新，请升级")]
    report.rejected_words = ["王芳", "", "会议“重温入党誓词”（2026-03-01）"]
    said = import_payload(report)["message"].splitlines()
    assert "拒收党员档案 王芳：公民身份号码校验位不对" in said and "拒收会议出席记录 77aa01bc：内容不合格式" in said
    assert "拒收会议“重温入党誓词”（2026-03-01）：记录格式比本程序新，请升级" in said
