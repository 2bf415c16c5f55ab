"""The GUI's shape beyond tests/core/test_layers.py (no cycles, no storage import there).

No module imports ``gui/app.py`` when it loads, judged by the module-level imports that run (not those in
functions or under ``if TYPE_CHECKING:``); and the GUI reads only the database handle's public attributes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import partydesk

PACKAGE = Path(partydesk.__file__).parent
GUI = PACKAGE / "gui"


def module_name(path: Path) -> str:
    """Dotted name of a module file of the package."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _targets(node: ast.Import | ast.ImportFrom, known: set[str]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    yield base
    for alias in node.names:  # ``from partydesk.gui import languages`` imports a submodule
        if f"{base}.{alias.name}" in known:
            yield f"{base}.{alias.name}"


def module_level_imports(tree: ast.Module, known: set[str]) -> set[str]:
    """Modules imported when the module is executed: top level, inside if/try, never TYPE_CHECKING."""
    found: set[str] = set()
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.update(_targets(node, known))
        elif isinstance(node, ast.If):
            pending.extend(node.orelse if _is_type_checking(node.test) else [*node.body, *node.orelse])
        elif isinstance(node, ast.Try):
            pending.extend([*node.body, *node.orelse, *node.finalbody, *(s for h in node.handlers for s in h.body)])
    return found


def graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports at module level, for every module of the package."""
    files = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    known = set(files)
    return {name: {m for m in module_level_imports(ast.parse(path.read_text(encoding="utf-8")), known) if m in known}
            for name, path in files.items()}


def test_no_module_imports_the_application_module_at_load() -> None:
    """``gui/app.py`` keeps the application: only the entry points import it, inside their functions."""
    importers = sorted(name for name, targets in graph().items() if "partydesk.gui.app" in targets)
    assert importers == []


def handle_uses(source: str) -> set[str]:
    """Attributes read off anything named ``db`` (``db.path``, ``ctx.db.needs_setup``) in ``source``."""
    used = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            target = node.value
            named_db = (isinstance(target, ast.Name) and target.id == "db") or (
                isinstance(target, ast.Attribute) and target.attr == "db")
            if named_db:
                used.add(node.attr)
    return used


def test_the_gui_reads_only_the_handles_public_attributes() -> None:
    """The database handle is opaque: the GUI reads its path and flags and closes it, and nothing else."""
    from partydesk.core.handle import HANDLE_ATTRIBUTES

    used = set().union(*(handle_uses(path.read_text(encoding="utf-8")) for path in GUI.rglob("*.py")))
    assert used and used <= HANDLE_ATTRIBUTES, sorted(used - HANDLE_ATTRIBUTES)
    assert handle_uses("with ctx.db.read() as session: pass") == {"read"}  # the check sees a session opened
