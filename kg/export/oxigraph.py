r"""Canonical RDF serialisation through pyoxigraph: sorted, deduplicated, with a fixed prefix map.

pyoxigraph's serialisers are an order of magnitude faster than rdflib's (see
``docs/performance`` in the README); the triples are sorted first, so equal
input gives equal bytes, and the prefix block is written by us, sorted.

pyoxigraph abbreviates an IRI under a prefix even when the local part needs
backslash escapes (``doc:a\(1\)``, ``doc:b\.``), which some stores misread
(Virtuoso 7.2 keeps the backslash). :func:`full_iris` writes such names as full
IRIs instead, so every store reads the same IRI; kg's own IRIs never need it
(they are minted from ``[a-z0-9-]``), but IRIs from the sources may fall under a
prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.rdf.graph import Triple
from kg.rdf.vocab import RDF

Quad = tuple[Node, Node, Node, str]
_RDF_TYPE = str(RDF.type)


def term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term of an rdflib term.

    >>> term(Literal("1962", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")))
    <Literal value=1962 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#gYear>>
    """
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language.lower())
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def _key(s: object, p: object, o: object) -> tuple[str, bool, str, str]:
    return str(s), str(p) != f"<{_RDF_TYPE}>", str(p), str(o)


def sorted_triples(triples: Iterable[Triple]) -> list[ox.Triple]:
    """Distinct triples as pyoxigraph terms, in canonical order (``rdf:type`` first per subject)."""
    converted = {ox.Triple(term(s), term(p), term(o)) for s, p, o in triples}  # type: ignore[arg-type]
    return sorted(converted, key=lambda t: _key(t.subject, t.predicate, t.object))


def sorted_quads(quads: Iterable[Quad]) -> list[ox.Quad]:
    """Distinct quads, grouped by graph name, each graph's triples in canonical order."""
    return canonical_quads(
        ox.Quad(term(s), term(p), term(o), ox.NamedNode(g)) for s, p, o, g in quads  # type: ignore[arg-type]
    )


def canonical_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Distinct pyoxigraph quads in canonical order (graph name, then as :func:`sorted_triples`)."""
    return sorted(set(quads), key=lambda q: (str(q.graph_name), *_key(q.subject, q.predicate, q.object)))


def prefix_block(prefixes: dict[str, str]) -> bytes:
    """The sorted ``@prefix`` lines every Turtle and TriG file starts with.

    >>> prefix_block({"b": "https://b.org/", "a": "https://a.org/"}).decode()
    '@prefix a: <https://a.org/> .\\n@prefix b: <https://b.org/> .\\n'
    """
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(prefixes.items())).encode("utf-8")


def strip_prefixes(body: bytes, prefixes: dict[str, str] | None = None) -> bytes:
    """A serialisation without its leading ``@prefix`` lines (and the blank lines after them); with
    ``prefixes``, prefixed names that need escapes written as full IRIs (see :func:`full_iris`).

    >>> strip_prefixes(b"@prefix ex: <https://ex.org/> .\\n\\nex:a a ex:C .\\n")
    b'ex:a a ex:C .\\n'
    """
    lines = body.split(b"\n")
    start = 0
    while start < len(lines) and (lines[start].startswith(b"@prefix ") or not lines[start]):
        start += 1
    kept = lines[start:]
    return b"\n".join(full_iris(kept, prefixes) if prefixes else kept)


_LITERAL = re.compile(r'("(?:[^"\\]|\\.)*")')
_ESCAPED_NAME = re.compile(r"(?P<pre>^|\s|\^\^|\()(?P<prefix>[A-Za-z][\w.-]*|):(?P<local>\S*\\\S*)")


def full_iris(lines: Iterable[bytes], prefixes: dict[str, str]) -> Iterator[bytes]:
    r"""Turtle or TriG lines with every prefixed name that needs a backslash escape written as a full IRI;
    string literals are left alone.

    >>> list(full_iris([rb'ex:a\(1\) ex:p "ex:b\\(2\\)" , ex:c\. .'], {"ex": "https://ex.org/"}))
    [b'<https://ex.org/a(1)> ex:p "ex:b\\\\(2\\\\)" , <https://ex.org/c.> .']
    """
    for line in lines:
        if b"\\" not in line:
            yield line
            continue
        parts = _LITERAL.split(line.decode("utf-8"))
        for index in range(0, len(parts), 2):  # the even parts lie outside string literals
            if "\\" in parts[index]:
                parts[index] = _ESCAPED_NAME.sub(lambda m: _full(m, prefixes), parts[index])
        yield "".join(parts).encode("utf-8")


_UNESCAPE = re.compile(r"\\(.)")


def _full(match: re.Match[str], prefixes: dict[str, str]) -> str:
    namespace = prefixes.get(match["prefix"])
    if namespace is None:
        return match.group(0)
    local = _UNESCAPE.sub(lambda m: m.group(1), match["local"])
    return f"{match['pre']}<{namespace}{local}>"


def _with_prefixes(body: bytes, prefixes: dict[str, str]) -> bytes:
    return prefix_block(prefixes) + b"\n" + strip_prefixes(body, prefixes)


def turtle(triples: Iterable[Triple], prefixes: dict[str, str]) -> bytes:
    """Canonical Turtle of some triples.

    >>> print(turtle([(URIRef("https://ex.org/a"), RDF.type, URIRef("https://ex.org/C"))], {"ex": "https://ex.org/"}).decode())
    @prefix ex: <https://ex.org/> .
    <BLANKLINE>
    ex:a a ex:C .
    <BLANKLINE>
    """
    body = ox.serialize(sorted_triples(triples), format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return _with_prefixes(body, prefixes)


def trig(quads: Iterable[Quad], prefixes: dict[str, str]) -> bytes:
    """Canonical TriG: one block per named graph, the default graph empty."""
    body = ox.serialize(sorted_quads(quads), format=ox.RdfFormat.TRIG, prefixes=prefixes)
    return _with_prefixes(body, prefixes)


def nquads(quads: Iterable[Quad]) -> bytes:
    """Canonical N-Quads, one statement per line."""
    return ox.serialize(sorted_quads(quads), format=ox.RdfFormat.N_QUADS)
