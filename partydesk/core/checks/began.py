"""An office new to the program: its to-dos about what happened before say where to enter it (补录).

A branch that starts in December has every member behind on the year's study hours and due a talk, on the
first day: the program knows nothing of the year before it. The to-dos stand (the hours and the talks are
owed until shown), but for ``NEW_FOR_DAYS`` after the file began its records they end by saying so, and
where the earlier ones are entered.
"""

from __future__ import annotations

from datetime import date

from partydesk.core.checks import memo
from partydesk.core.domain.partial_date import in_words
from partydesk.core.services.setup import site_role
from partydesk.core.storage import settings_repo
from partydesk.core.storage.database import Database

NEW_FOR_DAYS = 100  # (a never-talked-with member falls due up to three months and a bit after the start)


def recent_start(db: Database, today: date) -> date | None:
    """The day a branch's own file began its records, when that was within ``NEW_FOR_DAYS`` (else None;
    None in a committee's file, whose branches keep their own)."""
    def read() -> date | None:
        with db.read() as session:
            return settings_repo.records_began(session)

    began = memo.shared(("records_began", id(db)), read)
    if began is None or not 0 <= (today - began).days <= NEW_FOR_DAYS or site_role(db) == "committee":
        return None
    return began


def enter_earlier(began: date | None, what: str, where: str) -> str:
    """The words ending such a to-do: "（本程序自2026年12月2日起记录；此前的谈话请在“谈心谈话”中补录）"; ""
    when the file is not new."""
    if began is None:
        return ""
    return f"（本程序自{in_words(began)}起记录；此前的{what}请在{where}中补录）"
