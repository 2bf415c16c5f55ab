"""The layers stay apart: no import cycles, and no import across a layer boundary the design forbids.

The package's source is parsed (``ast``), never imported, so a forbidden import is found even where it
sits in a function that no test happens to run. Cycles are looked for among module-level imports that
run (``if TYPE_CHECKING:`` blocks excepted); the boundary rules count every import anywhere in a module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import partydesk

ROOT = Path(partydesk.__file__).parent

# The packages whose modules must form no import cycle: the whole package.
CYCLE_CHECKED_PACKAGES: tuple[str, ...] = ("partydesk.core", "partydesk.cli", "partydesk.gui")

# (importer prefix, imported prefix, the rule it breaks)
FORBIDDEN: tuple[tuple[str, str, str], ...] = (
    ("partydesk.core.storage", "partydesk.core.services", "storage never imports services"),
    ("partydesk.core.io", "partydesk.core.storage", "io is file formats only: no database"),
    ("partydesk.core.io", "partydesk.core.services", "io is file formats only: no use cases"),
    ("partydesk.core.domain", "partydesk.core.storage", "the domain is plain data and rules"),
    ("partydesk.core.domain", "partydesk.core.services", "the domain is plain data and rules"),
    ("partydesk.core.services", "partydesk.core.storage.tables", "services never touch ORM rows"),
    ("partydesk.core", "partydesk.gui", "the core never imports the GUI"),
    ("partydesk.gui", "partydesk.core.storage", "the GUI imports no storage module"),
    ("partydesk.core", "PySide6", "the core never imports Qt"),
)

# Modules another change is moving across a boundary right now; each entry goes when its move lands.
MOVING: frozenset[str] = frozenset({
    "partydesk.core.io.roster_export",  # the export use case moves into services (reads the roster)
})


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(ROOT.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _targets(node: ast.Import | ast.ImportFrom, importer: str) -> Iterator[str]:
    """The modules an import statement loads: ``from pkg import mod`` names ``pkg.mod`` when it is one."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:  # relative: from the importer's package, one more level up per extra dot
        parts = importer.split(".") if importer in _packages() else importer.split(".")[:-1]
        package = parts[: len(parts) - node.level + 1]
        base = ".".join([*package, base] if base else package)
    modules = _modules()
    for alias in node.names:
        candidate = f"{base}.{alias.name}"
        yield candidate if candidate in modules else base


@cache
def _packages() -> frozenset[str]:
    return frozenset(_module_name(p.parent / "__init__.py") for p in ROOT.rglob("__init__.py"))


def _runtime_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements that run when the module is imported (not in functions or TYPE_CHECKING blocks)."""
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If):
            pending += [] if _is_type_checking(node) else node.body
            pending += node.orelse
        elif isinstance(node, (ast.Try, ast.With, ast.ClassDef)):
            for block in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, block, []):
                    pending += child.body if isinstance(child, ast.ExceptHandler) else [child]


def _all_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    return (n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)))


def import_graph(packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Module -> the partydesk modules it imports at module level, for modules inside ``packages``."""
    def inside(name: str) -> bool:
        return any(name == p or name.startswith(p + ".") for p in packages)

    graph: dict[str, set[str]] = {}
    for name, tree in _modules().items():
        if inside(name):
            graph[name] = {t for node in _runtime_imports(tree) for t in _targets(node, name)
                           if inside(t) and t in _modules() and t != name}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each sorted; a self-loop counts too."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_no_import_cycles_in_the_checked_packages() -> None:
    """No partydesk module imports itself back through others (in the packages checked so far)."""
    assert find_cycles(import_graph(CYCLE_CHECKED_PACKAGES)) == []


def test_cycle_finder_sees_a_cycle() -> None:
    """The finder reports a three-module loop and ignores a chain: it can fail."""
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_graph_sees_real_edges() -> None:
    """The walk resolves ``from pkg import module`` to the module, so the graph is not vacuous."""
    graph = import_graph(CYCLE_CHECKED_PACKAGES)
    assert "partydesk.core.domain.fields" in graph["partydesk.core.domain.member"]
    assert "partydesk.core.storage.member_repo" in graph["partydesk.core.services.members"]


@pytest.mark.parametrize(("importer", "imported", "rule"), FORBIDDEN, ids=[f"{a}->{b}" for a, b, _ in FORBIDDEN])
def test_no_import_crosses_a_forbidden_boundary(importer: str, imported: str, rule: str) -> None:
    """Every import anywhere in a module (functions included) respects the layer rules of DESIGN.md."""
    found = [
        f"{name}:{node.lineno} imports {target}"
        for name, tree in _modules().items()
        if (name == importer or name.startswith(importer + ".")) and name not in MOVING
        for node in _all_imports(tree) for target in _targets(node, name)
        if target == imported or target.startswith(imported + ".")
    ]
    assert found == [], rule


def _table_classes() -> set[str]:
    tree = _modules()["partydesk.core.storage.tables"]
    return {n.name for n in tree.body if isinstance(n, ast.ClassDef)}


def test_no_public_repository_function_returns_an_orm_row() -> None:
    """Public functions of core/storage's repositories are annotated to return no table class."""
    tables = _table_classes()
    leaks = []
    for name, tree in _modules().items():
        if not (name.startswith("partydesk.core.storage.") and name.endswith("_repo")):
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                assert node.returns is not None, f"{name}.{node.name} has no return annotation"
                named = {n.id for n in ast.walk(node.returns) if isinstance(n, ast.Name)}
                named |= {n.value for n in ast.walk(node.returns) if isinstance(n, ast.Constant)
                          and isinstance(n.value, str)}
                if named & tables:
                    leaks.append(f"{name}.{node.name}")
    assert leaks == []
