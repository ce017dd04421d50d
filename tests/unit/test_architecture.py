"""The house's rules, read from the source with ``ast`` (nothing is imported): imports run down the
layers, no module of the core imports another that imports it back, only the adapter's modules
know MkDocs, each a few lines an event (at most 200 lines a module), and one of them imports it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "hooks" / "guidance"
ADAPTER = "guidance.adapter"  # its modules, and only they, know MkDocs and Material
MKDOCS_API = "guidance.adapter.mkdocs_api"  # the one module that imports them
ADAPTER_MOST_LINES = 200

# From the bottom up: a module may import from its own layer and the layers below it. The shared
# low-level modules at the package's top (problems, the language table, memo, disk_cache, served) are the first.
LAYERS = ("guidance", "guidance.content", "guidance.languages", "guidance.components", "guidance.site",
          "guidance.tools", "guidance.adapter", "guidance.cli")  # the last: the `guidance` command
SHARED = ("guidance.problems", "guidance.language", "guidance.memo", "guidance.disk_cache", "guidance.served")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path) -> set[str]:
    """The names every import statement of a module reaches, top-level or inside a function,
    relative imports resolved; ``from package import module`` counts the module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the core's modules it imports (a package's ``__init__`` counts when a module
    below it is imported, as Python runs it first)."""
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {t for t in imported(name, path) if t in modules and t != name}
        edges[name] = targets
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each a cycle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def layer(name: str) -> int:
    if name in SHARED or name == "guidance":
        return 0
    if name == "guidance.__main__":
        return len(LAYERS) - 1
    return max(i for i, prefix in enumerate(LAYERS) if name == prefix or name.startswith(prefix + "."))


def test_the_walk_finds_a_cycle_and_a_layer_broken() -> None:
    """The checks below can fail: two modules that import each other are a cycle."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert layer("guidance.content.schema") < layer("guidance.site.build")
    assert imported("guidance.site.build", MODULES["guidance.site.build"]) >= {"guidance.content.brand"}


def test_no_module_of_the_core_imports_one_that_imports_it_back() -> None:
    assert cycles(graph(MODULES)) == []


def test_imports_run_down_the_layers() -> None:
    upward = sorted(f"{name} imports {target}" for name, targets in graph(MODULES).items()
                    for target in targets if layer(target) > layer(name))
    assert upward == []


def generator_imports(name: str) -> set[str]:
    return {t for t in imported(name, MODULES[name]) if t.split(".")[0] in ("mkdocs", "material")}


def adapter_modules() -> list[str]:
    return sorted(name for name in MODULES if name.startswith(ADAPTER + "."))


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_the_adapters_one_module_imports_mkdocs_or_material(name: str) -> None:
    assert not generator_imports(name) or name == MKDOCS_API, f"{name} imports {sorted(generator_imports(name))}"


def test_the_adapter_is_mkdocs_names_its_events_the_theme_context_and_the_command() -> None:
    """The check above can fail: the adapter's modules are found, the one imports MkDocs, and the
    others take MkDocs' names from it."""
    assert adapter_modules() == ["guidance.adapter.mkdocs_api", "guidance.adapter.mkdocs_command",
                                 "guidance.adapter.mkdocs_site", "guidance.adapter.mkdocs_theme"]
    assert generator_imports(MKDOCS_API) >= {"mkdocs.config.defaults.MkDocsConfig", "mkdocs.commands.build.build"}
    assert all(MKDOCS_API in imported(name, MODULES[name]) for name in adapter_modules() if name != MKDOCS_API)


@pytest.mark.parametrize("name", adapter_modules())
def test_each_adapter_module_is_at_most_200_lines(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= ADAPTER_MOST_LINES, f"{name} is {lines} lines: what does not translate MkDocs belongs in the core"
