"""The one place an rdflib :class:`~rdflib.Graph` is built from triples."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


def build_graph(
    triples: Iterable[Triple] = (), prefixes: dict[str, str] | None = None, source: Path | None = None
) -> Graph:
    """A Graph holding ``triples`` (and the Turtle file ``source``), with only the given prefixes bound.

    >>> from rdflib import URIRef, Literal
    >>> g = build_graph([(URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), Literal("x"))])
    >>> len(g)
    1
    """
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in (prefixes or {}).items():
        graph.bind(prefix, namespace)
    if source is not None:
        graph.parse(source, format="turtle")
    for triple in triples:
        graph.add(triple)
    return graph
