"""RELIABILITY X-10 (basics): ID numbers and phone numbers never reach the log file, tracebacks included."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from partydesk.core.logsetup import LOG_FILE, configure_logging, scrub

ID_18 = "11010519491231002X"
ID_15 = "110105491231002"
MOBILE = "13812345678"
LANDLINE = "010-62345678"
PERSONAL = (ID_18, ID_15, MOBILE, LANDLINE, ID_18.lower())
# What a leak would look like whatever the separators: 15–18 digits in a row, or a mobile number.
LEAK_RE = re.compile(r"[0-9]{15,17}[0-9Xx]?|1[3-9][0-9]{9}")

log = logging.getLogger("partydesk.tests.logsetup")



@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The app's file logging at DEBUG into a temp folder; the root logger is put back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    path = configure_logging(tmp_path / "logs", level=logging.DEBUG)
    try:
        yield path
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def _written(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def _assert_clean(text: str) -> None:
    for value in PERSONAL:
        assert value not in text
    assert LEAK_RE.findall(text) == []


def _save_member(id_number: str, phone: str) -> None:
    # The raise line itself names both values, so the traceback's source line carries them too.
    raise ValueError(f"保存失败：身份证 11010519491231002X 手机 13812345678（{id_number}, {phone}）")


def test_log_file_is_where_configure_says(log_file: Path) -> None:
    """configure_logging writes partydesk.log in the given folder."""
    log.info("启动")
    assert log_file.name == LOG_FILE
    assert "启动" in _written(log_file)


def test_id_and_phone_in_a_message_are_scrubbed(log_file: Path) -> None:
    """Message text and %-arguments are scrubbed; the rest of the message survives."""
    log.debug("导入党员 %s，电话 %s，座机 %s", ID_18, MOBILE, LANDLINE)
    log.info("旧身份证 %s", ID_15)
    log.warning("记录 %r", {"id_number": ID_18.lower(), "phone": MOBILE})
    text = _written(log_file)
    _assert_clean(text)
    assert "导入党员" in text and "旧身份证" in text and "[已隐去]" in text


def test_id_and_phone_in_a_traceback_are_scrubbed(log_file: Path) -> None:
    """log.exception: the exception message and the source lines of the traceback are scrubbed."""
    try:
        _save_member(ID_18, MOBILE)
    except ValueError:
        log.exception("保存党员失败")
    text = _written(log_file)
    _assert_clean(text)
    assert "Traceback" in text and "ValueError" in text and "_save_member" in text


def test_chained_exception_and_stack_info_are_scrubbed(log_file: Path) -> None:
    """Both parts of a chained traceback, and stack_info, go through the scrubber."""
    try:
        try:
            _save_member(ID_15, LANDLINE)
        except ValueError as exc:
            raise RuntimeError(f"导入第 3 行失败：{ID_18}") from exc
    except RuntimeError:
        log.error("导入失败 %s", MOBILE, exc_info=True, stack_info=True)
    text = _written(log_file)
    _assert_clean(text)
    assert "RuntimeError" in text and "caused by: ValueError" in text
    assert "Stack (most recent call last)" in text


def test_reconfiguring_replaces_the_handler(log_file: Path, tmp_path: Path) -> None:
    """A second configure_logging (e.g. after switching database) leaves one scrubbing file handler."""
    second = configure_logging(tmp_path / "other", level=logging.DEBUG)
    log.info("电话 %s", MOBILE)
    assert len([h for h in logging.getLogger().handlers if getattr(h, "_partydesk", False)]) == 1
    _assert_clean(_written(second))
    assert "电话" in _written(second)
    assert "电话" not in _written(log_file)


@pytest.mark.parametrize("value", [
    pytest.param("+8613812345678", id="plus86"),
    pytest.param("138-1234-5678", id="dashed-mobile"),
    pytest.param("138 1234 5678", id="spaced-mobile"),
    pytest.param("１１０１０５１９４９１２３１００２Ｘ", id="full-width-id"),
    pytest.param("0086 13812345678", id="0086-mobile"),
    pytest.param("身份证号11010519491231002X。", id="id-in-sentence"),
])
def test_raw_user_input_forms_are_scrubbed(value: str) -> None:
    """Forms the validators accept before normalising (RELIABILITY 4.1/4.2) are scrubbed too.
    """
    cleaned = scrub(f"输入“{value}”无效")
    assert "[已隐去]" in cleaned
    digits = re.sub(r"\D", "", cleaned.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}))
    assert len(digits) < 7, cleaned


@pytest.mark.parametrize("spaced", ["1101 0519 4912 3100 2X", "110105 19491231 002X", "110105-1949-1231-002x",
                                    "１１０１０５ １９４９１２３１ ００２Ｘ"])
def test_id_numbers_in_any_spacing_are_scrubbed(spaced: str) -> None:
    """People type ID numbers in groups; grouped forms are hidden like the plain one."""
    text = scrub(f"证件号 {spaced} 有误")
    assert "已隐去" in text
    assert re.sub(r"\D", "", text) == ""


def test_logged_exceptions_keep_type_and_frames_but_not_the_message(log_file: Path) -> None:
    """An exception message can hold a member's name; the log keeps where it happened, not what it said."""
    try:
        raise KeyError("张三丰")
    except KeyError:
        log.exception("saving member %s failed", "m-42")
    text = _written(log_file)
    assert "张三丰" not in text
    assert "KeyError" in text and "test_logsetup.py" in text and "m-42" in text


def test_charts_do_not_fill_the_log(log_file: Path) -> None:
    """A chart with year labels ("2019", "2020") leaves no matplotlib notes in the log; our own lines stay."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    Figure().subplots().bar(["2019", "2020"], [3, 4])
    log.info("图表已绘制")
    text = _written(log_file)
    assert "matplotlib" not in text and "图表已绘制" in text
