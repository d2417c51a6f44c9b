"""A document's serialised pieces: its N-Quads and TriG blocks and its lines for the merged graph.

The dumps are written one document at a time (see :mod:`kg.export.stream`), so
each document graph is serialised once, in canonical order, where it was
mapped (possibly in a worker process), and only bytes travel on. Because a
document's named graph is one block in TriG and one run of lines in N-Quads,
concatenating the pieces in graph-name order gives exactly the bytes a
whole-corpus serialisation would.

The merged graph (``graph.ttl``) needs every distinct triple of the corpus in
one canonical order, so each document also contributes *sort lines*: its
triples as N-Triples with a one-character flag after the subject (``0`` for
``rdf:type``, ``1`` otherwise), which makes plain byte order the canonical
order (subject, ``rdf:type`` first, predicate, object) and lets sorted runs
be merged without a Python key function.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.export.oxigraph import canonical_quads, strip_prefixes, term
from kg.rdf.graph import Triple
from kg.rdf.vocab import RDF

_TYPE = f"<{RDF.type}>"


@dataclass(frozen=True)
class DocumentChunk:
    """The bytes one document adds to the dumps."""

    key: str
    graph: str
    nquads: bytes
    trig: bytes  # the graph's TriG block, without prefix lines
    lines: tuple[bytes, ...]  # sorted, distinct sort lines of the triples that go into graph.ttl
    triples: int  # triples in the named graph


def sort_line(triple: ox.Triple) -> bytes:
    """The sort line of one triple: N-Triples with the ``rdf:type`` flag after the subject.

    >>> t = ox.Triple(ox.NamedNode("https://ex.org/a"), ox.NamedNode(str(RDF.type)), ox.NamedNode("https://ex.org/C"))
    >>> sort_line(t)
    b'<https://ex.org/a> 0<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://ex.org/C> .\\n'
    """
    predicate = str(triple.predicate)
    flag = "0" if predicate == _TYPE else "1"
    return f"{triple.subject} {flag}{predicate} {triple.object} .\n".encode("utf-8")


def ntriples_line(line: bytes) -> bytes:
    """The N-Triples statement of a sort line (the flag removed).

    >>> ntriples_line(b'<https://ex.org/a> 1<https://ex.org/p> "x" .\\n')
    b'<https://ex.org/a> <https://ex.org/p> "x" .\\n'
    """
    cut = line.index(b" ") + 1
    return line[:cut] + line[cut + 1:]


def document_chunk(
    key: str, graph: str, statements: Iterable[Triple], evidence: Iterable[Triple],
    prefixes: dict[str, str], lean: bool = False,
) -> DocumentChunk:
    """Serialise one document graph; ``lean`` keeps its evidence out of the merged-graph lines.

    >>> from rdflib import URIRef, Literal
    >>> a = URIRef("https://ex.org/a")
    >>> chunk = document_chunk("d1", "https://ex.org/g", [(a, RDF.type, URIRef("https://ex.org/C"))],
    ...                        [(a, URIRef("https://ex.org/p"), Literal("x"))], {"ex": "https://ex.org/"}, lean=True)
    >>> chunk.trig.decode()
    'ex:g {\\n\\tex:a a ex:C ;\\n\\t\\tex:p "x" .\\n}\\n'
    >>> len(chunk.lines), chunk.triples
    (1, 2)
    """
    own = [ox.Triple(term(s), term(p), term(o)) for s, p, o in statements]  # type: ignore[arg-type]
    cited = [ox.Triple(term(s), term(p), term(o)) for s, p, o in evidence]  # type: ignore[arg-type]
    name = ox.NamedNode(graph)
    quads = canonical_quads(ox.Quad(t.subject, t.predicate, t.object, name) for t in own + cited)
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)
    lines = {sort_line(t) for t in (own if lean else own + cited)}
    return DocumentChunk(key, graph, nquads, strip_prefixes(trig, prefixes), tuple(sorted(lines)), len(quads))
