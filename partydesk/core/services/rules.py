"""Reading and editing the rule table (house rule 7): the office's values beside the national defaults."""

from __future__ import annotations

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.checks import memo
from partydesk.core.domain.rules import RULES_BY_KEY
from partydesk.core.errors import ValidationError
from partydesk.core.storage import settings_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.settings_repo import RuleRecord


def list_rules(db: Database) -> list[RuleRecord]:
    """All rules with current values and defaults."""
    with db.read() as session:
        return settings_repo.list_rules(session)


def rule_values(db: Database) -> dict[str, int]:
    """The current value of every rule, by key (read once inside a ``memo.scope``: a run of the checks, or
    the comparison of hundreds of branches, asks for them hundreds of times)."""
    return dict(memo.shared(("rule_values", id(db)), lambda: {r.key: r.value for r in list_rules(db)}))


def set_rule(db: Database, actor: Actor, *, key: str, value: int) -> Changes:
    """Change one rule; the value must lie within the rule's range."""
    known = RULES_BY_KEY.get(key)
    if known is None:
        raise ValidationError(f"未知的规则“{key}”。", field=key, code="unknown_rule")
    if not known.minimum <= value <= known.maximum:
        raise ValidationError(
            f"“{known.label}”应在 {known.minimum}–{known.maximum} {known.unit}之间，不能是 {value}。",
            field=key, code="out_of_range",
        )
    with db.write(actor, action="rule.update") as session:
        changed = settings_repo.set_rule(session, key, value, actor.user_id)
    return Changes.of(ChangeKind.RULE, key) if changed else Changes()


def restore_default(db: Database, actor: Actor, *, key: str) -> Changes:
    """Put one rule back to its national default."""
    known = RULES_BY_KEY.get(key)
    if known is None:
        raise ValidationError(f"未知的规则“{key}”。", field=key, code="unknown_rule")
    return set_rule(db, actor, key=key, value=known.default)
