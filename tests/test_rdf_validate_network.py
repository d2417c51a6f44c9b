"""The rdf, validate and network stages on small hand-built documents."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.export.report import DocumentEntry, Summary, render_text
from kg.model import Actor, Concept, DateValue, DocumentRecord, Provenance, ResolvedDocument, Routing
from kg.network import actor_graph
from kg.rdf.mapping import document_triples
from kg.rdf.vocab import DIP
from kg.validate import DocumentGraph, validate

BASE = "https://data.example.org/kg/"
RUN = Provenance(f"{BASE}run/1", f"{BASE}software/kg-0-1-0", "0.1.0")
MFA = Actor(f"{BASE}organization/mfa", "organization", "Ministry", ("MFA",))
XU = Actor(f"{BASE}person/xu-huang", "person", "Xu Huang")


def document(key: str = "wilson-1", date: DateValue = DateValue("August 1962", "1962-08", "month"), **extra):
    rec = DocumentRecord(f"{key}.txt", "wilson", "text-export", key, key.split("-")[1], "A cable", "Cable", date,
                         languages=("zh",), url="https://example.org/document/1", routing=Routing())
    return ResolvedDocument(rec, f"{BASE}doc/{key}", f"{BASE}graph/doc/{key}", None, None,
                            senders=(MFA,), recipients=(XU,), **extra)


def test_mapping_types_dates_languages_and_twins():
    triples = set(document_triples(document(), RUN))
    doc = URIRef(f"{BASE}doc/wilson-1")
    assert (doc, DCTERMS.date, Literal("1962-08", datatype=XSD.gYearMonth)) in triples
    assert (doc, DIP.dateMin, Literal("1962-08-01T00:00:00Z", datatype=XSD.dateTime, normalize=False)) in triples
    assert (doc, DIP.originalLanguage, Literal("zh", datatype=XSD.language)) in triples
    assert (doc, DIP.sender, URIRef(MFA.iri)) in triples and (doc, DCTERMS.creator, URIRef(MFA.iri)) in triples
    assert (doc, DCTERMS.source, URIRef("https://example.org/document/1")) in triples
    assert not any(isinstance(term, BNode) for triple in triples for term in triple)


def test_concepts_carry_scheme_and_ladder():
    urgency = Concept(f"{BASE}urgency/urgent", "Urgent", f"{BASE}scheme/urgency", "urgency", "Urgency", "immediate")
    triples = set(document_triples(document(urgency=urgency), RUN))
    from rdflib.namespace import SKOS
    assert (URIRef(urgency.iri), SKOS.broadMatch, DIP.immediate) in triples
    assert (URIRef(urgency.scheme), RDF.type, DIP.UrgencyScheme) in triples


def test_validation_attributes_findings_to_their_document_with_a_fix():
    good = document("wilson-1")
    bad_triples = tuple(t for t in document_triples(document("wilson-2"), RUN) if t[1] != DCTERMS.identifier)
    graphs = [DocumentGraph("wilson-1", "a.txt", good.iri, tuple(document_triples(good, RUN))),
              DocumentGraph("wilson-2", "b.txt", f"{BASE}doc/wilson-2", bad_triples)]
    result = validate(graphs, batch_size=1)
    assert not result.conforms
    [finding] = [f for f in result.findings if f.severity == "Violation"]
    assert (finding.document, finding.path, finding.name) == ("wilson-2", "identifier", "record id")
    assert finding.message and finding.fix
    entries = [DocumentEntry("wilson-1", "a.txt", "A cable", True), DocumentEntry("wilson-2", "b.txt", "A cable", True)]
    text = render_text(Summary(2, 2, 0, 10, 2, 0, False, 1, 0), entries, [], result)
    first, second = text.split("wilson-1  a.txt")[1].split("wilson-2  b.txt")
    assert "violation [shape: record id]" in second and f"How to fix: {finding.fix}" in second
    assert "violation" not in first


def test_batches_give_the_same_findings_as_one_call():
    graphs = [DocumentGraph(f"wilson-{i}", "", "", tuple(t for t in document_triples(document(f"wilson-{i}"), RUN)
                                                        if t[1] != DIP.recipient)) for i in range(1, 6)]
    assert validate(graphs, batch_size=2).findings == validate(graphs, batch_size=50).findings


def test_actor_graph_edges_carry_relation_document_and_dates():
    graph = actor_graph([document("wilson-1"), document("wilson-2", DateValue("1962", "1962", "year"))])
    assert graph.number_of_nodes() == 2 and graph.number_of_edges() == 2
    edges = sorted(graph.edges(data=True, keys=True), key=lambda e: e[2])
    assert [(e[2], e[3]["date"], e[3]["date_min"], e[3]["date_max"]) for e in edges] == [
        ("wilson-1--sent_to", "1962-08", "1962-08-01", "1962-08-31"),
        ("wilson-2--sent_to", "1962", "1962-01-01", "1962-12-31")]
    assert graph.nodes[MFA.iri] == {"iri": MFA.iri, "label": "Ministry", "type": "Organization", "posts": ""}
