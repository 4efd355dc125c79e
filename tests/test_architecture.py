"""The layers of src/relint_kpi stay as the README draws them.

Every import between relint's own modules is read from the source (not
from a running process, so imports inside functions count too): they must
form no cycle. rich is imported only under render/, typer only by cli.py,
and an import inside a function says why on the line above it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "relint_kpi"
MODULES = sorted(SRC.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports(path: Path) -> list[tuple[ast.stmt, list[str], bool]]:
    """Each import statement of a module, the modules it names, and whether it sits in a function."""
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and is_type_checking(child):
                continue  # annotations only: never executed
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                found.append((child, [alias.name for alias in child.names], in_function))
            elif isinstance(child, ast.ImportFrom) and child.module:
                names = [child.module] + [f"{child.module}.{alias.name}" for alias in child.names]
                found.append((child, names, in_function))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def own_graph() -> dict[str, set[str]]:
    known = {module_name(path) for path in MODULES}
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        targets = {name for _, names, _ in imports(path) for name in names if name in known}
        graph[module_name(path)] = targets - {module_name(path)}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a path of module names, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state:
                cycle = walk(target)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = walk(node)
            if cycle:
                return cycle
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_import_cycle_between_relint_modules():
    graph = own_graph()
    assert "relint_kpi.actuals" in graph and graph["relint_kpi.actuals"]  # the graph was read
    assert find_cycle(graph) is None


@pytest.mark.parametrize("library, allowed", [("rich", "relint_kpi.render"), ("typer", "relint_kpi.cli")])
def test_only_one_layer_imports_each_library(library, allowed):
    importers = {
        module_name(path)
        for path in MODULES
        for _, names, _ in imports(path)
        if any(name == library or name.startswith(library + ".") for name in names)
    }
    assert importers, f"nothing imports {library}"
    assert all(name == allowed or name.startswith(allowed + ".") for name in importers), importers


def test_every_import_inside_a_function_says_why():
    unexplained = []
    for path in MODULES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for node, _, in_function in imports(path):
            if not in_function:
                continue
            # One comment may explain a block of imports: look above the block.
            above = node.lineno - 2
            while above >= 0 and lines[above].strip().startswith(("import ", "from ")):
                above -= 1
            if above < 0 or not lines[above].strip().startswith("#"):
                unexplained.append(f"{path.relative_to(SRC)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert unexplained == []
