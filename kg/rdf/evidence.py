"""Mentions, their Web Annotations and attested posts to triples.

Every mention is an ``oa:Annotation`` (motivation ``oa:identifying``) whose body
is the actor and whose target is an ``oa:SpecificResource`` on the text the
offsets count into, selected by a position and a quote selector. No blank
nodes: targets and selectors have IRIs of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rdflib import Literal, URIRef

from kg.model import Annotation, Post, ResolvedDocument
from kg.rdf.dates import bound_triples, typed_date
from kg.rdf.graph import Triple
from kg.rdf.vocab import DCTERMS, DIP, OA, ORG, PROV, RDF, RDFS, XSD

#: The ``dip:`` method concept of each mention method.
METHODS = {
    "pattern": DIP.pattern, "gazetteer": DIP.gazetteer, "authority": DIP.authorityFile,
    "coreference": DIP.coreference, "header": DIP.headerRule, "metadata": DIP.sourceMetadata, "markup": DIP.sourceMarkup,
    "override": DIP.userOverride,
}


def decimal_form(value: float) -> str:
    """The canonical ``xsd:decimal`` form of a confidence, as stores give it back ("0.6", "1", never "0.60").

    Oxigraph and Virtuoso keep a decimal's value, not its spelling: writing the canonical form means the
    store returns exactly what was written.

    >>> decimal_form(0.6), decimal_form(1.0), decimal_form(0.75)
    ('0.6', '1', '0.75')
    """
    return format(Decimal(str(round(value, 2))).normalize(), "f")


def mention_triples(doc: ResolvedDocument) -> Iterator[Triple]:
    """``dip:mentions`` from the document to every actor its texts name.

    >>> from kg.model import DocumentRecord, DateValue, Actor
    >>> rec = DocumentRecord("x", "wilson", "text-export", "wilson-1", "1", "T", "Cable", DateValue("1962", "1962", "year"))
    >>> doc = ResolvedDocument(rec, "https://ex.org/doc/1", "https://ex.org/g/1", None, None,
    ...                        mentioned=(Actor("https://ex.org/place/x", "place", "X"),))
    >>> [str(o) for _, p, o in mention_triples(doc)]
    ['https://ex.org/place/x']
    """
    node = URIRef(doc.iri)
    for actor in doc.mentioned:
        yield node, DIP.mentions, URIRef(actor.iri)


def annotation_triples(annotation: Annotation) -> Iterator[Triple]:
    """One annotation, its target and its two selectors."""
    node, target_node = URIRef(annotation.iri), URIRef(annotation.target)
    position_node, quote_node = URIRef(annotation.position), URIRef(annotation.quote)
    mention = annotation.mention
    yield node, RDF.type, OA.Annotation
    yield node, OA.motivatedBy, OA[annotation.motivation]
    yield node, OA.hasBody, URIRef(annotation.body)
    yield node, OA.hasTarget, target_node
    yield node, DIP.method, METHODS[mention.method]
    yield node, DIP.confidence, Literal(decimal_form(mention.confidence), datatype=XSD.decimal, normalize=False)
    yield target_node, RDF.type, OA.SpecificResource
    yield target_node, OA.hasSource, URIRef(annotation.source)
    yield target_node, OA.hasSelector, position_node
    yield target_node, OA.hasSelector, quote_node
    yield position_node, RDF.type, OA.TextPositionSelector
    yield position_node, OA.start, Literal(str(mention.start), datatype=XSD.integer, normalize=False)
    yield position_node, OA.end, Literal(str(mention.end), datatype=XSD.integer, normalize=False)
    yield quote_node, RDF.type, OA.TextQuoteSelector
    yield quote_node, OA.exact, Literal(mention.text)
    yield quote_node, OA.prefix, Literal(annotation.prefix)
    yield quote_node, OA.suffix, Literal(annotation.suffix)


def text_source_triples(doc: ResolvedDocument) -> Iterator[Triple]:
    """The title and summary, as texts of their own that are part of the document."""
    for source in sorted({a.source for a in doc.annotations} - {doc.iri}):
        yield URIRef(source), DCTERMS.isPartOf, URIRef(doc.iri)


def post_triples(post: Post) -> Iterator[Triple]:
    """A post, its organisation and its holder as this document attests (``org:holds``)."""
    node = URIRef(post.iri)
    yield node, RDF.type, ORG.Post
    yield node, RDFS.label, Literal(post.label)
    yield node, ORG.postIn, URIRef(post.organization.iri)
    yield URIRef(post.holder), ORG.holds, node
    for annotation in post.evidence:
        yield node, PROV.wasDerivedFrom, URIRef(annotation)


def event_triples(doc: ResolvedDocument) -> Iterator[Triple]:
    """Meetings and deliveries the document reports, each derived from the annotation of its words."""
    node = URIRef(doc.iri)
    for event in doc.events:
        subject = URIRef(event.iri)
        yield node, DIP.reports, subject
        yield subject, RDF.type, DIP.Meeting if event.kind == "meeting" else DIP.Delivery
        for actor in event.participants:
            yield subject, DIP.participant, URIRef(actor.iri)
        if event.date is not None:
            yield subject, DCTERMS.date, typed_date(event.date)
            yield from bound_triples(subject, event.date)
        if event.by is not None:
            yield subject, DIP.deliveredBy, URIRef(event.by.iri)
        if event.to is not None:
            yield subject, DIP.deliveredTo, URIRef(event.to.iri)
        if event.delivered:
            yield subject, DIP.delivered, URIRef(event.delivered)
        if event.evidence:
            yield subject, PROV.wasDerivedFrom, URIRef(event.evidence)


def cited_triples(doc: ResolvedDocument) -> Iterator[Triple]:
    """Documents the text refers to; those the corpus does not hold are described as stubs."""
    node = URIRef(doc.iri)
    for cited in doc.cited:
        target = URIRef(cited.iri)
        yield node, DIP.attachment if cited.attached else DCTERMS.references, target
        if cited.in_corpus:
            continue
        yield target, RDF.type, DIP.ReferencedDocument
        yield target, DCTERMS.title, Literal(cited.description, lang="en")
        if cited.date is not None:
            yield target, DCTERMS.date, typed_date(cited.date)
    for event in doc.events:
        if event.delivered and event.delivered not in {c.iri for c in doc.cited}:
            yield URIRef(event.delivered), RDF.type, DIP.ReferencedDocument
