"""What a package carries, in the office's words: "党员 40 名、会议 1 次", not "2 098 条记录".

A package counts its records by type (the manifest's ``counts``), and most of them are the details of a few
things an office thinks of: one meeting travels with its attendance, agenda and motions, one member with
the events of their record. So the things are named and counted, and the details only added up.
"""

from __future__ import annotations

from collections.abc import Mapping

# The things an office counts, in the order it thinks of them, with their measure words.
_THINGS = (("member", "党员 {n} 名"), ("meeting", "会议 {n} 次"), ("talk", "谈心谈话 {n} 次"),
           ("study_activity", "学习活动 {n} 项"), ("certification", "技能证书 {n} 个"), ("notice", "通知 {n} 份"),
           ("notice_receipt", "通知已读或已办理 {n} 份"), ("study_material", "学习资料 {n} 份"),
           ("organisation", "组织信息 {n} 条"),
           ("site_key", "密钥更新 {n} 条"), ("record_refusal", "退回记录的通知 {n} 条"))


# What a committee's package to a branch carries of its own; the branch's records in it are corrections.
_SENT_DOWN = frozenset({"notice", "notice_attachment", "study_material", "site_key", "record_refusal"})


def contents_in_words(counts: Mapping[str, int], *, corrections: bool = False) -> str:
    """The records of a package by type, in words ('' when it carries none: a receipt).

    "党员 40 名、会议 1 次，连同明细共 2098 条记录" (the details: a member's changes of record, a meeting's
    attendance and agenda, credited study hours, attachments); only details: "明细 37 条记录（…）".
    ``corrections``: a package from a committee to a branch, where the branch's own kinds of record (members,
    meetings…) are corrections of them: "通知 1 份；更正下级的记录：党员 1 名".
    """
    total = sum(n for n in counts.values() if n > 0)
    if not total:
        return ""
    present = [(name, words.format(n=counts[name])) for name, words in _THINGS if counts.get(name, 0) > 0]
    named = sum(counts[name] for name, _words in present)
    if not present:
        return f"明细 {total} 条记录（如党员的变动、会议的出席和议程、学时）"
    if corrections:
        own = "、".join(words for name, words in present if name in _SENT_DOWN)
        fixed = "、".join(words for name, words in present if name not in _SENT_DOWN)
        text = "；".join(part for part in (own, f"更正下级的记录：{fixed}" if fixed else "") if part)
    else:
        text = "、".join(words for _name, words in present)
    return text if total == named else f"{text}，连同明细共 {total} 条记录"


REMOVED_NAMED = 20  # members named one by one; beyond, a count


def removed_in_words(names: list[str]) -> str:
    """The members a package deletes, as a sentence names them: 杜春丽、王芳 (等 25 名)."""
    shown = "、".join(names[:REMOVED_NAMED])
    return shown + (f"等 {len(names)} 名" if len(names) > REMOVED_NAMED else "")


def added_in_words(names: list[str], count: int) -> str:
    """The members a package adds, the first named and all counted: 杜春丽、王芳等 1200 名 (only a few are named)."""
    return "、".join(names) + (f"等 {count} 名" if count > len(names) else "")


def changed_in_words(said: list[str], count: int) -> str:
    """The members a package changes, with their fields: 王芳（联系电话、工作单位）；李强（党籍状态）；另有 3 名."""
    return "；".join(said) + (f"；另有 {count - len(said)} 名" if count > len(said) else "")


# A record other than a member, as a sentence names it: 会议“重温入党誓词”.
_RECORD_KINDS = {"meeting": "会议", "talk": "谈心谈话", "study_activity": "学习活动", "certification": "技能证书",
                 "member_event": "党员的变动记录", "meeting_attendance": "会议的出席记录", "study_credit": "学时记录",
                 "organisation": "组织信息"}


def record_in_words(record: Mapping[str, object]) -> str:
    """A received record that is not a member, by its kind and its topic, title or name where it has one, and
    its day where it has one (a branch holds 重温入党誓词 in January and again in July)."""
    data = record.get("data")
    data = data if isinstance(data, Mapping) else {}
    kind = _RECORD_KINDS.get(str(record.get("type")), "记录")
    said = next((str(data[k]) for k in ("topic", "title", "name") if data.get(k)), "")
    day = next((str(data[k]) for k in ("held_on", "start_on", "on_date", "obtained_on") if data.get(k)), "")
    return (f"{kind}“{said}”" if said else kind) + (f"（{day}）" if day else "")
