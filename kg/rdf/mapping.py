"""A resolved document to the triples of its named graph: record layer, routing, actors, concepts.

Terms follow the vocabulary contract in ``ontology/README.md``: Dublin Core first
(``dcterms:``), ``dip:`` for routing and archival facts, each ``dip:`` agent
property with its Dublin Core twin (``dip:sender`` + ``dcterms:creator``,
``dip:translator`` + ``dcterms:contributor``).
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef

from kg.model import Actor, Collection, Concept, DateValue, Provenance, ResolvedDocument
from kg.rdf.dates import bound_triples, typed_date
from kg.rdf.evidence import (
    annotation_triples,
    cited_triples,
    event_triples,
    mention_triples,
    post_triples,
    text_source_triples,
)
from kg.rdf.graph import Triple
from kg.rdf.vocab import DCMITYPE, DCTERMS, DIP, ORG, PROV, RDF, RDFS, SKOS, XSD

_ACTOR_CLASSES = {"person": DIP.Person, "organization": DIP.Organization, "place": DIP.Place}
_SCHEME_CLASSES = {
    "urgency": DIP.UrgencyScheme, "classification": DIP.ClassificationScheme, "subject": DIP.SubjectScheme,
}
#: Agent roles: the attribute of ResolvedDocument and the predicates it is asserted with.
_ROLES = (
    ("senders", (DIP.sender, DCTERMS.creator)),
    ("recipients", (DIP.recipient,)),
    ("translators", (DIP.translator, DCTERMS.contributor)),
    ("contributors", (DCTERMS.contributor,)),
    ("funders", (DIP.funder,)),
    ("destinations", (DIP.sentTo,)),
    ("origins", (DIP.sentFrom,)),
    ("interpreters", (DIP.interpreter,)),
    ("recorded_by", (DIP.recordedBy,)),
    ("subject_actors", (DCTERMS.subject,)),
    ("places", (DCTERMS.spatial,)),
)


def document_triples(doc: ResolvedDocument, provenance: Provenance) -> Iterator[Triple]:
    """Every triple of one document's named graph.

    >>> from kg.model import DocumentRecord, DateValue
    >>> rec = DocumentRecord("x.txt", "wilson", "text-export", "wilson-1", "1", "A Cable", "Cable",
    ...                      DateValue("1962", "1962", "year"))
    >>> doc = ResolvedDocument(rec, "https://ex.org/doc/wilson-1", "https://ex.org/graph/doc/wilson-1", None, None)
    >>> run = Provenance("https://ex.org/run/1", "https://ex.org/software/kg-0-1-0", "0.1.0")
    >>> (URIRef(doc.iri), RDF.type, DIP.Cable) in set(document_triples(doc, run))
    True
    """
    yield from _record(doc)
    yield from _routing(doc)
    for actor in doc.actors:
        yield from actor_triples(actor)
    if doc.collection is not None:
        yield from collection_triples(doc.collection)
    for concept in (*doc.subjects, doc.urgency, doc.classification):
        if concept is not None:
            yield from concept_triples(concept)
    yield from mention_triples(doc)
    for post in doc.posts:
        yield from post_triples(post)
    yield from event_triples(doc)
    yield from cited_triples(doc)
    yield from _provenance(doc, provenance)


def evidence_triples(doc: ResolvedDocument) -> Iterator[Triple]:
    """The annotations of a document (kept apart so that graph.ttl can leave them out)."""
    for annotation in doc.annotations:
        yield from annotation_triples(annotation)
    yield from text_source_triples(doc)


def _record(doc: ResolvedDocument) -> Iterator[Triple]:
    record, node = doc.record, URIRef(doc.iri)
    yield node, RDF.type, DIP.Document
    if record.kind != "Document":
        yield node, RDF.type, DIP[record.kind]
    yield node, DCTERMS.title, Literal(record.title, lang="en")
    yield from _date(node, record.date, DCTERMS.date, DIP.dateAsPrinted, with_bounds=True)
    if record.header_date is not None:
        yield from _date(node, record.header_date, DIP.headerDate, DIP.headerDateAsPrinted)
    if record.routing.text_date is not None:
        yield from _date(node, record.routing.text_date, DIP.textDate, DIP.textDateAsPrinted)
    yield node, DCTERMS.identifier, Literal(record.record_id)
    if record.url:
        yield node, DCTERMS.source, URIRef(record.url)
    if record.summary:
        yield node, DCTERMS.abstract, Literal(record.summary, lang="en")
    if record.received is not None:
        yield node, DIP.receivedDate, typed_date(record.received)
    if record.notes:
        yield node, DIP.footnotes, Literal(record.notes)
    for page in record.same_as:
        yield node, SKOS.exactMatch, URIRef(page)
    if record.citation:
        yield node, DCTERMS.bibliographicCitation, Literal(record.citation)
    if record.reference:
        yield node, DIP.archivalReference, Literal(record.reference)
    if doc.holder is not None:
        yield node, DIP.heldBy, URIRef(doc.holder.iri)
    if doc.collection is not None:
        yield node, DCTERMS.isPartOf, URIRef(doc.collection.iri)
    for code in record.languages:
        yield node, DIP.originalLanguage, Literal(code, datatype=XSD.language)
        yield node, DCTERMS.language, Literal(code, datatype=XSD.language)
    for concept in doc.subjects:
        yield node, DCTERMS.subject, URIRef(concept.iri)


def _date(node: URIRef, value: DateValue, typed: URIRef, printed: URIRef, with_bounds: bool = False) -> Iterator[Triple]:
    yield node, typed, typed_date(value)
    yield node, printed, Literal(value.printed)
    if with_bounds:
        yield from bound_triples(node, value)


def _routing(doc: ResolvedDocument) -> Iterator[Triple]:
    node, routing = URIRef(doc.iri), doc.record.routing
    for attribute, predicates in _ROLES:
        for actor in getattr(doc, attribute):
            for predicate in predicates:
                yield node, predicate, URIRef(actor.iri)
    if doc.venue is not None:
        yield node, DIP.venue, URIRef(doc.venue.iri)
    if doc.urgency is not None:
        yield node, DIP.urgency, URIRef(doc.urgency.iri)
    if doc.classification is not None:
        yield node, DIP.classification, URIRef(doc.classification.iri)
    if routing.dispatch_number:
        yield node, DIP.dispatchNumber, Literal(routing.dispatch_number)


def actor_triples(actor: Actor) -> Iterator[Triple]:
    """Type, canonical label, other forms and parent organisation of an actor.

    >>> sorted(str(o) for _, _, o in actor_triples(Actor("https://ex.org/place/urumqi", "place", "Urumqi", ("Wulumqi",))))
    ['Urumqi', 'Wulumqi', 'https://w3id.org/dipcorr#Place']
    """
    node = URIRef(actor.iri)
    yield node, RDF.type, _ACTOR_CLASSES[actor.kind]
    if actor.kind != "place":
        yield node, RDF.type, DIP.Agent
    yield node, RDFS.label, Literal(actor.label)
    for form in actor.alt_labels:
        yield node, SKOS.altLabel, Literal(form)
    if actor.parent:
        yield node, ORG.subOrganizationOf, URIRef(actor.parent)
    for link in actor.exact_match:
        yield node, SKOS.exactMatch, URIRef(link)


def collection_triples(collection: Collection) -> Iterator[Triple]:
    node = URIRef(collection.iri)
    yield node, RDF.type, DCMITYPE.Collection
    yield node, RDFS.label, Literal(collection.label)
    for form in collection.alt_labels:
        yield node, SKOS.altLabel, Literal(form)


def concept_triples(concept: Concept) -> Iterator[Triple]:
    """A corpus concept with its scheme, and the generic ladder level it falls under."""
    node, scheme = URIRef(concept.iri), URIRef(concept.scheme)
    yield node, RDF.type, SKOS.Concept
    yield node, SKOS.prefLabel, Literal(concept.label, lang="en")
    for form in concept.alt_labels:
        yield node, SKOS.altLabel, Literal(form, lang="en")
    yield node, SKOS.inScheme, scheme
    if concept.broad_match:
        yield node, SKOS.broadMatch, DIP[concept.broad_match]
    yield scheme, RDF.type, SKOS.ConceptScheme
    yield scheme, RDF.type, _SCHEME_CLASSES[concept.scheme_kind]
    yield scheme, SKOS.prefLabel, Literal(concept.scheme_label, lang="en")


def _provenance(doc: ResolvedDocument, provenance: Provenance) -> Iterator[Triple]:
    graph, run, software = URIRef(doc.graph), URIRef(provenance.run), URIRef(provenance.software)
    yield graph, PROV.wasDerivedFrom, URIRef(doc.record.url) if doc.record.url else URIRef(doc.iri)
    yield graph, PROV.wasGeneratedBy, run
    yield run, RDF.type, PROV.Activity
    yield run, PROV.wasAssociatedWith, software
    yield software, RDF.type, PROV.SoftwareAgent
    yield software, RDF.type, DCMITYPE.Software
    yield software, RDFS.label, Literal(f"kg {provenance.version}")
