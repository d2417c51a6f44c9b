"""House rules that keep the pipeline honest: dependency direction and the single owners of libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[1] / "kg"
ORDER = ["ingest", "extract", "reconcile", "rdf", "validate", "network", "export", "query", "pipeline", "evaluate", "cli"]
SHARED = {"model", "source", "problems", "progress", "resources", "stopwatch", "__init__"}


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


MODULES = sorted(KG.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(KG)))
def test_dependencies_point_downstream_only(path: Path):
    own = stage_of("kg." + ".".join(path.relative_to(KG).with_suffix("").parts))
    if own in SHARED:
        allowed: set[str] = SHARED
    else:
        allowed = SHARED | set(ORDER[: ORDER.index(own) + 1])
    used = {stage_of(name) for name in imports(path) if name == "kg" or name.startswith("kg.")}
    assert used <= allowed, f"{path.relative_to(KG)} imports later stages: {sorted(used - allowed)}"


@pytest.mark.parametrize(("library", "owner"), [("pyshacl", "validate"), ("networkx", "network")])
def test_single_owner_of_a_library(library: str, owner: str):
    users = {str(p.relative_to(KG)) for p in MODULES if any(n.split(".")[0] == library for n in imports(p))}
    assert users and all(user.startswith(owner) for user in users), users


def _builds_rdflib_graph(node: ast.AST) -> bool:
    """``Graph(...)``, ``Dataset(...)`` or ``rdflib.Graph(...)`` -- not NetworkX's ``nx.Graph()``."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in ("Graph", "Dataset", "ConjunctiveGraph")
    return isinstance(func, ast.Attribute) and func.attr in ("Graph", "Dataset", "ConjunctiveGraph") \
        and getattr(func.value, "id", "") == "rdflib"


def test_only_one_function_builds_a_graph():
    builders = [str(p.relative_to(KG)) for p in MODULES
                if any(_builds_rdflib_graph(n) for n in ast.walk(ast.parse(p.read_text("utf-8"))))]
    assert builders == ["rdf/graph.py"]


def test_iris_are_minted_only_in_the_minting_module():
    suspicious = []
    for path in MODULES:
        text = path.read_text("utf-8")
        if path.name == "mint.py":
            continue
        for marker in ('{base}', 'self.base +', '.base}', 'base + "'):
            if marker in text:
                suspicious.append(f"{path.relative_to(KG)}: {marker}")
    assert not suspicious


def test_modules_stay_small():
    assert {str(p.relative_to(KG)): n for p in MODULES if (n := len(p.read_text("utf-8").splitlines())) > 400} == {}
