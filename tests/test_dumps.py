"""The streamed dumps: sorted runs merged from disk give the Turtle a whole-graph serialisation gives."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef

from kg.export import oxigraph, runs
from kg.export.atomic import Staging
from kg.export.chunks import document_chunk, ntriples_line, sort_line
from kg.export.dumps import Dumps
from kg.export.runs import Runs, write_merged
from kg.rdf.vocab import RDF

EX = "https://ex.org/"
PREFIXES = {"ex": EX}


def _triples(n: int) -> list[tuple]:
    """Overlapping triples with IRIs that are prefixes of each other, literals, languages and blank nodes."""
    out = []
    for i in range(n):
        s = URIRef(f"{EX}a{i % 7}")
        out += [(s, RDF.type, URIRef(f"{EX}C{i % 3}")), (s, URIRef(f"{EX}p"), Literal(f"v{i % 5}")),
                (URIRef(f"{EX}a{i % 7}/x"), URIRef(f"{EX}p"), Literal("é \"quoted\"\ttab", lang="fr")),
                (s, URIRef(f"{EX}q"), BNode(f"b{i % 4}"))]
    return out


@pytest.mark.parametrize(("fan_in", "objects_per_run"), [(2, 3), (64, 500_000)])
def test_merged_runs_equal_one_sorted_serialisation(tmp_path, monkeypatch, fan_in, objects_per_run):
    monkeypatch.setattr(runs, "FAN_IN", fan_in)
    monkeypatch.setattr(runs, "OBJECTS_PER_RUN", objects_per_run)
    triples = _triples(40)
    store = Runs(tmp_path / "runs")
    for start in range(0, len(triples), 13):
        store.add(sort_line(oxigraph.sorted_triples([t])[0]) for t in triples[start:start + 13])
    with open(tmp_path / "graph.ttl", "wb") as handle:
        stats = write_merged(store, handle, PREFIXES)
    assert (tmp_path / "graph.ttl").read_bytes() == oxigraph.turtle(triples, PREFIXES)
    assert stats.triples == len(set(triples))
    assert stats.subjects == len({t[0] for t in triples})
    assert stats.objects == len({t[2] for t in triples})
    assert stats.classes == {f"{EX}C0": 7, f"{EX}C1": 7, f"{EX}C2": 7}


def test_sort_lines_order_is_the_canonical_order():
    triples = _triples(12)
    lines = sorted({sort_line(t) for t in oxigraph.sorted_triples(triples)})
    canonical = [f"{t.subject} {t.predicate} {t.object} .\n".encode() for t in oxigraph.sorted_triples(triples)]
    assert [ntriples_line(line) for line in lines] == canonical


def test_chunks_concatenated_equal_the_whole_dataset(tmp_path):
    triples = _triples(6)
    graphs = [f"{EX}graph/doc/{name}" for name in ("a", "b", "c")]
    vocabulary = document_chunk("vocabulary", f"{EX}graph/vocabulary", triples[:2], (), PREFIXES)
    with Staging(tmp_path) as stage:
        dumps = Dumps(stage, PREFIXES, vocabulary)
        dumps.add([document_chunk(g, g, triples, (), PREFIXES) for g in graphs])
        dumps.finish()
        stage.commit()
    quads = [(s, p, o, g) for g in graphs for s, p, o in triples] + [(s, p, o, vocabulary.graph) for s, p, o in triples[:2]]
    assert (tmp_path / "graph.nq").read_bytes() == oxigraph.nquads(quads)
    assert (tmp_path / "graph.trig").read_bytes() == oxigraph.trig(quads, PREFIXES)


def test_chunks_out_of_order_are_refused(tmp_path):
    empty = document_chunk("v", f"{EX}v", (), (), PREFIXES)
    with Staging(tmp_path) as stage:
        dumps = Dumps(stage, PREFIXES, empty)
        dumps.add([document_chunk("b", f"{EX}g/b", (), (), PREFIXES)])
        with pytest.raises(ValueError, match="out of order"):
            dumps.add([document_chunk("a", f"{EX}g/a", (), (), PREFIXES)])
