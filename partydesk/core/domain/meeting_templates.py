"""A starting template per meeting type: the usual agenda and a body skeleton the recorder fills in.

The body is the simple rich text the record dialog edits (HTML with headings in bold and bullet lists);
the agenda items are plain lines. These follow common practice for 会议记录 (DOMAIN.md §2.2: agenda,
reports relayed, each speaker's points, voting method and result, decisions), not one national form. The
votes and the decisions have tabs of their own in the dialog and sections of their own in the printed
minutes, so the body does not ask for them a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class MeetingTemplate:
    """The agenda and body a new record of one type starts from."""

    agenda: tuple[str, ...]
    sections: tuple[str, ...]

    @property
    def body(self) -> str:
        """The body skeleton as HTML: each section a bold line followed by an empty bullet."""
        parts = [f"<p><b>{escape(s)}</b></p><ul><li></li></ul>" for s in self.sections]
        return "".join(parts)


TEMPLATES: dict[str, MeetingTemplate] = {
    "general": MeetingTemplate(
        ("传达学习上级文件和会议精神", "支部委员会报告工作", "讨论决定有关事项", "表决"),
        ("主持人讲话", "传达学习内容", "讨论发言（发言人及要点）", "散会")),
    "committee": MeetingTemplate(
        ("研究支部近期工作", "讨论提交支部党员大会的事项", "确定工作分工"),
        ("议题", "委员发言要点", "散会")),
    "group": MeetingTemplate(
        ("组织学习", "交流思想、谈心谈话", "开展批评与自我批评"),
        ("学习内容", "交流发言（发言人及要点）", "小组意见", "散会")),
    "lecture": MeetingTemplate(
        ("主讲人讲授党课", "学员交流"),
        ("党课题目", "主讲人", "讲授要点", "交流发言", "散会")),
    "theme_day": MeetingTemplate(
        ("重温入党誓词", "集中学习", "开展主题活动", "交纳党费"),
        ("活动主题", "学习内容", "活动情况", "散会")),
    "org_life": MeetingTemplate(
        ("通报上一次组织生活会整改情况", "支部班子对照检查", "党员个人对照检查", "开展批评与自我批评", "明确整改措施"),
        ("会前准备（学习、谈心谈话、征求意见）", "对照检查发言", "批评与自我批评（发言人及意见）", "整改措施", "散会")),
    "appraisal": MeetingTemplate(
        ("党员个人自评", "党员互评", "民主测评", "支部综合评定等次"),
        ("个人自评情况", "党员互评情况", "民主测评结果", "评定等次（优秀、合格、基本合格、不合格）", "散会")),
    "other": MeetingTemplate(("会议议题",), ("会议内容", "散会")),
}


def template_for(type_code: str) -> MeetingTemplate:
    """The template of a meeting type; 其他's for a code without its own."""
    return TEMPLATES.get(type_code, TEMPLATES["other"])
