"""`partydesk sync notice add/list` and `sync material send`: a committee publishes a notice with a file to
one branch by command line, the package carries it, the branch lists it unread (JSON shapes, exit codes)."""

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


def test_notice_by_command_line_reaches_only_the_branch_named(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """notice add --to one code --attach a file; export to both; only that branch lists it, file intact."""
    paths = {name: tmp_path / name / f"{name}.db" for name in ("east", "west", "committee")}
    for path in paths.values():
        path.parent.mkdir()
    create_demo(paths["east"], seed=1, members=5)
    create_demo(paths["west"], seed=2, members=5, org_code="3301060013", org_name="中共示范街道幸福社区第二支部委员会")
    assert run(capsys, "init", "--db", str(paths["committee"]), "--org-name", "中共示范街道工作委员会",
               "--org-code", "1000", "--org-type", "党委", "--role", "committee")[0] == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    committee = str(paths["committee"])
    for name in ("east", "west"):
        _code, card = run(capsys, "sync", "keycard", "--db", str(paths[name]), "--out", str(stick / f"{name}.pdkey"))
        assert run(capsys, "sync", "register", card["path"], "--db", committee, "--yes")[0] == 0
    _code, ccard = run(capsys, "sync", "keycard", "--db", committee, "--out", str(stick / "c.pdkey"))
    for name in ("east", "west"):
        assert run(capsys, "sync", "register", ccard["path"], "--db", str(paths[name]), "--yes")[0] == 0

    plan = tmp_path / "换届工作方案.docx"
    plan.write_bytes(b"PK\x03\x04 plan" * 100)
    code, refused = run(capsys, "sync", "notice", "add", "--db", committee, "--title", "关于换届的通知",
                        "--to", "9999")
    assert code == 1 and refused["error"] == "unknown_target"
    code, added = run(capsys, "sync", "notice", "add", "--db", committee, "--title", "关于换届的通知",
                      "--body", "请报送方案。", "--deadline", "2026-12-05", "--attach", str(plan),
                      "--to", "3301060012")
    assert code == 0 and added["targets"] == ["3301060012"] and added["files"] == 1
    code, listed = run(capsys, "sync", "notice", "list", "--db", committee)
    assert [(n["title"], n["received"], n["targets"]) for n in listed["notices"]] == [
        ("关于换届的通知", False, ["3301060012"])]

    code, sent = run(capsys, "sync", "export", "--db", committee, "--to", "3301060012", "--out", str(stick))
    assert code == 0 and sent["counts"] == {"notice": 1, "notice_attachment": 1} and sent["kind"] == "downward"
    code, applied = run(capsys, "sync", "import", sent["path"], "--db", str(paths["east"]))
    assert code == 0 and applied["new"] == 2
    code, east = run(capsys, "sync", "notice", "list", "--db", str(paths["east"]))
    (notice,) = east["notices"]
    assert (notice["title"], notice["received"], notice["unread"], notice["deadline"]) == (
        "关于换届的通知", True, True, "2026-12-05")
    assert notice["files"][0]["name"] == plan.name and notice["files"][0]["size"] == plan.stat().st_size
    code, nothing = run(capsys, "sync", "export", "--db", committee, "--to", "3301060013", "--out", str(stick))
    assert code == 1 and nothing["error"] == "nothing"
    assert "下发" in nothing["message"] and "报送" not in nothing["message"]  # a committee sends down

    code, material = run(capsys, "study", "material-add", "--db", committee, "--title", "换届手册",
                         "--file", str(plan))
    assert code == 0
    code, shared = run(capsys, "sync", "material", "send", material["id"], "--db", committee, "--all")
    assert code == 0 and shared["to"] == "all"
    code, sent = run(capsys, "sync", "export", "--db", committee, "--to", "3301060013", "--out", str(stick))
    assert code == 0 and sent["counts"] == {"study_material": 1}


def test_notice_list_says_which_branches_have_read_a_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The committee's list names, per branch, when its receipt (回执) said the notice was opened there."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.notices import mark_read
    from partydesk.core.storage.database import open_database

    east_db, committee = tmp_path / "e" / "east.db", str(tmp_path / "c" / "c.db")
    east_db.parent.mkdir()
    create_demo(east_db, seed=1, members=5)
    assert run(capsys, "init", "--db", committee, "--org-name", "中共示范街道工作委员会", "--org-code", "1000",
               "--org-type", "党委", "--role", "committee")[0] == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    _code, card = run(capsys, "sync", "keycard", "--db", str(east_db), "--out", str(stick / "e.pdkey"))
    assert run(capsys, "sync", "register", card["path"], "--db", committee, "--yes")[0] == 0
    _code, ccard = run(capsys, "sync", "keycard", "--db", committee, "--out", str(stick / "c.pdkey"))
    assert run(capsys, "sync", "register", ccard["path"], "--db", str(east_db), "--yes")[0] == 0
    _code, added = run(capsys, "sync", "notice", "add", "--db", committee, "--title", "关于换届的通知", "--all")
    _code, sent = run(capsys, "sync", "export", "--db", committee, "--to", "3301060012", "--out", str(stick))
    assert run(capsys, "sync", "import", sent["path"], "--db", str(east_db))[0] == 0
    db = open_database(east_db)
    try:
        mark_read(db, LOCAL_USER, added["id"])  # the secretary opens it in the window
    finally:
        db.close()
    _code, up = run(capsys, "sync", "export", "--db", str(east_db), "--to", "1000", "--out", str(stick))
    assert up["counts"]["notice_receipt"] == 1
    assert run(capsys, "sync", "import", up["path"], "--db", committee)[0] == 0
    main(["sync", "notice", "list", "--db", committee])
    assert "发至 3301060012，已读 1/1" in capsys.readouterr().out
    _code, listed = run(capsys, "sync", "notice", "list", "--db", committee)
    (notice,) = listed["notices"]
    assert list(notice["read_by"]) == ["3301060012"] and notice["read_by"]["3301060012"].endswith("Z")
    assert notice["done_by"] == {}
    db = open_database(east_db)
    try:
        from partydesk.core.services.notices import mark_done

        mark_done(db, LOCAL_USER, added["id"])  # 已办理…, in the window
    finally:
        db.close()
    _code, up = run(capsys, "sync", "export", "--db", str(east_db), "--to", "1000", "--out", str(stick))
    assert run(capsys, "sync", "import", up["path"], "--db", committee)[0] == 0
    main(["sync", "notice", "list", "--db", committee])
    assert "发至 3301060012，已读 1/1，已办理 1/1" in capsys.readouterr().out
    _code, listed = run(capsys, "sync", "notice", "list", "--db", str(east_db))
    assert listed["notices"][0]["done_at"].endswith("Z")
