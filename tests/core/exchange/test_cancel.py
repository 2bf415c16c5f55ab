"""Cancelling an export or an import part-way: nothing is written (no file, no ledger row, no record, no
stored attachment), the user is told through ``Cancelled``, and the same work succeeds when started again."""

from __future__ import annotations

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage import sync_repo
from tests.core.exchange.conftest import Sites
from tests.core.exchange.test_rejections import state

COMMITTEE = "1000"


def cancelling_at(text: str, heard: list[str]) -> Progress:
    """A progress whose user presses Cancel when ``text`` (a stage's words) is first shown."""
    progress: Progress

    def shown(_done: int, _total: int, said: str) -> None:
        heard.append(said)
        if text in said:
            progress.cancel()

    progress = Progress(shown)
    return progress


@pytest.mark.parametrize("stage", ["解密", "检查记录", "写入记录", "附件", "登记"])
def test_an_import_cancelled_at_any_stage_writes_nothing(sites: Sites, stage: str) -> None:
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick, snapshot=True)
    before = state(sites.committee)
    heard: list[str] = []
    with pytest.raises(Cancelled):
        import_package(sites.committee, LOCAL_USER, sent.path, progress=cancelling_at(stage, heard))
    assert any(stage in said for said in heard)
    assert state(sites.committee) == before
    again = import_package(sites.committee, LOCAL_USER, sent.path, progress=Progress())
    assert again.status == "applied" and again.counts["new"] == sum(sent.counts.values())


def test_a_dry_run_can_be_cancelled_too(sites: Sites) -> None:
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with pytest.raises(Cancelled):
        import_package(sites.committee, LOCAL_USER, sent.path, dry_run=True, progress=cancelling_at("检查", []))


@pytest.mark.parametrize("stage", ["收集", "加密", "写入"])
def test_an_export_cancelled_before_writing_leaves_no_file_and_uses_no_number(sites: Sites, stage: str) -> None:
    heard: list[str] = []
    with pytest.raises(Cancelled):
        export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick,
                       progress=cancelling_at(stage, heard))
    assert list(sites.stick.iterdir()) == []
    with sites.branch.read() as session:
        assert sync_repo.packages(session) == []
    done = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick, progress=Progress())
    assert done.channel_seq == 1 and [p.name for p in sites.stick.iterdir()] == [done.path.name]
