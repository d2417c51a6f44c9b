"""The catalogue on three stores: the embedded engine, Oxigraph server and Virtuoso, loaded with the same export.

The servers are real, started by ``.ci/stores.sh`` (``make test``); a test whose
store is not running skips and says so.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from corpus import EXAMPLES, seed_path
from kg.pipeline import export
from kg.query import QueryError, open_store, run
from kg.query.catalogue import catalogue
from kg.query.load import load_endpoint, load_store, query_endpoint

OXIGRAPH = os.environ.get("OXIGRAPH_URL")
VIRTUOSO = os.environ.get("VIRTUOSO_SPARQL_URL")
VIRTUOSO_GSP = os.environ.get("VIRTUOSO_GSP_URL")
AUTH = (os.environ.get("VIRTUOSO_USER"), os.environ.get("VIRTUOSO_PASSWORD"))
BASE = "https://data.example.org/kg/"
needs_oxigraph = pytest.mark.skipif(not OXIGRAPH, reason="no Oxigraph server: run the tests with make test")
needs_virtuoso = pytest.mark.skipif(not (VIRTUOSO and VIRTUOSO_GSP), reason="no Virtuoso: make test as root installs it")


def normal(value: str) -> str:
    """One lexical form for what stores print differently (Virtuoso's dateTime and boolean forms)."""
    value = re.sub(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.0+)?(?:Z|\+00:00)$", r"\1Z", value)
    return {"1": "true", "0": "false"}.get(value, value)


def embedded_rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    result = run(store, query)
    names = [v.value for v in result.variables]
    return [tuple(normal(getattr(row[n], "value", "")) if row[n] is not None else "" for n in names) for row in result]


def remote_rows(endpoint: str, query: str) -> list[tuple[str, ...]]:
    data = query_endpoint(endpoint, query)
    names = data["head"]["vars"]
    return [tuple(normal(b[n]["value"]) if n in b else "" for n in names) for b in data["results"]["bindings"]]


@pytest.fixture(scope="module")
def embedded(corpus_export, tmp_path_factory):
    _, out = corpus_export
    folder = tmp_path_factory.mktemp("store")
    loaded = load_store(out, folder)
    assert loaded.graphs == 22
    return ox.Store.read_only(str(folder)), out


@pytest.fixture(scope="module")
def answers(embedded):
    store, _ = embedded
    return {name: embedded_rows(store, entry.text) for name, entry in catalogue().items()}


def test_every_catalogue_query_answers_on_the_embedded_store(answers):
    assert len(answers) >= 12
    empty = [name for name, rows in answers.items() if not rows]
    assert not empty


def test_embedded_store_equals_reading_the_export(embedded, answers):
    _, out = embedded
    memory = open_store(export=out)
    for name, entry in catalogue().items():
        assert sorted(embedded_rows(memory, entry.text)) == sorted(answers[name]), name


@needs_oxigraph
def test_oxigraph_server_gives_the_same_answers(embedded, answers):
    _, out = embedded
    load_endpoint(out, f"{OXIGRAPH}/store")
    for name, entry in catalogue().items():
        assert sorted(remote_rows(f"{OXIGRAPH}/query", entry.text)) == sorted(answers[name]), name


@needs_virtuoso
def test_virtuoso_gives_the_same_answers(embedded, answers):
    _, out = embedded
    load_endpoint(out, VIRTUOSO_GSP, *AUTH)
    for name, entry in catalogue().items():
        assert sorted(remote_rows(VIRTUOSO, entry.text)) == sorted(answers[name]), name


QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def _digests(rows: list[tuple[str, ...]]) -> dict[str, int]:
    """A fingerprint of each of our named graphs' statements (store system graphs left out)."""
    graphs: dict[str, list[tuple[str, ...]]] = {}
    for graph, *triple in rows:
        if graph.startswith(BASE):
            graphs.setdefault(graph, []).append(tuple(triple))
    return {graph: hash(tuple(sorted(triples))) for graph, triples in graphs.items()}


def _changed_export(tmp_path: Path) -> tuple[Path, str]:
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLES, docs, ignore=shutil.ignore_patterns("bad"))
    shutil.copy(seed_path(), docs)
    path = docs / "wilson-900103.txt"
    path.write_text(path.read_text("utf-8").replace("Beijing, 9 August 1962", "Beijing, 10 August 1962"), "utf-8")
    out = tmp_path / "out"
    export([docs], out)
    return out, f"{BASE}graph/doc/wilson-900103"


def _changed_graphs(before: dict[str, int], after: dict[str, int]) -> list[str]:
    assert set(before) == set(after)
    return [graph for graph in sorted(before) if before[graph] != after[graph]]


