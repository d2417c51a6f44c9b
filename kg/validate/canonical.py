"""Content-derived labels for the blank nodes of a pyshacl report, so the report is the same bytes every run.

pyshacl labels its result nodes with random blank node ids; a result's label
here is a digest of what it says (focus node, path, value, shape, severity,
message), and a node nested in it (a complex path, a detail) is labelled
from its parent's label and its place under it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from rdflib import BNode, Graph
from rdflib.term import Node

from kg.rdf.graph import Triple
from kg.rdf.vocab import RDF, SH


def canonical_results(results: Graph) -> Iterator[tuple[Node, list[Triple]]]:
    """Each validation result of ``results`` with its triples, blank nodes relabelled from content.

    >>> from rdflib import URIRef, Literal
    >>> g = Graph()
    >>> r = BNode()
    >>> _ = g.add((r, RDF.type, SH.ValidationResult)).add((r, SH.focusNode, URIRef("https://ex.org/a")))
    >>> [(str(s), str(o)) for _, triples in canonical_results(g) for s, p, o in triples if p == SH.focusNode]
    [('r998286b3b234d688', 'https://ex.org/a')]
    """
    seen: set[str] = set()
    for result in sorted(results.subjects(RDF.type, SH.ValidationResult), key=lambda n: _shallow(results, n)):
        label = "r" + _digest(_shallow(results, result))
        while label in seen:  # identical in every visible respect: keep both, in a stable order
            label += "x"
        seen.add(label)
        names: dict[Node, BNode] = {result: BNode(label)}
        yield result, list(_relabel(results, result, names, label))


def _relabel(results: Graph, node: Node, names: dict[Node, BNode], label: str) -> Iterator[Triple]:
    children = sorted(((p, o) for p, o in results.predicate_objects(node)), key=lambda po: (po[0], _shallow(results, po[1])))
    for index, (predicate, obj) in enumerate(children):
        if isinstance(obj, BNode):
            if obj not in names:
                names[obj] = BNode(f"{label}-{index}")
                yield from _relabel(results, obj, names, names[obj])
            obj = names[obj]
        yield names[node], predicate, obj


def _shallow(results: Graph, node: Node) -> str:
    """A node's own statements as text, its blank neighbours blanked out."""
    if not isinstance(node, BNode):
        return node.n3()
    pairs = sorted(f"{p.n3()} {'_' if isinstance(o, BNode) else o.n3()}" for p, o in results.predicate_objects(node))
    return "\n".join(pairs)


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
