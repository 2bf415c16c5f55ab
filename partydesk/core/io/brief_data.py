"""The activity brief (活动简报) of a meeting: what the user chose to publish, checked for personal data.

A brief goes public (a WeChat public account, a notice board), so it carries only what the user typed
or chose: a title, the date, a summary, photos, and — only when the user ticks it — the names of those
who took part. Members' ID numbers, phones and other fields never reach it, because nothing but names is
ever handed to it; ``check_brief`` also refuses a title, summary or name that holds something shaped like
an ID or phone number, in case one was typed or pasted in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from partydesk.core.errors import ValidationError

__all__ = ["PHOTO_SUFFIXES", "BriefData", "brief_file_name", "check_brief", "personal_numbers"]

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif")
# 18- or 15-digit ID numbers, mainland mobiles, landlines with an area code: runs of digits not inside longer runs.
_NUMBERS = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9])")


@dataclass(frozen=True)
class BriefData:
    """One brief: ``names`` is empty unless the user chose to list who took part."""

    title: str
    held_on: date
    organisation: str
    summary: str
    photos: tuple[Path, ...] = ()
    names: tuple[str, ...] = ()

    def date_text(self) -> str:
        """2026年11月20日."""
        return f"{self.held_on.year}年{self.held_on.month}月{self.held_on.day}日"

    def paragraphs(self) -> list[str]:
        """The summary's non-empty lines."""
        return [line.strip() for line in self.summary.splitlines() if line.strip()]


def personal_numbers(text: str) -> list[str]:
    """The ID- or phone-shaped numbers in ``text``."""
    return _NUMBERS.findall(text)


def check_brief(data: BriefData) -> None:
    """ValidationError naming the field when the brief has no title, holds an ID or phone number, or names a
    photo that is missing or not a picture."""
    if not data.title.strip():
        raise ValidationError("请填写简报标题。", field="title", code="no_title")
    for field, label, text in (("title", "标题", data.title), ("summary", "内容", data.summary),
                               ("names", "参加人员", "、".join(data.names))):
        if personal_numbers(text):
            raise ValidationError(f"简报的{label}中有像身份证号码或电话号码的数字。简报会公开发布，请删去后再生成。",
                                  field=field, code="personal_number")
    for photo in data.photos:
        if photo.suffix.lower() not in PHOTO_SUFFIXES:
            raise ValidationError(f"“{photo.name}”不是支持的图片（可用 JPG、PNG、BMP、GIF）。", field="photos",
                                  code="bad_photo")
        if not photo.is_file():
            raise ValidationError(f"找不到照片“{photo}”。", field="photos", code="no_photo")


def brief_file_name(data: BriefData, suffix: str) -> str:
    """The default file name: 活动简报-2026-11-20.docx."""
    return f"活动简报-{data.held_on.isoformat()}{suffix}"