def test_reloading_one_document_replaces_only_its_graph_embedded(embedded, tmp_path):
    _, out = embedded
    folder = tmp_path / "store"
    load_store(out, folder)
    store = ox.Store(str(folder))
    before = _digests(embedded_rows(store, QUADS))
    marker = f"ASK {{ GRAPH <{BASE}graph/doc/wilson-900103> {{ ?d <https://w3id.org/dipcorr#textDate> \"1962-08-10\"^^<http://www.w3.org/2001/XMLSchema#date> }} }}"
    assert not store.query(marker)
    del store
    changed_out, graph = _changed_export(tmp_path)
    load_store(changed_out, folder)
    store = ox.Store(str(folder))
    assert store.query(marker)
    assert _changed_graphs(before, _digests(embedded_rows(store, QUADS))) == [graph]


@needs_oxigraph
def test_reloading_one_document_replaces_only_its_graph_on_a_server(embedded, tmp_path):
    _, out = embedded
    load_endpoint(out, f"{OXIGRAPH}/store")
    before = _digests(remote_rows(f"{OXIGRAPH}/query", QUADS))
    changed_out, graph = _changed_export(tmp_path)
    loaded = load_endpoint(changed_out, f"{OXIGRAPH}/store", only={graph})
    assert loaded.graphs == 1
    after = _digests(remote_rows(f"{OXIGRAPH}/query", QUADS))
    assert _changed_graphs(before, after) == [graph]
    dates = remote_rows(f"{OXIGRAPH}/query", f"SELECT ?d WHERE {{ GRAPH <{graph}> {{ ?x <https://w3id.org/dipcorr#textDate> ?d }} }}")
    assert dates == [("1962-08-10",)]


def test_unreachable_store_and_refused_upload(embedded):
    _, out = embedded
    with pytest.raises(QueryError, match="cannot reach http://127.0.0.1:9/store"):
        load_endpoint(out, "http://127.0.0.1:9/store")
    if VIRTUOSO_GSP:
        with pytest.raises(QueryError, match="HTTP 401.*check --user and --password"):
            load_endpoint(out, VIRTUOSO_GSP, "dba", "wrong-password", only={f"{BASE}graph/doc/wilson-900103"})


@needs_virtuoso
def test_reloading_one_document_replaces_only_its_graph_on_virtuoso(embedded, tmp_path):
    _, out = embedded
    load_endpoint(out, VIRTUOSO_GSP, *AUTH)
    before = _digests(remote_rows(VIRTUOSO, QUADS))
    changed_out, graph = _changed_export(tmp_path)
    load_endpoint(changed_out, VIRTUOSO_GSP, *AUTH, only={graph})
    assert _changed_graphs(before, _digests(remote_rows(VIRTUOSO, QUADS))) == [graph]


def test_oxigraph_command_line_bulk_load(embedded, answers, tmp_path):
    """The README's offline recipe: ``oxigraph load`` into a location, then the same answers from it."""
    import subprocess
    import sys

    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.is_file():
        pytest.skip("the oxigraph command is not installed: pip install oxigraph==0.5.13 (make test does)")
    _, out = embedded
    location = tmp_path / "ox-db"
    done = subprocess.run([str(binary), "load", "--location", str(location), "--file", str(out / "graph.nq")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    store = ox.Store.read_only(str(location))
    for name, entry in catalogue().items():
        assert sorted(embedded_rows(store, entry.text)) == sorted(answers[name]), name


@needs_virtuoso
def test_virtuoso_bulk_loader(embedded, answers):
    """The README's Virtuoso bulk recipe: ld_dir + rdf_loader_run, with LOAD_LIST checked for errors."""
    import subprocess

    _, out = embedded
    folder = Path(os.environ["VIRTUOSO_LOAD_DIR"]) / "bulk"
    folder.mkdir(exist_ok=True)
    shutil.copy(out / "graph.nq", folder / "graph.nq")
    port = os.environ["VIRTUOSO_ISQL_PORT"]

    def isql(statement: str) -> str:
        done = subprocess.run(["isql-vt", f"127.0.0.1:{port}", *AUTH, f"exec={statement}"],
                              capture_output=True, text=True, check=False)
        assert "*** Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        return done.stdout

    for graph in {row[0] for row in remote_rows(VIRTUOSO, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
                  if row[0].startswith(BASE)}:
        isql(f"SPARQL CLEAR GRAPH <{graph}>;")
    isql(f"ld_dir('{folder}', 'graph.nq', 'urn:kg:none'); rdf_loader_run(); checkpoint;")
    assert "graph.nq" not in isql("SELECT ll_file FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
    for name, entry in catalogue().items():
        assert sorted(remote_rows(VIRTUOSO, entry.text)) == sorted(answers[name]), name
