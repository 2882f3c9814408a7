"""The package's layout is its data flow: each stage imports from the stages before it (and the
top-level modules), never from one after it, and no module imports one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

import sscard_kg

PACKAGE = Path(sscard_kg.__file__).resolve().parent
STAGES = ["read", "clean", "extract", "graph", "builder", "use"]
# (importing stage, imported module): the page metadata a reader takes needs the language
# detection and HTML helpers of cleaning; boilerplate tells a figure's line by its quantities.
ALLOWED_BACKWARDS = {("read", "sscard_kg.clean.script"), ("read", "sscard_kg.clean.markup"),
                     ("clean", "sscard_kg.extract.numbers")}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> tuple[set[str], set[str]]:
    """The package's modules that `name` imports when it loads, and those it imports later (in a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for statement in tree.body for node in ast.walk(statement)
                 if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    at_load, later = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module or ""
            targets = [f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target
                       for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        for target in targets:
            if not target.startswith("sscard_kg"):
                continue
            parts = target.split(".")
            loaded = {".".join(parts[:i]) for i in range(2, len(parts) + 1)} & modules.keys()
            loaded = {m for m in loaded if m != name and not name.startswith(m + ".")}
            (at_load if id(node) in top_level else later).update(loaded)
    return at_load, later


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in STAGES else None


def test_no_module_imports_one_that_imports_it_back_when_loading():
    modules = _modules()
    graph = {name: _imports(name, path, modules)[0] for name, path in modules.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(name: str, stack: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                cycles.append(stack[stack.index(other):] + [other])
            elif other not in state:
                visit(other, stack + [other])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles


def test_each_stage_imports_only_from_the_stages_before_it():
    modules = _modules()
    backwards = []
    for name, path in modules.items():
        stage = _stage(name)
        if stage is None:
            continue
        at_load, later = _imports(name, path, modules)
        for target in at_load | later:
            other = _stage(target)
            if other is not None and STAGES.index(other) > STAGES.index(stage) \
                    and (stage, target) not in ALLOWED_BACKWARDS:
                backwards.append(f"{name} → {target}")
    assert not backwards


def test_the_top_level_modules_below_the_stages_import_none_of_them():
    """errors, model, config, resources and prefilter serve every stage (the package's __init__,
    the API, and cli.py, the command, stand above them all)."""
    modules = _modules()
    reaching = []
    for name, path in modules.items():
        if name.count(".") == 1 and name.split(".")[1] not in [*STAGES, "cli"]:
            at_load, later = _imports(name, path, modules)
            reaching += [f"{name} → {target}" for target in at_load | later if _stage(target) is not None]
    assert not reaching


def test_no_module_is_longer_than_one_sitting():
    """A module is small enough to read in one sitting: 600 lines at the most (split along what
    its parts do, as figure_dates and figure_places are split from measurements)."""
    longer = {name: count for name, path in _modules().items()
              if (count := len(path.read_text(encoding="utf-8").splitlines())) > 600}
    assert not longer
