"""The round trip (SYNC.md tests): a branch's package imported at its committee gives equal records; a
re-import, even renamed, is a no-op; the receipt coming back advances the branch's watermark."""

from __future__ import annotations

import shutil
from typing import Any

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
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


def test_reimport_and_renamed_reimport_change_nothing(sites: Sites) -> None:
    """The same package again, under another name, is reported as already imported."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    renamed = sites.stick / "copy.pdsync"
    shutil.copyfile(sent.path, renamed)
    before = sites.committee.path.read_bytes()
    again = import_package(sites.committee, LOCAL_USER, renamed)
    assert again.status == "already_imported"
    assert "导入过" in again.message
    assert sites.committee.path.read_bytes() == before


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
        assert exc.code == "nothing"
    else:
        raise AssertionError("nothing changed since the acknowledged package, yet a package was written")


def test_study_records_travel_too(sites: Sites) -> None:
    """The demo branch's study activities, credits, certificates and materials arrive equal."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    assert {"study_activity", "study_credit", "certification", "study_material"} <= set(sent.counts)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    branch_site = sites.branch.site.site_id  # type: ignore[union-attr]
    assert dump(sites.committee, branch_site) == dump(sites.branch, branch_site)
