"""Operations for counting a meeting as study (计为学习): list the year's qualifying meetings, look up
which meetings are counted, and count one (the result carries the Changes the runner publishes)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.services import study, study_meetings
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_meetings_to_count(parent: QWidget, ctx: AppContext, year: int, on_done: DoneCallback) -> TaskHandle:
    """The year's 党课, 主题党日 and 党小组学习 meetings (``list[MeetingToCount]``), counted or not."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: study_meetings.meetings_to_count(db, year),
               label="load meetings to count", on_done=on_done)


def load_meeting_to_count(parent: QWidget, ctx: AppContext, meeting_id: str, on_done: DoneCallback) -> TaskHandle:
    """One meeting as ``list[MeetingToCount]`` (empty when it does not qualify or is gone)."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: study_meetings.meetings_to_count_by_ids(db, [meeting_id]),
               label="load meeting to count", on_done=on_done)


def load_counted(parent: QWidget, ctx: AppContext, ids: Collection[str] | None, on_done: DoneCallback) -> TaskHandle:
    """Which of ``ids`` (or of all meetings) are counted as study (``set[str]``)."""
    db, wanted = ctx.db, None if ids is None else list(ids)
    return run(parent, ctx, lambda _progress: study_meetings.counted_meetings(db, wanted),
               label="load counted meetings", on_done=on_done)


def count_meeting(parent: QWidget, ctx: AppContext, meeting_id: str, tenths: int, *, on_done: DoneCallback,
                  on_error: ErrorCallback) -> TaskHandle:
    """Count a meeting as study for the members present (``ActivityAdded``)."""
    db, actor = ctx.db, ctx.actor

    def write(_progress: Any) -> Any:
        return study.count_meeting(db, actor, meeting_id, hours_tenths=tenths)

    return run(parent, ctx, write, label="count meeting as study", on_done=on_done, on_error=on_error)
