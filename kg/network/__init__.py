"""The actor network (the only networkx user): build it from resolved documents, write and read it.

Nodes are actors (keyed by IRI) with ``iri``, ``label`` and ``type``; every
edge is one relation attested by one document: ``relation`` (``sent_to``,
``delivered_to``, ``met`` or ``co_mentioned``; the last two from the smaller
IRI to the larger), ``document`` (IRI), ``doc_key``, ``title`` and ``date``
(ISO, at the printed precision), with ``date_min``/``date_max`` bounds. All
attributes are flat strings, so Gephi and Cytoscape open the files.
Writers and readers come in pairs (``write_graphml``/``read_graphml``...).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable

import networkx as nx

from kg.extract.dates import bounds
from kg.model import Actor, DateValue, ResolvedDocument

_GRAPH_NAME = re.compile(rb'(<graph\b[^>]*?)\s+name="[^"]*"')
_MODIFIED = re.compile(rb'<meta lastmodifieddate="[^"]*">')
#: The type of the actor graph, for the stages downstream that must not import networkx.
ActorGraph = nx.MultiDiGraph

_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}


def actor_graph(documents: Iterable[ResolvedDocument]) -> nx.MultiDiGraph:
    """A MultiDiGraph with one ``sent_to`` edge per sender, recipient and document.

    >>> from kg.model import DocumentRecord, DateValue
    >>> rec = DocumentRecord("x", "wilson", "text-export", "wilson-1", "1", "Cable", "Cable", DateValue("1962", "1962", "year"))
    >>> a, b = Actor("https://ex.org/a", "person", "A"), Actor("https://ex.org/b", "organization", "B")
    >>> g = actor_graph([ResolvedDocument(rec, "https://ex.org/doc/1", "https://ex.org/g/1", None, None, senders=(a,), recipients=(b,))])
    >>> list(g.edges(keys=True, data="relation"))
    [('https://ex.org/a', 'https://ex.org/b', 'wilson-1--sent_to', 'sent_to')]
    """
    graph = nx.MultiDiGraph(name="actors")
    for doc in sorted(documents, key=lambda d: d.record.key):
        for source, target, relation, when in _relations(doc):
            if source.iri == target.iri:
                continue
            _node(graph, source)
            _node(graph, target)
            first, last = bounds(when)
            key = f"{doc.record.key}--{relation}"
            if graph.has_edge(source.iri, target.iri, key):
                continue
            graph.add_edge(
                source.iri, target.iri, key=key, relation=relation, document=doc.iri, doc_key=doc.record.key,
                title=doc.record.title, date=when.iso, date_min=first[:10], date_max=last[:10],
                link=doc.record.url or doc.iri,
            )
        for post in doc.posts:
            if post.holder in graph:
                held = set(filter(None, graph.nodes[post.holder].get("posts", "").split(" | ")))
                graph.nodes[post.holder]["posts"] = " | ".join(sorted(held | {post.label}))
    return graph


def _relations(doc: ResolvedDocument) -> list[tuple[Actor, Actor, str, DateValue]]:
    """Every relation a document attests: routing, meetings, deliveries and co-mentions."""
    found = [(s, r, "sent_to", doc.record.date) for s in doc.senders for r in doc.recipients]
    for event in doc.events:
        when = event.date or doc.record.date
        if event.kind == "delivery" and event.by and event.to:
            found.append((event.by, event.to, "delivered_to", when))
        elif event.kind == "meeting":
            people = sorted(event.participants, key=lambda a: a.iri)
            found += [(a, b, "met", when) for i, a in enumerate(people) for b in people[i + 1 :]]
    named = sorted((a for a in doc.mentioned if a.kind != "place"), key=lambda a: a.iri)
    found += [(a, b, "co_mentioned", doc.record.date) for i, a in enumerate(named) for b in named[i + 1 :]]
    return found


def _node(graph: nx.MultiDiGraph, actor: Actor) -> None:
    if actor.iri not in graph:
        graph.add_node(actor.iri, iri=actor.iri, label=actor.label, type=_TYPES[actor.kind], posts="")


def write_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML bytes (string attributes only, readable by Gephi, Cytoscape and yEd)."""
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buffer.getvalue()


