"""What goes into a store comes back: an export of a corpus with tricky cells, loaded into the embedded
store, Oxigraph server and Virtuoso, is queried back quad by quad and compared with graph.nq (no quad lost,
none altered, none added); Virtuoso's own Turtle bulk loader reads graph.ttl back as written. The servers
are real, started by .ci/stores.sh (make test); a test whose store is not running skips and says so. The
corpus is minted under a base of its own, and its graphs are dropped from the servers afterwards, so the
other store tests see only theirs."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from corpus import EXAMPLES, seed_path
from kg.pipeline import export
from kg.query.load import load_endpoint, load_store, query_endpoint
from test_parsers import TRICKY

OXIGRAPH = os.environ.get("OXIGRAPH_URL")
VIRTUOSO = os.environ.get("VIRTUOSO_SPARQL_URL")
VIRTUOSO_GSP = os.environ.get("VIRTUOSO_GSP_URL")
AUTH = (os.environ.get("VIRTUOSO_USER"), os.environ.get("VIRTUOSO_PASSWORD"))
BASE = "https://roundtrip.example.org/kg/"
TURTLE_GRAPH = "urn:kg:turtle-check"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
XSD = "http://www.w3.org/2001/XMLSchema#"
Term = tuple[str, ...]


def _term(term: object) -> Term:
    """A term as compared: an IRI, or a literal's lexical form, datatype and language (values kept exact,
    except the dateTime spellings ``Z``/``+00:00``/``.0`` that stores print differently for one instant)."""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        value = term.value
        if datatype == XSD + "dateTime":
            value = value.replace("+00:00", "Z").replace(".0Z", "Z")
        return ("literal", value, "" if term.language else datatype, term.language or "")
    return ("iri", term.value)  # type: ignore[attr-defined]


def _binding(value: dict[str, str]) -> Term:
    if value["type"] == "uri":
        return ("iri", value["value"])
    language = value.get("xml:lang", "")
    datatype = "" if language else value.get("datatype", XSD + "string")
    lexical = value["value"]
    if datatype == XSD + "dateTime":
        lexical = lexical.replace("+00:00", "Z").replace(".0Z", "Z")
    return ("literal", lexical, datatype, language)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[tuple[Term, ...]]]:
    folder = tmp_path_factory.mktemp("in")
    # its web addresses under kg's namespaces need escapes as prefixed names: under this base too
    (folder / "tricky.csv").write_text(TRICKY.replace("https://data.example.org/kg/", BASE), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    paths = [EXAMPLES, seed_path(), SHARED / "frus" / "frus1961-63v06.excerpt.xml",
             SHARED / "cmif" / "example01_basic.xml", folder]
    assert export(paths, out, jobs=1, base=BASE).exit_code == 0
    quads = {(_term(q.graph_name), _term(q.subject), _term(q.predicate), _term(q.object))
             for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)}
    return out, quads


def _isql(statement: str) -> str:
    done = subprocess.run(["isql-vt", f"127.0.0.1:{os.environ['VIRTUOSO_ISQL_PORT']}", *AUTH, f"exec={statement}"],
                          capture_output=True, text=True, check=False)
    assert "*** Error" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module", autouse=True)
def drop_our_graphs(written):
    """After the module: remove every graph it loaded into the servers."""
    yield
    graphs = sorted({quad[0][1] for quad in written[1]})
    if OXIGRAPH:
        for graph in graphs:
            request = urllib.request.Request(f"{OXIGRAPH}/store?graph={urllib.parse.quote(graph, safe='')}",
                                             method="DELETE")
            try:
                urllib.request.urlopen(request, timeout=30).close()
            except urllib.error.HTTPError as err:
                assert err.code == 404, err  # a graph the test never loaded
    if VIRTUOSO and os.environ.get("VIRTUOSO_ISQL_PORT"):
        for graph in [*graphs, TURTLE_GRAPH]:
            _isql(f"SPARQL CLEAR GRAPH <{graph}>;")


def _remote_quads(endpoint: str, graphs: set[str]) -> set[tuple[Term, ...]]:
    """Every quad of our graphs, one query per graph (so no store's result limit cuts the answer)."""
    found = set()
    for graph in sorted(graphs):
        data = query_endpoint(endpoint, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        for row in data["results"]["bindings"]:
            found.add((("iri", graph), _binding(row["s"]), _binding(row["p"]), _binding(row["o"])))
    return found


def _graphs(quads: set[tuple[Term, ...]]) -> set[str]:
    return {quad[0][1] for quad in quads}


def _same(found: set[tuple[Term, ...]], expected: set[tuple[Term, ...]]) -> None:
    lost, added = sorted(expected - found)[:3], sorted(found - expected)[:3]
    assert found == expected, f"{len(expected - found)} lost, e.g. {lost}; {len(found - expected)} added, e.g. {added}"


def test_embedded_store_gives_back_every_quad(written, tmp_path):
    out, expected = written
    load_store(out, tmp_path / "store")
    store = ox.Store.read_only(str(tmp_path / "store"))
    _same({(_term(q.graph_name), _term(q.subject), _term(q.predicate), _term(q.object)) for q in store}, expected)


@pytest.mark.skipif(not OXIGRAPH, reason="no Oxigraph server: run the tests with make test")
def test_oxigraph_server_gives_back_every_quad(written):
    out, expected = written
    load_endpoint(out, f"{OXIGRAPH}/store")
    _same(_remote_quads(f"{OXIGRAPH}/query", _graphs(expected)), expected)


@pytest.mark.skipif(not (VIRTUOSO and VIRTUOSO_GSP), reason="no Virtuoso: make test as root installs it")
def test_virtuoso_gives_back_every_quad(written):
    out, expected = written
    load_endpoint(out, VIRTUOSO_GSP, *AUTH)
    _same(_remote_quads(VIRTUOSO, _graphs(expected)), expected)


@pytest.mark.skipif(not (VIRTUOSO and os.environ.get("VIRTUOSO_LOAD_DIR")), reason="no Virtuoso: make test as root")
def test_virtuoso_turtle_loader_reads_graph_ttl_as_written(written):
    """Virtuoso's own Turtle parser on graph.ttl: the file users bulk-load; escaped prefixed names would
    come back with their backslashes."""
    out, _ = written
    folder = Path(tempfile.mkdtemp(prefix="turtle-", dir=os.environ["VIRTUOSO_LOAD_DIR"]))  # new to the load list
    shutil.copy(out / "graph.ttl", folder / "graph.ttl")
    graph = TURTLE_GRAPH
    _isql(f"SPARQL CLEAR GRAPH <{graph}>;")
    _isql(f"ld_dir('{folder}', 'graph.ttl', '{graph}'); rdf_loader_run(); checkpoint;")
    assert folder.name not in _isql("SELECT ll_file FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
    expected = {(("iri", graph), _term(t.subject), _term(t.predicate), _term(t.object))
                for t in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    _same(_remote_quads(VIRTUOSO, {graph}), expected)
