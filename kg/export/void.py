"""The VoID/DCAT description of an export (``void.ttl``): counts, partitions, vocabularies, dumps."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef

from kg.export.runs import MergedStats
from kg.model import Provenance
from kg.rdf.graph import Triple
from kg.rdf.vocab import DCAT, DCTERMS, DIP_IRI, PROV, RDF, VOID, XSD
from kg.reconcile.mint import Minter
from kg.reconcile.slug import slug

#: Dump files described in the VoID, with their media types.
DUMPS = {
    "graph.ttl": "text/turtle",
    "graph.trig": "application/trig",
    "graph.nq": "application/n-quads",
}


def void_triples(
    stats: MergedStats, documents: int, sizes: dict[str, int], minter: Minter, provenance: Provenance,
    licence: str | None = None,
) -> Iterator[Triple]:
    """The dataset description of the merged graph, from its counts (and its licence, when given)."""
    dataset = URIRef(minter.dataset())
    yield dataset, RDF.type, VOID.Dataset
    if licence:
        yield dataset, DCTERMS.license, URIRef(licence)
    yield dataset, RDF.type, DCAT.Dataset
    yield dataset, DCTERMS.title, Literal("Diplomatic correspondence knowledge graph", lang="en")
    yield dataset, DCTERMS.description, Literal(
        "Archival documents, their routing and actors, exported by diplomatic-kg.", lang="en"
    )
    yield dataset, PROV.wasGeneratedBy, URIRef(provenance.run)
    yield dataset, VOID.uriSpace, Literal(minter.base)
    yield dataset, VOID.triples, Literal(stats.triples, datatype=XSD.integer)
    yield dataset, VOID.documents, Literal(documents, datatype=XSD.integer)
    yield dataset, VOID.distinctSubjects, Literal(stats.subjects, datatype=XSD.integer)
    yield dataset, VOID.distinctObjects, Literal(stats.objects, datatype=XSD.integer)
    yield dataset, VOID.properties, Literal(len(stats.properties), datatype=XSD.integer)
    yield dataset, VOID.vocabulary, URIRef(DIP_IRI)
    for vocabulary in sorted({_namespace(p) for p in stats.properties} - {DIP_IRI}):
        yield dataset, VOID.vocabulary, URIRef(vocabulary)
    yield from _partitions(dataset, stats, minter)
    yield from _distributions(dataset, sizes, minter)


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _partitions(dataset: URIRef, stats: MergedStats, minter: Minter) -> Iterator[Triple]:
    for cls, count in sorted((URIRef(c), n) for c, n in stats.classes.items()):
        part = URIRef(minter.distribution(f"class {slug(str(cls))}"))
        yield dataset, VOID.classPartition, part
        yield part, VOID["class"], cls
        yield part, VOID.entities, Literal(count, datatype=XSD.integer)
    for prop, count in sorted((URIRef(p), n) for p, n in stats.properties.items()):
        part = URIRef(minter.distribution(f"property {slug(str(prop))}"))
        yield dataset, VOID.propertyPartition, part
        yield part, VOID.property, prop
        yield part, VOID.triples, Literal(count, datatype=XSD.integer)


def _distributions(dataset: URIRef, sizes: dict[str, int], minter: Minter) -> Iterator[Triple]:
    for name, media in DUMPS.items():
        if name not in sizes:
            continue
        dump, dist = URIRef(minter.dump(name)), URIRef(minter.distribution(name))
        yield dataset, VOID.dataDump, dump
        yield dataset, DCAT.distribution, dist
        yield dist, RDF.type, DCAT.Distribution
        yield dist, DCTERMS.title, Literal(name)
        yield dist, DCAT.mediaType, Literal(media)
        yield dist, DCAT.downloadURL, dump
        yield dist, DCAT.byteSize, Literal(sizes[name], datatype=XSD.nonNegativeInteger)
