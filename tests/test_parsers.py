"""Every RDF file kg writes reads the same in four independent parsers: rdflib, pyoxigraph, and Debian's
serdi and rapper (installed by make test's setup; without them their checks skip and say so). The corpus
mixes the examples with FRUS, CMIF and a catalogue whose cells hold what breaks naive writers: quotes,
backslashes, tabs, right-to-left marks, combining and astral characters, and web addresses under kg's own
namespaces that a prefixed name could only write with escapes."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from corpus import EXAMPLES, seed_path
from kg.pipeline import export

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SERDI, RAPPER = shutil.which("serdi"), shutil.which("rapper")
FORMATS = {"graph.ttl": "turtle", "graph.trig": "trig", "graph.nq": "nquads", "void.ttl": "turtle",
           "report.ttl": "turtle"}
TRICKY = (
    "Title,Date,From,To,URL,Summary\n"
    '"A ""quoted"" title with a back\\slash and a\ttab",1962-04-25,Chen Yi,Zhang Hanfu,'
    'https://data.example.org/kg/doc/a(1)b.c,"Right-to-left \u200fمرحبا\u200f, combining e\u0301, astral \U0001F4DC"\n'
    "Cable about <brackets> & {braces},1962-04-26,Ministry of Foreign Affairs,Xinjiang Office,"
    "https://data.example.org/kg/person/x~y%20z,\"Line one\nline two\"\n"
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    (folder / "tricky.csv").write_text(TRICKY, encoding="utf-8")
    target = tmp_path_factory.mktemp("out")
    paths = [EXAMPLES, seed_path(), SHARED / "frus" / "frus1961-63v06.excerpt.xml",
             SHARED / "cmif" / "example01_basic.xml", folder]
    assert export(paths, target, jobs=1).exit_code == 0
    return target


def _statements(quads: Iterable[ox.Quad], with_graph: bool) -> Counter[tuple[str, ...]]:
    """Statements as comparable tuples; blank nodes lose their labels (each parser makes its own), so the
    statements are counted, not just collected."""
    def text(term: object) -> str:
        return "_:" if isinstance(term, ox.BlankNode) else str(term)
    return Counter((text(q.subject), text(q.predicate), text(q.object), *((text(q.graph_name),) if with_graph else ()))
                   for q in quads)


def _canonical(data: bytes, quads: bool) -> Counter[tuple[str, ...]]:
    """Statements as pyoxigraph reads N-Triples/N-Quads: the common ground every parser is compared on."""
    return _statements(ox.parse(data, format=ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES), quads)


def _oxigraph(path: Path, syntax: str) -> Counter[tuple[str, ...]]:
    formats = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
    return _statements(ox.parse(path=str(path), format=formats[syntax]), syntax != "turtle")


@contextmanager
def _exact_literals() -> Iterator[None]:
    """rdflib with its literal normalisation off (it would rewrite "...Z" as "...+00:00")."""
    previous, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = previous


def _rdflib(path: Path, syntax: str) -> Counter[tuple[str, ...]]:
    with _exact_literals():
        return _rdflib_read(path, syntax)


def _rdflib_read(path: Path, syntax: str) -> Counter[tuple[str, ...]]:
    if syntax == "turtle":
        graph = rdflib.Graph().parse(path, format="turtle")
        return _canonical(graph.serialize(format="nt", encoding="utf-8"), quads=False)
    dataset = rdflib.Dataset()
    dataset.parse(path, format=syntax)
    return _canonical(dataset.serialize(format="nquads", encoding="utf-8"), quads=True)


def _serdi(path: Path, syntax: str) -> Counter[tuple[str, ...]]:
    output = "nquads" if syntax != "turtle" else "ntriples"
    run = subprocess.run([SERDI, "-i", syntax, "-o", output, str(path)], capture_output=True, check=True)
    return _canonical(run.stdout, quads=syntax != "turtle")


def _rapper(path: Path, syntax: str) -> Counter[tuple[str, ...]]:
    output = "nquads" if syntax != "turtle" else "ntriples"
    run = subprocess.run([RAPPER, "-q", "-i", syntax, "-o", output, str(path)], capture_output=True, check=True)
    return _canonical(run.stdout, quads=syntax != "turtle")


PARSERS = {
    "rdflib": _rdflib,
    "serdi": pytest.param(_serdi, marks=pytest.mark.skipif(SERDI is None, reason="no serdi: make test installs it")),
    "rapper": pytest.param(_rapper, marks=pytest.mark.skipif(RAPPER is None, reason="no rapper: make test installs "
                                                                                     "raptor2-utils")),
}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's Dataset.serialize uses its own old API
@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("parser", list(PARSERS.values()), ids=list(PARSERS))
def test_every_parser_reads_what_pyoxigraph_reads(out, name, parser):
    syntax = FORMATS[name]
    expected = _oxigraph(out / name, syntax)
    assert expected
    assert parser(out / name, syntax) == expected


def test_turtle_trig_nquads_and_jsonld_hold_the_same_statements(out):
    nquads = _oxigraph(out / "graph.nq", "nquads")
    assert _oxigraph(out / "graph.trig", "trig") == nquads
    vocabulary = "<https://data.example.org/kg/graph/vocabulary>"
    merged = Counter({s[:3]: 1 for s in nquads if s[3] != vocabulary})  # graph.ttl: the documents merged
    assert _oxigraph(out / "graph.ttl", "turtle") == merged
    with _exact_literals():
        jsonld = rdflib.Graph().parse(out / "graph.jsonld", format="json-ld")
        assert _canonical(jsonld.serialize(format="nt", encoding="utf-8"), quads=False) == merged


def test_no_prefixed_name_needs_an_escape(out):
    """Virtuoso 7.2 keeps the backslash of ``doc:a\\(1\\)``; such IRIs are written in full instead."""
    for name in ("graph.ttl", "graph.trig"):
        text = (out / name).read_text("utf-8")
        assert "<https://data.example.org/kg/doc/a(1)b.c>" in text
        outside = re.split(r'"(?:[^"\\]|\\.)*"', text)  # the text between string literals
        assert not any("\\" in part for part in outside), name


def test_tricky_cells_come_back_exactly(out):
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    titles = {str(o) for o in graph.objects(None, rdflib.DCTERMS.title)}
    assert 'A "quoted" title with a back\\slash and a tab' in titles  # runs of white space are one space
    abstracts = {str(o) for o in graph.objects(None, rdflib.DCTERMS.abstract)}
    assert "Right-to-left \u200fمرحبا\u200f, combining e\u0301, astral \U0001F4DC" in abstracts
