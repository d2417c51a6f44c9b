"""Golden cases: each folder under tests/golden holds ``input.txt`` and the graph it must give.

A mismatch prints the triples only in the expected graph and only in the actual
one. After a deliberate change, regenerate with ``KG_UPDATE_GOLDEN=1 make test``
and review the diff of ``expected.ttl`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from kg.pipeline import export

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


def _diff(expected: Graph, actual: Graph) -> str:
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = ["only in expected:"] + sorted(f"  {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in only_expected)
    lines += ["only in actual:"] + sorted(f"  {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in only_actual)
    return "\n".join(lines)


def test_there_are_golden_cases():
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", CASES)
def test_golden_case(case: str, tmp_path: Path):
    folder = GOLDEN / case
    result = export([folder / "input.txt"], tmp_path)
    assert result.summary.conforms, (tmp_path / "report.txt").read_text("utf-8")
    actual_path = tmp_path / "graph.ttl"
    expected_path = folder / "expected.ttl"
    if os.environ.get("KG_UPDATE_GOLDEN") == "1":
        expected_path.write_bytes(actual_path.read_bytes())
    actual = Graph().parse(actual_path, format="turtle")
    expected = Graph().parse(expected_path, format="turtle")
    assert to_isomorphic(expected) == to_isomorphic(actual), _diff(expected, actual)
