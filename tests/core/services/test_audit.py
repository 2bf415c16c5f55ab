"""The audit trail (RELIABILITY §3.4): every write and every full read of personal data leaves a chained row."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import audit, members
from partydesk.core.services.rules import set_rule
from partydesk.core.storage.audit import GENESIS, canonical
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Organisation

TODAY = date(2026, 11, 28)
LI = MemberInput(name="李秀英", gender="女", id_number="110105194912310038", category="正式党员",
                 joined_on="1975-07-01", confirmed_on="1976-07-01", phone="13812345678",
                 address="示范市文三路1号", work_unit="恒达机械有限公司")
RULE = "meeting.general.months"


def _newest(db: Database) -> audit.AuditEntry:
    return audit.list_entries(db, LOCAL_USER, limit=1)[0]


def _dump(db: Database) -> str:
    """Every byte of text the audit table holds, as a grep would see it."""
    conn = sqlite3.connect(db.path)
    try:
        return "\n".join(" ".join(map(str, row)) for row in conn.execute("SELECT * FROM audit"))
    finally:
        conn.close()


def test_adding_a_member_appends_one_row_naming_actor_action_and_record_ids(db: Database) -> None:
    """member.add: who, what kind, the new member's and events' ids, table counts in the summary."""
    before = audit.entry_count(db)
    saved = members.add_member(db, LOCAL_USER, data=LI, today=TODAY)
    assert audit.entry_count(db) == before + 1
    entry = _newest(db)
    assert (entry.actor_id, entry.actor_role, entry.action) == ("local", "admin", "member.add")
    assert saved.member_id in entry.record_ids
    assert entry.summary.startswith("member: 1 new; member_event: ")
    assert entry.at.endswith("Z")


def test_an_edit_names_the_changed_fields_but_never_their_values(db: Database) -> None:
    """member.update lists field names (phone, work_unit), not the old or new numbers and names."""
    saved = members.add_member(db, LOCAL_USER, data=LI, today=TODAY)
    edited = MemberInput(**{**LI.__dict__, "phone": "13900001111", "work_unit": "第一小学"})
    members.update_member(db, LOCAL_USER, member_id=saved.member_id, data=edited, today=TODAY)
    entry = _newest(db)
    assert entry.action == "member.update" and entry.record_ids == (saved.member_id,)
    assert entry.summary == "member: 1 changed (phone, work_unit)"
    assert "13900001111" not in _dump(db) and "第一小学" not in _dump(db)


def test_a_write_that_changes_nothing_leaves_no_row_and_a_rule_change_does(db: Database) -> None:
    """Saving a rule at its current value writes no audit row; a real change writes one."""
    set_rule(db, LOCAL_USER, key=RULE, value=5)
    count = audit.entry_count(db)
    set_rule(db, LOCAL_USER, key=RULE, value=5)
    assert audit.entry_count(db) == count
    set_rule(db, LOCAL_USER, key=RULE, value=6)
    entry = _newest(db)
    assert (entry.action, entry.record_ids, entry.summary) == ("rule.update", (RULE,), "rule: 1 changed (value)")


def test_a_rolled_back_write_leaves_no_audit_row(db: Database) -> None:
    """The audit row lives in the write's transaction: an exception takes both away."""
    count = audit.entry_count(db)
    with pytest.raises(RuntimeError), db.write(LOCAL_USER, action="setup.organisation") as session:
        session.add(Organisation(code="T", name="临时", org_type="党支部"))
        session.flush()
        raise RuntimeError("stop")
    assert audit.entry_count(db) == count


def test_deleting_a_member_keeps_its_audit_rows_without_personal_data(db: Database) -> None:
    """After add, edit and delete, the rows naming the member remain; no name, ID or phone is in them."""
    saved = members.add_member(db, LOCAL_USER, data=LI, today=TODAY)
    members.update_member(db, LOCAL_USER, member_id=saved.member_id,
                          data=MemberInput(**{**LI.__dict__, "address": "示范市文二路2号"}), today=TODAY)
    members.delete_member(db, LOCAL_USER, member_id=saved.member_id, reason="录入重复")
    entries = audit.list_entries(db, LOCAL_USER, limit=10)
    naming = [e.action for e in entries if saved.member_id in e.record_ids]
    assert naming == ["member.delete", "member.update", "member.add"]
    text = _dump(db)
    for personal in ("李秀英", "110105194912310038", "13812345678", "文三路", "文二路", "恒达", "录入重复"):
        assert personal not in text, personal
    assert audit.verify_chain(db) is None


def test_each_hash_is_sha256_of_the_previous_hash_and_the_rows_canonical_json(db: Database) -> None:
    """The chain formula, checked independently of the code that wrote it."""
    members.add_member(db, LOCAL_USER, data=LI, today=TODAY)
    conn = sqlite3.connect(db.path)
    rows = conn.execute("SELECT seq, at, actor_id, actor_role, action, record_ids, summary, hash "
                        "FROM audit ORDER BY seq").fetchall()
    conn.close()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    prev = GENESIS
    for seq, at, actor_id, role, action, ids, summary, digest in rows:
        content = json.dumps({"seq": seq, "at": at, "actor_id": actor_id, "actor_role": role, "action": action,
                              "record_ids": json.loads(ids), "summary": summary},
                             sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert content == canonical(seq, at, actor_id, role, action, json.loads(ids), summary)
        assert digest == hashlib.sha256((prev + content).encode()).hexdigest()
        prev = digest


def test_record_access_appends_its_own_row(db: Database) -> None:
    """Revealing full numbers is audited with the record ids and a summary free of personal data."""
    saved = members.add_member(db, LOCAL_USER, data=LI, today=TODAY)
    count = audit.entry_count(db)
    audit.record_access(db, LOCAL_USER, action="reveal", record_ids=[saved.member_id],
                        summary="member: id_number, phone shown in full")
    assert audit.entry_count(db) == count + 1
    entry = _newest(db)
    assert (entry.action, entry.record_ids) == ("reveal", (saved.member_id,))
    assert audit.verify_chain(db) is None


def test_record_access_refuses_numbers_in_the_summary_and_unknown_actions(db: Database) -> None:
    """A summary holding a phone or ID number, or an action that is not an access kind, is a bug."""
    count = audit.entry_count(db)
    with pytest.raises(ValueError, match="ID or phone"):
        audit.record_access(db, LOCAL_USER, action="export.unmasked", record_ids=[], summary="13812345678")
    with pytest.raises(ValueError, match="unknown access action"):
        audit.record_access(db, LOCAL_USER, action="member.update", record_ids=[], summary="x")
    assert audit.entry_count(db) == count


def test_verify_chain_returns_the_first_broken_seq(db: Database) -> None:
    """Changing an early row's content (trigger dropped) breaks the chain exactly there."""
    members.add_member(db, LOCAL_USER, data=LI, today=TODAY)
    assert audit.verify_chain(db) is None
    conn = sqlite3.connect(db.path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET actor_id = 'someone' WHERE seq = 1")
    conn.commit()
    conn.close()
    assert audit.verify_chain(db) == 1
