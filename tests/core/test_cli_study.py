"""The `partydesk study` commands: add, count-meeting, list and hours, their JSON shapes and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from partydesk.cli import main
from tests.core.test_cli_meetings import demo, members_of, run_json  # noqa: F401  (fixture)


def hours_of(capsys: pytest.CaptureFixture[str], path: Path, year: int) -> dict[str, dict[str, object]]:
    code, payload = run_json(capsys, "study", "hours", "--db", str(path), "--year", str(year))
    assert code == 0
    return {m["id"]: m for m in payload["members"]}


def test_add_credits_the_members_named_and_shows_in_list_and_hours(capsys: pytest.CaptureFixture[str],
                                                                   demo: Path) -> None:  # noqa: F811
    people = members_of(demo)
    before = hours_of(capsys, demo, 2026)
    code, payload = run_json(capsys, "study", "add", "--db", str(demo), "--form", "class", "--date", "2026-11-16",
                             "--end", "2026-11-17", "--topic", "党员冬训", "--days", "2", "--members",
                             f"{people[0][0]},{people[1][1]}")
    assert code == 0 and payload["members"] == 2 and payload["hours"] == 16
    after = hours_of(capsys, demo, 2026)
    assert after[people[0][0]]["credited"] == before[people[0][0]]["credited"] + 16
    assert after[people[1][0]]["credited"] == before[people[1][0]]["credited"] + 16
    assert after[people[2][0]]["credited"] == before[people[2][0]]["credited"]
    assert set(after[people[0][0]]) == {"id", "name", "leader", "required", "expected", "credited", "done"}
    code, listed = run_json(capsys, "study", "list", "--db", str(demo), "--year", "2026")
    mine = [a for a in listed["activities"] if a["id"] == payload["id"]]
    assert mine and mine[0]["form"] == "class" and mine[0]["members"] == 2 and mine[0]["end"] == "2026-11-17"


def test_the_hours_list_is_by_name_not_by_hours(capsys: pytest.CaptureFixture[str], demo: Path) -> None:  # noqa: F811
    """The ledger is a record in name order, never a ranking."""
    _code, payload = run_json(capsys, "study", "hours", "--db", str(demo), "--year", "2026")
    credited = [m["credited"] for m in payload["members"]]
    assert credited != sorted(credited, reverse=True)
    assert "名次" not in str(payload) and "排名" not in str(payload)


def test_a_meeting_can_be_counted_once(capsys: pytest.CaptureFixture[str], demo: Path) -> None:  # noqa: F811
    people = members_of(demo)
    code, meeting = run_json(capsys, "meetings", "add", "--db", str(demo), "--type", "theme_day", "--date",
                             "2026-11-15", "--topic", "重温入党誓词", "--present", people[0][0])
    code, counted = run_json(capsys, "study", "count-meeting", "--db", str(demo), "--meeting", meeting["id"],
                             "--half-days", "1")
    assert code == 0 and counted["members"] == 1 and counted["hours"] == 4
    code, again = run_json(capsys, "study", "count-meeting", "--db", str(demo), "--meeting", meeting["id"],
                           "--hours", "4")
    assert code == 1 and again["error"] == "meeting_counted"


@pytest.mark.parametrize("argv,error", [
    (["--form", "nope", "--hours", "2"], "unknown_study_form"),
    (["--form", "collective"], "hours"),
    (["--form", "collective", "--hours", "2", "--days", "1"], "hours"),
    (["--form", "collective", "--hours", "两"], "hours"),
])
def test_add_refuses_bad_input_with_a_chinese_message(capsys: pytest.CaptureFixture[str], demo: Path,  # noqa: F811
                                                      argv: list[str], error: str) -> None:
    people = members_of(demo)
    code, payload = run_json(capsys, "study", "add", "--db", str(demo), "--date", "2026-11-05", "--topic", "学习",
                             "--members", people[0][0], *argv)
    assert code == 1 and payload["error"] == error


def test_own_course_with_evidence_stores_the_file(capsys: pytest.CaptureFixture[str], demo: Path,  # noqa: F811
                                                  tmp_path: Path) -> None:
    people = members_of(demo)
    evidence = tmp_path / "结业证书.pdf"
    evidence.write_bytes(b"%PDF-1.4")
    code, _payload = run_json(capsys, "study", "add", "--db", str(demo), "--form", "online", "--date", "2026-11-05",
                             "--topic", "网络培训", "--hours", "6", "--members", people[0][0], "--evidence",
                             str(evidence))
    assert code == 0
    stored = list((demo.parent / "attachments").rglob("*"))
    assert any(p.is_file() and p.read_bytes() == b"%PDF-1.4" for p in stored)
    assert main(["study", "list", "--db", str(demo), "--year", "2026"]) == 0
    assert "网络培训" in capsys.readouterr().out


def test_certificates_and_materials_from_the_command_line(capsys: pytest.CaptureFixture[str], demo: Path,  # noqa: F811
                                                          tmp_path: Path) -> None:
    people = members_of(demo)
    code, cert = run_json(capsys, "study", "cert-add", "--db", str(demo), "--member", people[0][1], "--name",
                          "注册会计师", "--issuer", "财政部", "--obtained", "2020-05-01")
    assert code == 0 and cert["id"]
    handout = tmp_path / "党章辅导.txt"
    handout.write_text("学习辅导材料", encoding="utf-8")
    code, added = run_json(capsys, "study", "material-add", "--db", str(demo), "--title", "党章学习辅导", "--tags",
                           "党章 辅导", "--file", str(handout))
    assert code == 0 and len(added["sha256"]) == 64
    code, found = run_json(capsys, "study", "materials", "--db", str(demo), "--search", "辅导")
    assert [m["title"] for m in found["materials"]] == ["党章学习辅导"]
    assert found["materials"][0]["file"] == "党章辅导.txt"
    code, both = run_json(capsys, "study", "material-add", "--db", str(demo), "--title", "x")
    assert code == 1 and both["error"] == "file_or_link"
