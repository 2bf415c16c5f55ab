"""Regenerate and check the committed build products of the GUI: forms and translations.

    python -m partydesk.gui.buildtools forms          ui/*.ui -> partydesk/gui/forms/ui_*.py (pyside6-uic)
    python -m partydesk.gui.buildtools translations   sources -> resources/translations/*.ts -> *.qm
    python -m partydesk.gui.buildtools check          exit 1 when a committed product is stale

The generated files are committed (so a checkout runs without the Qt tools); ``check`` and the tests
make sure nobody edits a form or a .ts without regenerating what is built from it.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "partydesk" / "gui" / "forms"
GUI_DIR = ROOT / "partydesk" / "gui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
# English is the source language; every other language listed here gets a .ts and a built .qm.
LANGUAGES = ("zh_CN",)


def tool(name: str) -> Path:
    """A Qt tool installed beside the running interpreter (venv bin/ or Scripts\\), else on PATH."""
    exe = name + (".exe" if os.name == "nt" else "")
    beside = Path(sys.executable).parent / exe
    if beside.exists():
        return beside
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"找不到 {name}：请在虚拟环境中安装 PySide6-Essentials。")
    return Path(found)


def _run(args: Sequence[str | Path]) -> None:
    # The tools chatter on stdout ("Updating ..."); keep it for errors only.
    done = subprocess.run([str(a) for a in args], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(args[0]).name} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def ui_files() -> list[Path]:
    """Every Designer source, in a stable order."""
    return sorted(UI_DIR.glob("*.ui"))


def form_path(ui: Path, forms_dir: Path = FORMS_DIR) -> Path:
    """Where the compiled form of ``ui`` lives: ui/settings_page.ui -> forms/ui_settings_page.py."""
    return forms_dir / f"ui_{ui.stem}.py"


def build_forms(forms_dir: Path = FORMS_DIR) -> list[Path]:
    """Compile every ui/*.ui into ``forms_dir``; returns the written files."""
    written = []
    for ui in ui_files():
        # Run on the path relative to ROOT so the generated header does not embed a machine's folders.
        out = form_path(ui, forms_dir)
        _run([tool("pyside6-uic"), ui.relative_to(ROOT), "-o", out])
        written.append(out)
    return written


def source_files() -> list[Path]:
    """The Python and Designer files whose strings go into the translations (relative to ROOT)."""
    py = [p for p in sorted(GUI_DIR.rglob("*.py")) if FORMS_DIR not in p.parents]
    return [p.relative_to(ROOT) for p in [*py, *ui_files()]]


def ts_path(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """The translation source for ``lang``."""
    return directory / f"partydesk_{lang}.ts"


def qm_path(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """The built translation for ``lang``."""
    return directory / f"partydesk_{lang}.qm"


def update_ts(ts: Path, lang: str) -> None:
    """Merge the current source strings into ``ts``, keeping translations and dropping vanished ones.

    ``-locations none`` keeps the file stable when code moves, so the staleness check compares content.
    """
    _run([
        tool("pyside6-lupdate"), *source_files(), "-ts", ts, "-no-obsolete", "-locations", "none",
        "-source-language", "en", "-target-language", lang,
    ])


def release(ts: Path, qm: Path) -> None:
    """Build ``qm`` from ``ts``: written beside it, then put in its place, since a running partydesk maps the
    file it loaded into memory and would read a file rewritten in place as a half-new translation."""
    fresh = qm.with_name(qm.name + ".new")
    _run([tool("pyside6-lrelease"), ts, "-qm", fresh])
    os.replace(fresh, qm)


def build_translations() -> None:
    """lupdate then lrelease for every language."""
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        update_ts(ts_path(lang), lang)
        release(ts_path(lang), qm_path(lang))


def stale_products() -> list[str]:
    """Human-readable reasons why the committed products differ from fresh tool output (empty = fresh)."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="partydesk-build-") as tmp:
        tmp_dir = Path(tmp)
        fresh_forms = tmp_dir / "forms"
        fresh_forms.mkdir()
        build_forms(fresh_forms)
        for fresh in sorted(fresh_forms.iterdir()):
            committed = FORMS_DIR / fresh.name
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                problems.append(f"{committed.relative_to(ROOT)} is stale: run `buildtools forms`")
        known = {p.name for p in fresh_forms.iterdir()}
        for extra in sorted(FORMS_DIR.glob("ui_*.py")):
            if extra.name not in known:
                problems.append(f"{extra.relative_to(ROOT)} has no ui/ source: delete it")
        for lang in LANGUAGES:
            problems.extend(_stale_translation(lang, tmp_dir))
    return problems


def _stale_translation(lang: str, tmp_dir: Path) -> list[str]:
    ts, qm = ts_path(lang), qm_path(lang)
    if not ts.exists():
        return [f"{ts.relative_to(ROOT)} is missing: run `buildtools translations`"]
    problems = []
    copy = tmp_dir / ts.name
    shutil.copyfile(ts, copy)
    update_ts(copy, lang)
    if copy.read_bytes() != ts.read_bytes():
        problems.append(f"{ts.relative_to(ROOT)} misses new or keeps vanished strings: run `buildtools translations`")
    fresh_qm = tmp_dir / qm.name
    release(ts, fresh_qm)
    # Compared by content, not by mtime: a git checkout gives every file the time of the checkout.
    if not qm.exists() or not filecmp.cmp(qm, fresh_qm, shallow=False):
        problems.append(f"{qm.relative_to(ROOT)} is older than its .ts: run `buildtools translations`")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m partydesk.gui.buildtools", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("forms", "translations", "check"))
    args = parser.parse_args(argv)
    if args.command == "forms":
        for path in build_forms():
            print(path.relative_to(ROOT))
        return 0
    if args.command == "translations":
        build_translations()
        for lang in LANGUAGES:
            print(ts_path(lang).relative_to(ROOT), qm_path(lang).relative_to(ROOT))
        return 0
    problems = stale_products()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
