"""The GUI's import graph: no storage module anywhere in it, and no circle between its modules.

Module-level imports are what a circle is made of (an import inside a function runs later, and one under
``if TYPE_CHECKING:`` never runs), so the circle check walks those; the storage check walks every import.
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


def find_cycle(edges: dict[str, set[str]], start_with: str) -> list[str] | None:
    """A circle of imports through a module whose name starts with ``start_with``, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycle = [*stack[stack.index(target):], target]
                if any(m.startswith(start_with) for m in cycle):
                    return cycle
            elif target not in state and (found := visit(target)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_no_gui_module_imports_storage() -> None:
    """House rule 2: the GUI reaches the database only through services, not even for type hints."""
    offenders = []
    for path in GUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                offenders += [f"{module_name(path)} -> {n}" for n in names if n.startswith("partydesk.core.storage")]
    assert offenders == []


def test_gui_modules_import_each_other_in_no_circle() -> None:
    """No two GUI modules import each other, directly or round a longer circle, at module level."""
    assert find_cycle(graph(), "partydesk.gui") is None


def test_the_cycle_finder_sees_a_circle() -> None:
    """The check above can fail: a circle made by hand is found."""
    edges = {"partydesk.gui.a": {"partydesk.gui.b"}, "partydesk.gui.b": {"partydesk.gui.c"},
             "partydesk.gui.c": {"partydesk.gui.a"}}
    assert find_cycle(edges, "partydesk.gui") == ["partydesk.gui.a", "partydesk.gui.b", "partydesk.gui.c",
                                                   "partydesk.gui.a"]


def test_only_the_entry_points_import_the_application_module() -> None:
    """``gui/app.py`` keeps the application: pages, dialogs and widgets never import it."""
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
