"""``graph.jsonld``: the merged graph as JSON-LD 1.1, streamed one node object per subject.

The merged graph's sorted N-Triples (one subject's triples together, ``rdf:type``
first) are read back one at a time and written as node objects under
``@graph``, so memory stays flat however large the corpus. Keys and IRIs are
compact IRIs over the context, which is written inline (the project's
published context, ``ontology/dipcorr.context.jsonld``, plus the export's own
prefixes such as ``person:``), so the file needs no network to be read. Plain
strings stay strings; language-tagged and typed literals keep their tag or
datatype (numbers and dates are never turned into JSON numbers, so nothing is
rounded). The same input gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.resources import context_path

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@cache
def published_context() -> dict[str, object]:
    """The project's JSON-LD context (``ontology/dipcorr.context.jsonld``): prefixes and a few short terms."""
    data = json.loads(context_path().read_text("utf-8"))
    return dict(data["@context"])


def context(prefixes: dict[str, str]) -> dict[str, object]:
    """The inline context of an export: the published one plus the export's prefixes (sorted)."""
    return dict(sorted({**published_context(), **prefixes}.items()))


class Compactor:
    """Turns IRIs into compact IRIs with the longest matching prefix (``dip:Person``).

    >>> Compactor({"dip": "https://w3id.org/dipcorr#", "doc": "https://ex.org/doc/"}).iri("https://ex.org/doc/wilson-1")
    'doc:wilson-1'
    >>> Compactor({"ex": "https://ex.org/"}).iri("https://other.org/x")
    'https://other.org/x'
    """

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = sorted(((iri, name) for name, iri in prefixes.items() if isinstance(iri, str)),
                               key=lambda pair: -len(pair[0]))

    def iri(self, iri: str) -> str:
        for namespace, name in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace):].startswith("//"):
                return f"{name}:{iri[len(namespace):]}"
        return iri


def write_jsonld(ntriples: Path, output: BinaryIO, prefixes: dict[str, str]) -> int:
    """Write the sorted N-Triples file ``ntriples`` as JSON-LD into ``output``; the number of node objects.

    >>> import io, tempfile
    >>> nt = Path(tempfile.mkdtemp()) / "m.nt"
    >>> _ = nt.write_text('<https://ex.org/a> <http://purl.org/dc/terms/title> "Cable"@en .\\n')
    >>> out = io.BytesIO()
    >>> write_jsonld(nt, out, {"ex": "https://ex.org/"}), json.loads(out.getvalue())["@graph"]
    (1, [{'@id': 'ex:a', 'dcterms:title': {'@value': 'Cable', '@language': 'en'}}])
    """
    full = context(prefixes)
    compact = Compactor({k: v for k, v in full.items() if isinstance(v, str)})
    output.write(b'{\n"@context": ' + _dump(full) + b',\n"@graph": [\n')
    count = 0
    for node in _nodes(ox.parse(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES), compact):
        output.write((b",\n" if count else b"") + _dump(node))
        count += 1
    output.write(b"\n]\n}\n")
    return count


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _nodes(triples: Iterable[ox.Triple], compact: Compactor) -> Iterator[dict[str, object]]:
    for subject, group in groupby(triples, key=lambda t: t.subject):
        node: dict[str, object] = {"@id": _term(subject, compact)}
        values: dict[str, list[object]] = {}
        for triple in group:
            predicate = triple.predicate.value
            if predicate == _RDF_TYPE and not isinstance(triple.object, ox.Literal):
                values.setdefault("@type", []).append(compact.iri(triple.object.value))
            else:
                values.setdefault(compact.iri(predicate), []).append(_value(triple.object, compact))
        for key, found in values.items():
            node[key] = found[0] if len(found) == 1 else found
        yield node


def _term(node: ox.NamedNode | ox.BlankNode, compact: Compactor) -> str:
    return f"_:{node.value}" if isinstance(node, ox.BlankNode) else compact.iri(node.value)


def _value(obj: object, compact: Compactor) -> object:
    if isinstance(obj, ox.Literal):
        datatype = obj.datatype.value
        if obj.language:
            return {"@value": obj.value, "@language": obj.language}
        if datatype in (_XSD_STRING, _LANG_STRING):
            return obj.value
        return {"@value": obj.value, "@type": compact.iri(datatype)}
    return {"@id": _term(obj, compact)}  # type: ignore[arg-type]
