"""``partydesk self-test``: proves a bundle is complete (everything the program loads at run time is there)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from partydesk.core.errors import KnownError


def cmd_self_test(args: argparse.Namespace) -> dict[str, Any]:
    """Temp database, migrations, a chart rendered offscreen, an exchange record parsed: proves a bundle is
    complete."""
    del args
    from partydesk.core.charts.common import bar_chart, to_png
    from partydesk.core.demo import populate
    from partydesk.core.exchange.canonical import canonical, data_hash
    from partydesk.core.exchange.reader import parse_records
    from partydesk.core.services.rules import list_rules
    from partydesk.core.storage import sync_typed
    from partydesk.core.storage.database import open_database
    from partydesk.core.storage.migrate import head_revision
    from partydesk.core.storage.sync_records import owned_lines

    with tempfile.TemporaryDirectory(prefix="partydesk-selftest-") as tmp:
        db = open_database(Path(tmp) / "self-test.db")
        try:
            populate(db, seed=1)
            problems = db.integrity_problems()
            rules = [r for r in list_rules(db) if r.key.startswith("meeting.")]
            with db.read() as session:
                lines = [line for _kind, line in owned_lines(session, db.site.site_id, 0)]  # type: ignore[union-attr]
        finally:
            db.close()
        if problems:
            raise KnownError("自检失败：数据库检查未通过。", code="self_test")
        png = to_png(bar_chart("会议频次（月）", [r.label.split("：")[0] for r in rules], [r.value for r in rules]))
        if not png.startswith(b"\x89PNG"):
            raise KnownError("自检失败：图表未能生成。", code="self_test")
    data = {"name": "自检"}
    record = {"type": "member", "type_version": 1, "id": "self-test", "owner_site": "self-test", "version": "",
              "base_version": None, "deleted": False, "updated_at": "", "updated_by": "", "data": data,
              "row_hash": data_hash(data)}
    if parse_records(canonical(record)) != [record]:  # the compiled JSON reader of sync files is there
        raise KnownError("自检失败：同步文件读取模块不可用。", code="self_test")
    jsonl = b"\n".join(lines)
    typed = sync_typed.read(jsonl)  # and the typed one, on the demo's own records
    if typed is None or [sync_typed.plain(r) for r in typed] != parse_records(jsonl):
        raise KnownError("自检失败：同步文件快速读取模块不可用。", code="self_test")
    return {"message": f"自检通过：数据库结构 {head_revision()}，图表 {len(png)} 字节", "ok": True,
            "schema": head_revision(), "chart_bytes": len(png)}
