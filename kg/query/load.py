"""Loading an export into a store: an embedded on-disk store, or any store speaking the SPARQL 1.1
Graph Store HTTP Protocol.

Either way each document's named graph is replaced as a whole, so loading a
re-exported document replaces its statements and nothing else; the
vocabulary goes to a graph of its own.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.query import QueryError


@dataclass(frozen=True)
class Loaded:
    """What a load did."""

    graphs: int
    quads: int

    def line(self) -> str:
        return f"loaded {self.quads} statements in {self.graphs} named graphs"


def _dump(export: Path) -> Path:
    dump = export / "graph.nq"
    if not dump.is_file():
        raise QueryError(f"{export} holds no graph.nq; run kg export first")
    return dump


def _graphs(export: Path) -> dict[str, list[ox.Triple]]:
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(_dump(export)), format=ox.RdfFormat.N_QUADS):
        graphs[quad.graph_name.value].append(quad.triple)
    return graphs


def load_store(export: Path, store_dir: Path) -> Loaded:
    """Put an export into an on-disk pyoxigraph store, replacing the graphs it holds.

    >>> load_store(Path("/no/such/export"), Path("/tmp/x"))
    Traceback (most recent call last):
    kg.query.QueryError: /no/such/export holds no graph.nq; run kg export first
    """
    dump = _dump(export)
    counts: dict[str, int] = defaultdict(int)
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):  # streamed: only names and counts kept
        counts[quad.graph_name.value] += 1
    store = ox.Store(str(store_dir))
    for name in counts:
        store.remove_graph(ox.NamedNode(name))
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    store.flush()
    return Loaded(len(counts), sum(counts.values()))


def load_endpoint(export: Path, endpoint: str, user: str | None = None, password: str | None = None,
                  only: set[str] | None = None) -> Loaded:
    """PUT every named graph of an export (or those in ``only``) to a Graph Store Protocol endpoint."""
    graphs = _graphs(export)
    opener = _opener(endpoint, user, password)
    quads = 0
    for name, triples in sorted(graphs.items()):
        if only is not None and name not in only:
            continue
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        url = f"{endpoint}{'&' if '?' in endpoint else '?'}graph={urllib.parse.quote(name, safe='')}"
        request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "text/turtle"})
        _send(opener, request, endpoint)
        quads += len(triples)
    return Loaded(len(graphs) if only is None else len(only & set(graphs)), quads)


def _opener(endpoint: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    if not user:
        return urllib.request.build_opener()
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, endpoint, user, password or "")
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager),
                                       urllib.request.HTTPBasicAuthHandler(manager))


def _send(opener: urllib.request.OpenerDirector, request: urllib.request.Request, endpoint: str) -> bytes:
    try:
        with opener.open(request, timeout=60) as response:
            return response.read()
    except urllib.error.HTTPError as err:
        detail = err.read()[:300].decode("utf-8", "replace").strip()
        hint = " (check --user and --password)" if err.code in (401, 403) else ""
        raise QueryError(f"{endpoint} refused the request: HTTP {err.code} {err.reason}{hint}: {detail}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise QueryError(f"cannot reach {endpoint} ({reason}); is the store running, and is the URL right?") from None


def query_endpoint(endpoint: str, query: str, user: str | None = None, password: str | None = None) -> dict:
    """Run a SELECT or ASK query against a SPARQL endpoint; the answer as SPARQL results JSON."""
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{urllib.parse.urlencode({'query': query})}"
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    if user:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    return json.loads(_send(urllib.request.build_opener(), request, endpoint))
