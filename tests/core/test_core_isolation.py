"""House rule 1: the core imports without Qt, and start-up stays light.

Each check runs in a fresh interpreter, so modules the test session already imported (PySide6 through
pytest-qt, matplotlib through other tests) cannot hide a bad import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A meta-path finder that refuses Qt and the GUI package, installed before anything of ours is imported.
BLOCKER = textwrap.dedent(
    """
    import importlib.abc
    import sys

    class _BlockQt(importlib.abc.MetaPathFinder):
        BLOCKED = ("PySide6", "shiboken6", "partydesk.gui")

        def find_spec(self, name, path=None, target=None):
            if any(name == b or name.startswith(b + ".") for b in self.BLOCKED):
                raise ImportError(f"blocked by test_core_isolation: {name}")
            return None

    sys.meta_path.insert(0, _BlockQt())
    """
)

IMPORT_ALL_CORE = BLOCKER + textwrap.dedent(
    """
    import importlib
    import json
    import pkgutil
    import traceback

    import partydesk.core

    # Alembic loads env.py and the version scripts itself; they are not importable modules.
    SKIP = "partydesk.core.storage.migrations"
    failures = {}
    names = ["partydesk.core"]

    def _walk_error(name):
        failures[name] = traceback.format_exc()

    for info in pkgutil.walk_packages(partydesk.core.__path__, "partydesk.core.", onerror=_walk_error):
        if info.name == SKIP or info.name.startswith(SKIP + "."):
            continue
        names.append(info.name)
    for name in names:
        try:
            importlib.import_module(name)
        except BaseException:
            failures[name] = traceback.format_exc()
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith("partydesk.gui"))
    print(json.dumps({"imported": names, "failures": failures, "qt": qt}))
    """
)

# Start-up must not pay for these: each is imported only when the feature that needs it is used.
HEAVY = ("matplotlib", "openpyxl", "docx", "cryptography", "PySide6")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
        timeout=120, check=False,
    )


def _json_result(proc: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_every_core_module_imports_with_qt_blocked() -> None:
    """Every module under partydesk.core imports in an interpreter where PySide6 and partydesk.gui cannot."""
    result = _json_result(_run(IMPORT_ALL_CORE))
    failures: dict[str, str] = result["failures"]
    assert failures == {}, "\n\n".join(f"{name}:\n{tb}" for name, tb in failures.items())
    imported = set(result["imported"])
    # The walk really visited the tree (a broken walk would "pass" on nothing).
    for name in ("partydesk.core.storage.database", "partydesk.core.services.setup", "partydesk.core.instance",
                 "partydesk.core.location", "partydesk.core.logsetup", "partydesk.core.charts.common"):
        assert name in imported
    assert not any(n.startswith("partydesk.core.storage.migrations") for n in imported)
    assert result["qt"] == []


def test_the_blocker_really_blocks_the_gui() -> None:
    """The guard can fail: importing partydesk.gui under the same blocker raises ImportError."""
    proc = _run(BLOCKER + "import partydesk.gui.hub\n")
    assert proc.returncode != 0
    assert "blocked by test_core_isolation" in proc.stderr


@pytest.mark.parametrize("module", ["partydesk.cli", "partydesk.__main__", "partydesk.core.storage.database"])
def test_start_up_imports_stay_light(module: str) -> None:
    """Importing the entry points and the database layer (and building the CLI parser) pulls in no heavy library."""
    code = textwrap.dedent(
        f"""
        import importlib, json, sys
        importlib.import_module({module!r})
        import partydesk.cli
        partydesk.cli.build_parser()
        print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
        """
    )
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