def read_graphml(data: bytes) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(data), force_multigraph=True)


def write_gexf(graph: nx.MultiDiGraph) -> bytes:
    """Dynamic GEXF 1.2draft bytes (node spells, edge start and end), valid against the schema they declare.

    NetworkX puts a ``name`` attribute on ``<graph>`` that the 1.2draft schema
    rejects, and today's date in ``<meta>``; both are removed, so the file is
    valid and the same bytes on every run.
    """
    buffer = io.BytesIO()
    nx.write_gexf(dynamic(graph), buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    text = _GRAPH_NAME.sub(rb"\1", buffer.getvalue(), count=1)
    return _MODIFIED.sub(b"<meta>", text, count=1)


def dynamic(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy for Gephi's timeline: every edge spans its document's dates, every actor the span of its edges.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", date_min="1962-04-24", date_max="1962-04-25")
    >>> d = dynamic(g)
    >>> d.graph["mode"], d.nodes["a"]["spells"], d.edges["a", "b", 0]["start"]
    ('dynamic', [('1962-04-24', '1962-04-25')], '1962-04-24')
    """
    copy = graph.copy()
    copy.graph["mode"] = "dynamic"
    for _, _, data in copy.edges(data=True):
        if data.get("date_min"):
            data["start"] = data["date_min"]
        if data.get("date_max"):
            data["end"] = data["date_max"]
    for node in copy.nodes:
        edges = [d for *_, d in copy.in_edges(node, data=True)] + [d for *_, d in copy.out_edges(node, data=True)]
        starts = [d["date_min"] for d in edges if d.get("date_min")]
        ends = [d["date_max"] for d in edges if d.get("date_max")]
        if starts or ends:  # a letter dated only "before 1690" leaves its actors' spell open at the start
            copy.nodes[node]["spells"] = [(min(starts) if starts else None, max(ends) if ends else None)]
    return copy


def time_slice(graph: nx.MultiDiGraph, start: str, end: str) -> nx.MultiDiGraph:
    """The relations dated within ``[start, end]`` (ISO days), with the actors they join.

    An edge belongs to the slice when its date range overlaps the window.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", date_min="1962-04-24", date_max="1962-04-24")
    >>> _ = g.add_edge("b", "c", date_min="1950-08-31", date_max="1950-08-31")
    >>> sorted(time_slice(g, "1962-04-01", "1962-06-30").nodes)
    ['a', 'b']
    """
    if start > end:
        raise ValueError(f"the slice starts ({start}) after it ends ({end})")
    kept = nx.MultiDiGraph(**graph.graph)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if (data.get("date_min") or "") <= end and (data.get("date_max") or "9999") >= start:
            for node in (source, target):
                if node not in kept:
                    kept.add_node(node, **graph.nodes[node])
            kept.add_edge(source, target, key=key, **data)
    return kept


def read_gexf(data: bytes) -> nx.MultiDiGraph:
    graph = nx.read_gexf(io.BytesIO(data), node_type=str, relabel=False)
    return graph if graph.is_multigraph() else nx.MultiDiGraph(graph)


def write_json(graph: nx.MultiDiGraph) -> bytes:
    """Node-link JSON (the format of d3 and of ``networkx.node_link_graph``), sorted keys."""
    data = nx.node_link_data(graph, edges="links")
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def read_json(data: bytes) -> nx.MultiDiGraph:
    return nx.node_link_graph(json.loads(data), directed=True, multigraph=True, edges="links")


#: Actor-graph formats: file suffix to (writer, reader).
FORMATS = {
    "graphml": (write_graphml, read_graphml),
    "gexf": (write_gexf, read_gexf),
    "json": (write_json, read_json),
}
