"""One roster workbook in every format the importer reads, for tests that compare formats.

``build_roster_xlsx`` writes the roster with openpyxl; LibreOffice (``soffice --headless --convert-to``)
turns it into .xls and .ods. Where LibreOffice is missing (a bare CI machine), the copies committed in
tests/data/spreadsheets/ are used instead; they were made by running this file:

    python tests/core/io/sheet_fixtures.py      # rewrites tests/data/spreadsheets/{roster,facts}.{xls,ods}

and a test checks them against a fresh conversion whenever LibreOffice is there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from partydesk.core.domain.idnumber import check_char

DATA = Path(__file__).resolve().parents[2] / "data" / "spreadsheets"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def make_id(birth: date, seq: int, region: str = "110105") -> str:
    """A valid 18-digit resident ID number (odd ``seq`` = male)."""
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


HEADER = ["序号", "姓名", "性别", "公民身份号码", "出生日期", "人员类别", "入党日期", "转正日期", "党小组", "联系电话"]
IDS = [make_id(date(1980, 3, 4), 11), make_id(date(1985, 5, 6), 22), make_id(date(1975, 7, 8), 33),
       make_id(date(1990, 1, 2), 44), make_id(date(1970, 9, 9), 55), make_id(date(1966, 6, 6), 66)]


def build_roster_xlsx(path: Path) -> Path:
    """The roster: two title rows, the header in row 3, and rows that earn every kind of verdict.

    Row 4–6 share a merged 党小组 (filled down); row 6 holds the ID typed as a number (rejected); row 7 a
    masked ID (rejected); rows 8–9 share a merged 姓名 (row 9 rejected); row 10 has its dates as text; row
    11 is hidden; column J (联系电话) of row 12 holds a date typed as a serial number in 出生日期.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["幸福社区第一支部党员花名册"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(["填报日期：2026年5月1日"])
    ws.append(HEADER)
    lines: list[list[object]] = [
        [1, "张三", "男", IDS[0], date(1980, 3, 4), "正式党员", date(2005, 7, 1), date(2006, 7, 1), "第一党小组",
         "13800138000"],
        [2, "李梅", "女", IDS[1], date(1985, 5, 6), "正式党员", date(2010, 7, 1), date(2011, 7, 1), None, None],
        [3, "王五", "男", 1.10105197507e17, date(1975, 7, 8), "正式党员", date(2000, 7, 1), date(2001, 7, 1), None,
         None],
        [4, "赵六", "女", "**************" + IDS[3][-4:], date(1990, 1, 2), "正式党员", date(2015, 7, 1),
         date(2016, 7, 1), "第二党小组", None],
        [5, "钱七", "男", IDS[4], date(1970, 9, 9), "正式党员", date(1995, 7, 1), date(1996, 7, 1), "第二党小组",
         None],
        [6, None, "女", IDS[5], date(1966, 6, 6), "正式党员", date(1990, 7, 1), date(1991, 7, 1), "第二党小组",
         None],
        [7, "孙八", "男", make_id(date(1982, 8, 8), 77), "1982.08.08", "正式党员", "2008年7月1日", "2009-07-01",
         "第三党小组", "13900139000"],
        [8, "周九", "女", make_id(date(1988, 8, 8), 88), date(1988, 8, 8), "预备党员", date(2026, 1, 1), None,
         "第三党小组", None],
        [9, "吴十", "男", make_id(date(1977, 7, 7), 99), 28313, "正式党员", date(2001, 7, 1), date(2002, 7, 1),
         "第三党小组", None],
    ]
    for line in lines:
        ws.append(line)
    ws.merge_cells("I4:I6")  # 党小组 shared by the first three members
    ws.merge_cells("B8:B9")  # one 姓名 over two members: the second is rejected
    ws.row_dimensions[11].hidden = True
    for column, width in zip("ABCDEFGHIJ", (6, 8, 6, 22, 12, 10, 12, 12, 12, 14), strict=True):
        ws.column_dimensions[column].width = width
        ws.cell(3, "ABCDEFGHIJ".index(column) + 1).number_format = "@"
    for row in range(4, 13):
        ws.cell(row, 4).number_format = "@" if row != 6 else "0"
        for column in (5, 7, 8):
            ws.cell(row, column).number_format = "yyyy-mm-dd"
    ws.cell(12, 5).number_format = "General"  # the serial number stays a number
    wb.save(path)
    return path


def build_facts_xlsx(path: Path) -> Path:
    """A small roster in the 1904 date system with an error cell (C2 #N/A), a hidden column (D) and a date
    typed as a serial number (E3: 27759 is 1980-01-01 counted from 1904)."""
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "花名册"
    ws.append(["姓名", "性别", "民族", "备注", "出生日期"])
    ws.append(["张三", "男", "#N/A", "隐藏列", date(1980, 3, 4)])
    ws.append(["李梅", "女", "汉族", None, 27759])
    ws.cell(2, 5).number_format = "yyyy-mm-dd"
    ws.column_dimensions["D"].hidden = True
    wb.save(path)
    return path


def convert(source: Path, suffix: str, folder: Path) -> Path:
    """``source`` converted by LibreOffice to ``suffix`` ("xls" or "ods") in ``folder``."""
    assert SOFFICE is not None
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=folder))
    subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", suffix,
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    shutil.rmtree(profile, ignore_errors=True)
    return folder / f"{source.stem}.{suffix}"


BUILDERS = {"roster": build_roster_xlsx, "facts": build_facts_xlsx}


def roster_in(suffix: str, folder: Path, name: str = "roster") -> Path:
    """Workbook ``name`` as ``suffix`` ("xlsx", "xls" or "ods") in ``folder``: converted afresh, else the
    committed copy."""
    source = BUILDERS[name](folder / f"{name}.xlsx")
    if suffix == "xlsx":
        return source
    if SOFFICE is not None:
        return convert(source, suffix, folder)
    copy = folder / f"{name}.{suffix}"
    shutil.copyfile(DATA / f"{name}.{suffix}", copy)
    return copy


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in BUILDERS.items():
            built = build(Path(tmp) / f"{name}.xlsx")
            for kind in ("xls", "ods"):
                shutil.copyfile(convert(built, kind, Path(tmp)), DATA / f"{name}.{kind}")
    sys.exit(0)
