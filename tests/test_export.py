"""The export of examples/ plus the seed: every file parses back, conforms, and is the same bytes twice."""

from __future__ import annotations

import json
import re

import networkx as nx
import pyoxigraph as ox
import pytest
from lxml import etree
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from corpus import EXAMPLES, ROOT, seed_path
from kg import network
from kg.export import WRITERS
from kg.pipeline import export
from kg.rdf.vocab import DIP

GEXF_SCHEMA = ROOT.parent / "shared" / "data" / "gexf" / "1.2draft" / "gexf.xsd"
BASE = "https://data.example.org/kg/"


def test_export_conforms_and_counts(corpus_export):
    result, out = corpus_export
    summary = result.summary
    assert result.exit_code == 0 and summary.conforms and summary.violations == 0
    assert summary.documents == len(list(EXAMPLES.glob("wilson-*.txt"))) + 1 and summary.skipped == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(w.filename for w in WRITERS.values())


@pytest.mark.parametrize(("name", "fmt"), [("graph.ttl", "turtle"), ("void.ttl", "turtle"), ("report.ttl", "turtle")])
def test_turtle_files_parse_in_rdflib_and_pyoxigraph(corpus_export, name, fmt):
    _, out = corpus_export
    graph = Graph().parse(out / name, format=fmt)
    assert len(graph) > 0
    assert len(list(ox.parse(path=str(out / name), format=ox.RdfFormat.TURTLE))) == len(graph)


@pytest.mark.parametrize(("name", "rdflib_format", "ox_format"),
                         [("graph.trig", "trig", ox.RdfFormat.TRIG), ("graph.nq", "nquads", ox.RdfFormat.N_QUADS)])
def test_bulk_files_hold_one_named_graph_per_document(corpus_export, name, rdflib_format, ox_format):
    result, out = corpus_export
    dataset = Dataset()
    dataset.parse(out / name, format=rdflib_format)
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    documents = {g for g in graphs if g.startswith(f"{BASE}graph/doc/")}
    assert len(documents) == result.summary.documents
    assert graphs - documents == {f"{BASE}graph/vocabulary"}
    quads = list(ox.parse(path=str(out / name), format=ox_format))
    assert all(isinstance(q.graph_name, ox.NamedNode) for q in quads), "the default graph must stay empty"
    seed_graph = dataset.graph(URIRef(f"{BASE}graph/doc/wilson-118186"))
    assert (URIRef(f"{BASE}doc/wilson-118186"), RDF.type, DIP.Cable) in seed_graph


def test_trig_and_nquads_agree_and_contain_graph_ttl(corpus_export):
    _, out = corpus_export
    trig = {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
            for q in ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)}
    nq = {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
          for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)}
    assert trig == nq
    merged = {(str(t.subject), str(t.predicate), str(t.object))
              for t in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    assert merged == {q[:3] for q in nq if not q[3].endswith("graph/vocabulary>")}


def test_each_document_graph_validates_on_its_own(corpus_export):
    """Document graphs carry the labels and types of what they use, so each one validates alone."""
    from kg.validate import DocumentGraph, validate

    _, out = corpus_export
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    graphs = [g for g in dataset.graphs() if str(g.identifier).startswith(f"{BASE}graph/doc/")]
    result = validate(DocumentGraph(str(g.identifier), "", "", tuple(g)) for g in graphs)
    assert result.conforms


def test_canonical_labels_are_identical_across_document_graphs(corpus_export):
    _, out = corpus_export
    labels: dict[str, set[str]] = {}
    for quad in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS):
        if quad.predicate.value == "http://www.w3.org/2000/01/rdf-schema#label":
            labels.setdefault(quad.subject.value, set()).add(str(quad.object))
    assert labels and all(len(forms) == 1 for forms in labels.values()), {k: v for k, v in labels.items() if len(v) > 1}


def test_store_safe_turtle(corpus_export):
    _, out = corpus_export
    text = (out / "graph.ttl").read_text("utf-8")
    outside_literals = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    prefixed = re.findall(r"(?<![<\"\w])([a-z][\w-]*):(\S*)", outside_literals)
    assert prefixed and not [p for p in prefixed if "\\" in p[1]], "escaped prefixed names corrupt in Virtuoso"
    assert not re.search(r"_:\w", text), "no blank nodes in the knowledge graph"
    assert max(len(iri) for iri in re.findall(r"<([^>]*)>", text)) < 1800
    assert not re.search(r'"@[A-Za-z]*[A-Z]', text), "language tags must be lowercase"


