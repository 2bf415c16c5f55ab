"""The round trip (SYNC.md tests): a branch's package imported at its committee gives equal records; a
re-import, even renamed, is a no-op; the receipt coming back advances the branch's watermark."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import UTC, timedelta
from typing import Any

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.sync_records import owned_records
from tests.core.exchange.conftest import Sites

COMMITTEE_CODE, BRANCH_CODE = "1000", "3301060012"


def dump(db: Database, owner: str) -> dict[str, Any]:
    """Every record owned by ``owner`` as exchanged, without the local change counter."""
    with db.read() as session:
        return {(r["type"], r["id"]): (r["version"], r["deleted"], r["data"])
                for r in owned_records(session, owner, 0)}


def test_branch_records_arrive_equal_at_the_committee(sites: Sites) -> None:
    """Export → import into a fresh committee database gives equal canonical dumps."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    assert sent.counts["member"] == 12 and sent.counts["meeting"] > 0
    report = import_package(sites.committee, LOCAL_USER, sent.path)
    assert report.status == "applied", report.message
    assert report.counts["new"] == sum(sent.counts.values()) and report.counts["rejected"] == 0
    branch_site = sites.branch.site.site_id  # type: ignore[union-attr]
    assert dump(sites.committee, branch_site) == dump(sites.branch, branch_site)


@pytest.fixture
def china_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local time zone set to China's (eight hours ahead of the UTC the ledger keeps)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("china_time")
def test_reimport_and_renamed_reimport_change_nothing(sites: Sites) -> None:
    """The same package again, under another name, is reported as already imported (when, in the office's
    own time)."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    renamed = sites.stick / "copy.pdsync"
    shutil.copyfile(sent.path, renamed)
    before = sites.committee.path.read_bytes()
    again = import_package(sites.committee, LOCAL_USER, renamed)
    assert again.status == "already_imported"
    assert sites.committee.path.read_bytes() == before
    with sites.committee.read() as session:  # said in the office's own time, by no internal user name
        done = sync_repo.package(session, sent.package_id)
    assert done is not None
    when = done.handled_at.replace(tzinfo=UTC).astimezone()
    assert when.utcoffset() == timedelta(hours=8)
    assert again.message == f"这个数据包已于 {when:%Y-%m-%d %H:%M} 导入过，本次未做任何改动。"


def test_receipt_advances_the_watermark_and_the_next_export_is_incremental(sites: Sites) -> None:
    """Until the committee's receipt comes back everything is re-sent; after it, only new changes."""
    first = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    import_package(sites.committee, LOCAL_USER, first.path)
    again = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    assert again.counts == first.counts  # not acknowledged yet: a lost stick means a harmless re-send
    receipt = export_package(sites.committee, LOCAL_USER, to_org_code=BRANCH_CODE, out_dir=sites.stick)
    assert receipt.acks == 1
    back = import_package(sites.branch, LOCAL_USER, receipt.path)
    assert back.status == "applied" and back.acknowledged == 1
    from partydesk.core.errors import ValidationError

    try:
        export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    except ValidationError as exc:
        assert exc.code == "nothing" and "自上次报送" in exc.message  # a branch sends up
    else:
        raise AssertionError("nothing changed since the acknowledged package, yet a package was written")


def test_study_records_travel_too(sites: Sites) -> None:
    """The demo branch's study activities, credits, certificates and materials arrive equal."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    assert {"study_activity", "study_credit", "certification", "study_material"} <= set(sent.counts)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    branch_site = sites.branch.site.site_id  # type: ignore[union-attr]
    assert dump(sites.committee, branch_site) == dump(sites.branch, branch_site)
