"""The fields of synced records as an office reads them (地点, not place; 出席, not present; 是, not true), for
the conflict review: a member's fields come from the field registry, every other record's from here."""

from __future__ import annotations

from typing import Any

from partydesk.core.domain import fields
from partydesk.core.domain.meetings import TYPES_BY_CODE as MEETING_TYPES
from partydesk.core.domain.member_events import EVENT_LABELS, EventKind
from partydesk.core.domain.study import FORMS_BY_CODE as STUDY_FORMS
from partydesk.core.domain.talks import form_name as talk_form

LABELS = {
    "activity_id": "学习活动", "basis": "学时计算", "body": "内容", "by_member_id": "谈话人", "by_name": "谈话人",
    "chair": "主持人", "code": "组织代码", "contact": "联系人", "content": "谈话内容", "dated": "日期",
    "deadline": "截止日期", "decisions": "决定事项", "detail": "详情", "done_at": "办理时间", "end_on": "结束日期",
    "end_time": "结束时间", "evidence_name": "证明材料", "evidence_sha": "证明材料（文件）",
    "expires_on": "有效期至", "file_name": "文件名", "file_sha": "文件", "follow_up": "跟进事项",
    "follow_up_done": "跟进已完成", "follow_up_on": "跟进日期", "form": "谈话形式", "form_code": "学习形式",
    "held_on": "日期", "hours_tenths": "学时", "individual": "个人自学", "issued": "发布日期", "issuer": "发布单位",
    "kind": "变动类别", "lecturer": "授课人", "link": "链接", "materials": "学习材料", "meeting_id": "会议",
    "member_id": "党员", "mime": "文件类型", "name": "名称", "note": "备注", "notes": "备注", "notice_id": "通知",
    "obtained_on": "取得日期", "on_date": "日期", "on_date_precision": "日期精度", "org_id": "所属党组织",
    "org_type": "组织类别", "organiser": "组织者", "parent_id": "上级党组织", "party_group": "党小组",
    "phone": "联系电话", "place": "地点", "position": "序号", "read_at": "阅读时间", "reason": "原因",
    "recorder": "记录人", "role": "身份", "secretary": "书记", "sha256": "文件", "size": "文件大小",
    "start_on": "开始日期", "start_time": "开始时间", "status": "出席情况", "tags": "标签", "talk_id": "谈话",
    "tenths": "学时", "term_end": "任期届满", "term_start": "任期开始", "text": "议程", "title": "标题",
    "topic": "主题", "type_code": "会议类型", "votes_abstaining": "弃权票", "votes_against": "反对票",
    "votes_for": "赞成票", "voting": "有表决权", "year": "年度",
}
_NAMES = {"meeting_guest": {"name": "姓名"}, "certification": {"name": "证书名称"}}  # where 名称 reads wrongly
_ATTENDANCE = {"present": "出席", "leave": "请假", "absent": "缺席"}


def label(record_type: str, key: str) -> str:
    """A field's Chinese name: a member's from the field registry (籍贯, not native_place); the column name
    itself for a field this program does not know (from a newer version)."""
    if record_type == "member" and fields.is_field(key):
        return fields.label(key)
    return _NAMES.get(record_type, {}).get(key) or LABELS.get(key, key)


def value(record_type: str, key: str, found: Any) -> str:
    """A value as the office reads it: a coded field by its name (大学本科, not 21; 党课, not a code), a yes or
    no as 是/否, 学时 in hours."""
    if found is None:
        return ""
    if isinstance(found, bool):
        return "是" if found else "否"
    text = str(found)
    if record_type == "member":
        table = fields.code_tables().get(key)
        return table.name(text) if table is not None and text in table else text
    if key in ("hours_tenths", "tenths") and isinstance(found, int):
        return f"{found / 10:g} 学时"
    named = {("meeting", "type_code"): lambda: MEETING_TYPES[text].name,
             ("meeting_attendance", "status"): lambda: _ATTENDANCE[text],
             ("member_event", "kind"): lambda: EVENT_LABELS[EventKind(text)],
             ("study_activity", "form_code"): lambda: STUDY_FORMS[text].name,
             ("talk", "form"): lambda: talk_form(text)}.get((record_type, key))
    try:
        return named() if named is not None else text
    except (KeyError, ValueError):  # a code this program does not know: shown as it is
        return text
