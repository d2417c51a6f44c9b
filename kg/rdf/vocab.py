"""The namespaces of the graph: ``DIP`` is closed over the terms of ``ontology/dipcorr.ttl``.

A misspelt ``DIP.recipent`` raises at import time of the caller's code path,
and ``tests/test_vocab.py`` fails if this list and the ontology drift apart.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    ClosedNamespace,
)

DIP_IRI = "https://w3id.org/dipcorr#"

#: Every term the ontology defines (classes, properties, individuals).
DIP_TERMS = (
    # documents
    "Document", "Cable", "Telegram", "Memorandum", "MemorandumOfConversation", "Minutes",
    "RecordOfConversation", "Letter", "Note", "Report", "Statement", "Speech", "Diary",
    "Instruction", "Draft",
    # actors and schemes
    "Agent", "Person", "Organization", "Place", "UrgencyScheme", "ClassificationScheme", "SubjectScheme",
    # object properties
    "sender", "recipient", "translator", "funder", "heldBy", "urgency", "classification",
    "sentTo", "sentFrom", "venue", "interpreter", "recordedBy",
    # datatype properties
    "archivalReference", "originalLanguage", "dateAsPrinted", "dateMin", "dateMax", "headerDate",
    "headerDateAsPrinted", "textDate", "textDateAsPrinted", "dispatchNumber", "footnotes", "receivedDate",
    # generic ladders
    "precedenceLadder", "flash", "immediate", "priority", "routine",
    "classificationLadder", "topSecret", "secret", "confidential", "restricted",
    # mentions and evidence
    "mentions", "method", "confidence", "extractionMethods", "sourceMetadata", "sourceMarkup", "headerRule", "pattern",
    "gazetteer", "authorityFile", "coreference", "userOverride",
    # events and cited documents
    "Meeting", "Delivery", "ReferencedDocument", "participant", "deliveredBy", "deliveredTo", "delivered",
    "reports", "attachment",
)

DIP = ClosedNamespace(DIP_IRI, DIP_TERMS)
DCMITYPE = Namespace("http://purl.org/dc/dcmitype/")
#: The Library of Congress datatype of Extended Date/Time Format literals: a date known only as a range.
EDTF = URIRef("http://id.loc.gov/datatypes/edtf/EDTF")
OA = Namespace("http://www.w3.org/ns/oa#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: The fixed prefix map of every serialisation (the base-dependent prefixes are added per export).
STANDARD_PREFIXES: dict[str, str] = {
    "dcat": str(DCAT),
    "dcmitype": str(DCMITYPE),
    "dcterms": str(DCTERMS),
    "dip": DIP_IRI,
    "foaf": str(FOAF),
    "oa": str(OA),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "void": str(VOID),
    "xsd": str(XSD),
}

__all__ = [
    "DCAT", "DCMITYPE", "DCTERMS", "DIP", "DIP_IRI", "DIP_TERMS", "FOAF", "OA", "ORG", "OWL", "PROV",
    "RDF", "RDFS", "SH", "SKOS", "STANDARD_PREFIXES", "VOID", "XSD",
]