def test_actor_graph_files_read_back(corpus_export):
    _, out = corpus_export
    graphs = {name: reader((out / f"actors.{name}").read_bytes()) for name, (_, reader) in network.FORMATS.items()}
    reference = graphs["json"]
    assert isinstance(reference, nx.MultiDiGraph) and reference.number_of_edges() > 0
    for name, graph in graphs.items():
        assert graph.number_of_nodes() == reference.number_of_nodes(), name
        assert graph.number_of_edges() == reference.number_of_edges(), name
    seed_edges = [(u, v, d) for u, v, d in reference.edges(data=True) if d["doc_key"] == "wilson-118186"]
    sent = [d for _, _, d in seed_edges if d["relation"] == "sent_to"]
    assert len(sent) == 2 and all(d["date"] == "1962-04-25" for d in sent)
    assert all(d["document"] == f"{BASE}doc/wilson-118186" for _, _, d in seed_edges)
    delivered = {(u.rsplit("/", 1)[1], v.rsplit("/", 1)[1], d["date"]) for u, v, d in seed_edges
                 if d["relation"] == "delivered_to"}
    assert delivered == {("zhang-hanfu", "stepan-chervonenko", "1962-04-24"),
                         ("stepan-chervonenko", "zhang-hanfu", "1962-04-24")}
    assert {d["relation"] for _, _, d in reference.edges(data=True)} == {"sent_to", "delivered_to", "met", "co_mentioned"}
    node = reference.nodes[f"{BASE}person/xu-huang"]
    assert (node["label"], node["type"], node["iri"]) == ("Xu Huang", "Person", f"{BASE}person/xu-huang")
    for _, data in graphs["graphml"].nodes(data=True):
        assert all(isinstance(v, str) for v in data.values()), "flat string attributes only"


def test_gexf_is_valid_against_the_schema_it_declares(corpus_export):
    _, out = corpus_export
    document = etree.parse(str(out / "actors.gexf"))
    assert document.getroot().get("version") == "1.2"
    schema = etree.XMLSchema(etree.parse(str(GEXF_SCHEMA)))
    assert schema.validate(document), schema.error_log


def test_void_describes_the_dataset(corpus_export):
    result, out = corpus_export
    store = ox.Store()
    store.load(path=str(out / "void.ttl"), format=ox.RdfFormat.TURTLE)
    rows = list(store.query("PREFIX void: <http://rdfs.org/ns/void#> SELECT ?t ?d WHERE { ?s void:triples ?t ; void:documents ?d }"))
    assert [(int(r["t"].value), int(r["d"].value)) for r in rows] == [(result.summary.triples, result.summary.documents)]
    sizes = list(store.query("PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                             "SELECT ?n ?b WHERE { ?d dcterms:title ?n ; dcat:byteSize ?b }"))
    assert {r["n"].value: int(r["b"].value) for r in sizes} == {
        name: (out / name).stat().st_size for name in ("graph.ttl", "graph.trig", "graph.nq")}


def test_report_json_matches_the_summary(corpus_export):
    result, out = corpus_export
    data = json.loads((out / "report.json").read_text("utf-8"))
    assert data["summary"]["documents"] == result.summary.documents
    assert data["problem_codes"] == {"date-disagrees": 1}


def test_same_input_same_bytes(tmp_path):
    inputs = [EXAMPLES, seed_path()]
    first, second = tmp_path / "a", tmp_path / "b"
    export(inputs, first)
    export(list(reversed(inputs)), second)
    for writer in WRITERS.values():  # report.ttl too: pyshacl's random blank nodes are relabelled from content
        assert (first / writer.filename).read_bytes() == (second / writer.filename).read_bytes(), writer.filename


def test_configurable_base(tmp_path):
    export([EXAMPLES / "wilson-900103.txt"], tmp_path, base="https://archive.example.edu/cold-war/")
    text = (tmp_path / "graph.ttl").read_text("utf-8")
    assert "@prefix doc: <https://archive.example.edu/cold-war/doc/> ." in text
    assert "data.example.org" not in text


def test_interrupted_export_leaves_previous_output_intact(tmp_path, monkeypatch):
    export([EXAMPLES / "wilson-900103.txt"], tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(bundle):
        raise KeyboardInterrupt

    monkeypatch.setitem(WRITERS, "json", WRITERS["json"].__class__("actors.json", "broken", broken))
    with pytest.raises(KeyboardInterrupt):
        export([EXAMPLES], tmp_path)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before, "nothing may change until every file is written"


def test_concepts_keep_the_wording_each_document_printed(corpus_export):
    _, out = corpus_export
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    graph = dataset.graph(URIRef(f"{BASE}graph/doc/wilson-900114"))
    concept = URIRef(f"{BASE}classification/ussr-top-secret")
    from rdflib.namespace import SKOS
    assert {str(o) for o in graph.objects(concept, SKOS.prefLabel)} == {"Top Secret"}
    assert {str(o) for o in graph.objects(concept, SKOS.altLabel)} == {"TOP SECRET"}
    assert (URIRef(f"{BASE}doc/wilson-900114"), DIP.classification, concept) in graph


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(tmp_path):
    """SIGKILL leaves a staging folder behind; the next run removes it (and leaves a live run's alone)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    script = ("import sys; from pathlib import Path; from kg.pipeline import export; "
              "export([Path(sys.argv[1])], Path(sys.argv[2]), jobs=1)")
    child = subprocess.Popen([sys.executable, "-c", script, str(EXAMPLES), str(out)])
    deadline = time.monotonic() + 60
    while not list(out.glob(".kg-staging-*/.owner")) and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    assert list(out.glob(".kg-staging-*/.owner")), "the export ended before its staging folder was made"
    child.send_signal(signal.SIGKILL)
    child.wait()
    live = out / ".kg-staging-live"
    live.mkdir()
    (live / ".owner").write_text(str(os.getpid()), "ascii")
    export([EXAMPLES / "wilson-900103.txt"], out, jobs=1)
    assert [p.name for p in out.glob(".kg-staging-*")] == [".kg-staging-live"]
