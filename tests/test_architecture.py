"""The package's import direction, as CONTRIBUTING draws it: four floors, each importing only the
floors below it (and itself), no cycle between modules, MkDocs only in the engines' adapters, and
CONTRIBUTING's table naming every module."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "plugins" / "mkdocs_playbooks"
FLOORS = {"core": 1, "output": 2, "assessment": 3, "engines": 4}
"""Each subpackage's floor: a module imports from its own floor and the ones below."""
MKDOCS_ADAPTERS = {"engines.plugin", "engines.config", "engines.nav", "engines.languages",
                   "engines.editions", "engines.memory", "engines.rendered"}
"""The modules that import MkDocs (or ProperDocs); the rest of the package runs without it."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> tuple[set[str], set[str]]:
    """The package's modules that module `name` imports (every import statement, in functions
    and `TYPE_CHECKING` blocks too), and the outside top-level packages it imports."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    inside: set[str] = set()
    outside: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top == "mkdocs_playbooks":
                    inside.add(alias.name.removeprefix("mkdocs_playbooks.").strip("."))
                else:
                    outside.add(top)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                module = node.module or ""
                if module.split(".")[0] != "mkdocs_playbooks":
                    outside.add(module.split(".")[0])
                    continue
                base = module.removeprefix("mkdocs_playbooks").strip(".").split(".")
            else:
                base = package[:len(package) - node.level + 1]
                base += node.module.split(".") if node.module else []
            base = [part for part in base if part]
            for alias in node.names:
                candidate = ".".join([*base, alias.name])
                inside.add(candidate if candidate in MODULES else ".".join(base))
    inside.discard(name)
    inside.discard("")  # the package itself (`__version__`)
    return inside, outside


GRAPH = {name: imports_of(name)[0] for name in MODULES}


def floor(name: str) -> int:
    return FLOORS.get(name.split(".", maxsplit=1)[0], 0)


def test_every_module_sits_on_a_floor() -> None:
    loose = [name for name in MODULES if name and floor(name) == 0]
    assert loose == [], f"modules outside the four floors: {loose}"


@pytest.mark.parametrize("name", sorted(name for name in MODULES if name))
def test_imports_go_down_only(name: str) -> None:
    upward = sorted(target for target in GRAPH[name]
                    if target and floor(target) > floor(name))
    assert upward == [], f"{name} (floor {floor(name)}) imports from a floor above: {upward}"


def test_no_cycle_between_modules() -> None:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(GRAPH.get(name, ())):
            if target not in MODULES or target == "":
                continue
            if state.get(target) == 1:
                cycles.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(MODULES):
        if name not in state:
            visit(name, [name])
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_the_adapters_import_mkdocs(name: str) -> None:
    engines = imports_of(name)[1] & {"mkdocs", "properdocs", "material", "zensical"}
    if name in MKDOCS_ADAPTERS:
        return
    assert engines == set(), f"{name} imports {sorted(engines)}: only {MKDOCS_ADAPTERS} may"


def test_contributing_names_every_module() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_0-9]+(?:/[a-z_0-9]+)*\.py)`", text))
    missing = sorted(str(path.relative_to(PACKAGE)) for path in MODULES.values()
                     if str(path.relative_to(PACKAGE)) not in named
                     and path.name != "__init__.py")
    assert missing == [], f"CONTRIBUTING's table does not name: {missing}"


def test_a_cycle_is_found() -> None:
    """The cycle search itself finds a cycle (so a green run means something)."""
    saved = dict(GRAPH)
    try:
        GRAPH["core.model"] = {*GRAPH["core.model"], "core.validate"}
        with pytest.raises(AssertionError, match=r"core\.model"):
            test_no_cycle_between_modules()
    finally:
        GRAPH.clear()
        GRAPH.update(saved)
