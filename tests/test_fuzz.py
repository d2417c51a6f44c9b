"""Property-based fuzzing of every reader and the extractor (Hypothesis): whatever the bytes, a file either
exports to RDF that parses back (rdflib and pyoxigraph) and conforms to the shapes, or is reported as a
problem with a code; never an uncaught exception (``internal-error``), never a hang (the per-file time
limit). The long, coverage-guided run is ``python bench/fuzz.py`` (atheris); this is the short one CI runs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import EXAMPLES
from kg.extract.mentions import KnownNames
from kg.pipeline import export
from kg.pipeline.corpus import read_one
from kg.pipeline.limits import ReadOptions
from kg.problems import CODES

LAYOUTS = sorted(EXAMPLES.glob("*.txt"))[:6]
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SEEDS = [path.read_bytes() for path in LAYOUTS] + [
    (SHARED / "cmif" / "example01_basic.xml").read_bytes(),
    b"Title,Date,From,To\nCable,1962-04-25,Ministry of Foreign Affairs,Xinjiang Office\n",
    json.dumps({"title": "Cable", "date": "1962-04-25", "from": "Chen Yi"}).encode() + b"\n",
]
NASTY = ["\u200f", "\u202e", "\u0301", "\u200d", "\ufeff", "\x00", "\x0b", "\U0001F4DC", "\\", '"', "<", "&",
         "[", "]", "(", ")", "{", "}", "\n", "\r", "\t", "Comrade ", "Ministry of ", "Citation:", "Summary:",
         "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;", "<persName>", "April 25, 1962", "31.8.50", "\ud800"]


def _text() -> st.SearchStrategy[str]:
    pieces = st.one_of(st.characters().map(str), st.sampled_from(NASTY))
    return st.lists(pieces, max_size=120).map("".join)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real layout with pieces replaced, inserted or cut, in bytes (so invalid UTF-8 can appear)."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "cut", "replace", "bytes", "repeat"]))
        piece = draw(_text()).encode("utf-8", "surrogatepass")
        if kind == "insert":
            data[at:at] = piece
        elif kind == "cut":
            del data[at:at + draw(st.integers(0, 200))]
        elif kind == "replace":
            data[at:at + len(piece)] = piece
        elif kind == "bytes":
            data[at:at] = draw(st.binary(max_size=20))
        else:
            data[at:at] = piece * draw(st.integers(50, 400))  # huge lines, deep nesting
    return bytes(data)


def _check_file(tmp: Path, name: str, data: bytes) -> None:
    path = tmp / name
    path.write_bytes(data)
    outcome = read_one(path, None, KnownNames(), ReadOptions(time_limit=10))
    codes = [outcome.problem.code] if outcome.problem else [p.code for r in outcome.readings for p in r.problems]
    assert "internal-error" not in codes and "time-limit" not in codes, (codes, outcome)
    assert all(code in CODES for code in codes)
    if outcome.problem is None:
        assert outcome.readings, "a file that is read gives records or a problem"


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@FUZZ
@given(data=mutated(), suffix=st.sampled_from([".txt", ".xml", ".csv", ".jsonl"]))
def test_mutated_layouts_never_crash_the_reader(tmp_path_factory, data, suffix):
    _check_file(tmp_path_factory.mktemp("fuzz"), f"doc{suffix}", data)


@FUZZ
@given(text=_text(), suffix=st.sampled_from([".txt", ".xml", ".csv", ".jsonl"]))
def test_arbitrary_text_never_crashes_the_reader(tmp_path_factory, text, suffix):
    _check_file(tmp_path_factory.mktemp("fuzz"), f"doc{suffix}", text.encode("utf-8", "surrogatepass"))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(data=mutated())
def test_what_exports_parses_back_and_conforms(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "in").mkdir()
    (folder / "in" / "doc.txt").write_bytes(data)
    result = export([folder / "in"], folder / "out", jobs=1, reading=ReadOptions(time_limit=10))
    codes = {p.code for p in result.problems}
    assert "internal-error" not in codes and "time-limit" not in codes, codes
    if result.summary.documents == 0:
        assert result.exit_code == 2 and result.problems  # nothing exported: the report says why
        return
    assert result.exit_code == 0, (codes, (folder / "out" / "report.txt").read_text("utf-8")[:2000])
    nquads = (folder / "out" / "graph.nq").read_bytes()
    assert len(list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))) > 0
    rdflib.Dataset().parse(data=nquads, format="nquads")
    rdflib.Graph().parse(folder / "out" / "graph.ttl", format="turtle")


def test_the_time_limit_stops_a_file_and_says_so(tmp_path):
    result = export([EXAMPLES], tmp_path / "out", jobs=1, reading=ReadOptions(time_limit=1e-4))
    assert result.summary.documents == 0 and {p.code for p in result.problems} == {"time-limit"}
    assert "stopped after" in result.problems[0].message


@pytest.mark.parametrize("depth", [10_000])
def test_deeply_nested_brackets_and_huge_lines(tmp_path, depth):
    text = (LAYOUTS[0].read_text("utf-8") + "\n" + "[" * depth + "Zhou Enlai" + "]" * depth + "\n"
            + "Comrade " * depth + "\n" + "x" * 2_000_000 + "\n")
    _check_file(tmp_path, "deep.txt", text.encode("utf-8"))
