"""Checks on the dip: vocabulary in ontology/dipcorr.ttl."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_FILE = ROOT / "ontology" / "dipcorr.ttl"
ONTOLOGY_README = ROOT / "ontology" / "README.md"
SHAPES_FILE = ROOT / "shapes" / "dipcorr-shapes.ttl"
FIXTURES = ROOT / "shapes" / "fixtures"

DIP = Namespace("https://w3id.org/dipcorr#")
ONTOLOGY_IRI = URIRef("https://w3id.org/dipcorr")
VANN = Namespace("http://purl.org/vocab/vann/")
# An open namespace: rdflib's closed XSD namespace warns when pytest inspects module globals.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

PREFIXES = {
    "dip": "https://w3id.org/dipcorr#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "rico": "https://www.ica.org/standards/RiC/ontology#",
    "schema": "https://schema.org/",
    "crm": "http://www.cidoc-crm.org/cidoc-crm/",
    "edm": "http://www.europeana.eu/schemas/edm/",
    "marcrel": "http://id.loc.gov/vocabulary/relators/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "vann": "http://purl.org/vocab/vann/",
}
DECLARED_NAMESPACES = tuple(PREFIXES.values())

DOCUMENT_SUBCLASSES = [
    "Cable", "Telegram", "Memorandum", "MemorandumOfConversation", "Minutes",
    "RecordOfConversation", "Letter", "Note", "Report", "Statement", "Speech", "Diary",
    "Instruction", "Draft",
]
CLASSES = ["Document", *DOCUMENT_SUBCLASSES, "Agent", "Person", "Organization", "Place",
           "UrgencyScheme", "ClassificationScheme", "SubjectScheme", "Meeting", "Delivery", "ReferencedDocument"]
OBJECT_PROPERTIES = [
    "sender", "recipient", "translator", "funder", "heldBy", "urgency", "classification",
    "sentTo", "sentFrom", "venue", "interpreter", "recordedBy", "mentions", "method", "participant",
    "deliveredBy", "deliveredTo", "delivered", "reports", "attachment",
]
DATATYPE_PROPERTIES = [
    "archivalReference", "originalLanguage", "dateAsPrinted", "dateMin", "dateMax",
    "headerDate", "headerDateAsPrinted", "textDate", "textDateAsPrinted", "dispatchNumber", "footnotes", "receivedDate", "confidence",
]
LADDERS = {
    "precedenceLadder": ["flash", "immediate", "priority", "routine"],
    "classificationLadder": ["topSecret", "secret", "confidential", "restricted"],
}
METHODS = ["sourceMetadata", "sourceMarkup", "headerRule", "pattern", "gazetteer", "authorityFile", "coreference", "userOverride"]
INDIVIDUALS = [*LADDERS, *(c for concepts in LADDERS.values() for c in concepts), "extractionMethods", *METHODS]
ALL_TERMS = {*CLASSES, *OBJECT_PROPERTIES, *DATATYPE_PROPERTIES, *INDIVIDUALS}


def _load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


ONT = _load(ONTOLOGY_FILE)
SHAPES = _load(SHAPES_FILE)


def _dip_subjects(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(DIP))}


def _dip_iris(graph: Graph) -> set[URIRef]:
    return {
        t for triple in graph for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(DIP))
    }


def _in_declared_namespace(iri) -> bool:
    return isinstance(iri, URIRef) and str(iri).startswith(DECLARED_NAMESPACES)


def test_ontology_parses():
    assert len(ONT) > 0


def test_exactly_one_ontology_header():
    ontologies = list(ONT.subjects(RDF.type, OWL.Ontology))
    assert ontologies == [ONTOLOGY_IRI]
    o = ONTOLOGY_IRI
    assert ONT.value(o, OWL.versionInfo) == Literal("0.1.0")
    assert ONT.value(o, OWL.versionIRI) == URIRef("https://w3id.org/dipcorr/0.1.0")
    assert ONT.value(o, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert ONT.value(o, VANN.preferredNamespacePrefix) == Literal("dip")
    assert str(ONT.value(o, VANN.preferredNamespaceUri)) == str(DIP)
    assert ONT.value(o, DCTERMS.title) is not None
    assert ONT.value(o, DCTERMS.description) is not None


def test_prefix_map_at_top_of_file():
    text = ONTOLOGY_FILE.read_text(encoding="utf-8")
    declared = dict(re.findall(r"^@prefix\s+([A-Za-z][\w-]*):\s*<([^>]*)>\s*\.", text, re.M))
    assert declared == PREFIXES
    first_statement = next(
        line for line in text.splitlines() if line.strip() and not line.startswith(("#", "@prefix"))
    )
    assert text.index("@prefix") < text.index(first_statement)


def test_term_list_is_exactly_the_contract():
    defined = {str(s)[len(str(DIP)):] for s in _dip_subjects(ONT)}
    assert defined == ALL_TERMS


@pytest.mark.parametrize("name", CLASSES)
def test_classes_are_owl_classes(name):
    assert (DIP[name], RDF.type, OWL.Class) in ONT


@pytest.mark.parametrize("name", DOCUMENT_SUBCLASSES)
def test_document_subclasses(name):
    assert (DIP[name], RDFS.subClassOf, DIP.Document) in ONT


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_object_properties(name):
    assert (DIP[name], RDF.type, OWL.ObjectProperty) in ONT
    assert ONT.value(DIP[name], RDFS.range) is not None


@pytest.mark.parametrize("name", DATATYPE_PROPERTIES)
def test_datatype_properties(name):
    assert (DIP[name], RDF.type, OWL.DatatypeProperty) in ONT
    rng = ONT.value(DIP[name], RDFS.range)
    assert rng is not None and (str(rng).startswith(str(XSD)) or rng == RDFS.Literal)


@pytest.mark.parametrize("term", sorted(_dip_subjects(ONT)), ids=lambda t: t.fragment)
def test_every_term_is_documented(term):
    labels = list(ONT.objects(term, RDFS.label))
    comments = list(ONT.objects(term, RDFS.comment))
    assert len(labels) == 1 and labels[0].language == "en", labels
    assert len(comments) == 1 and comments[0].language == "en", comments
    assert list(ONT.objects(term, RDFS.isDefinedBy)) == [ONTOLOGY_IRI]


def test_language_tags_lowercase():
    for graph in (ONT, SHAPES):
        for _s, _p, o in graph:
            if isinstance(o, Literal) and o.language:
                assert o.language == o.language.lower(), o


def test_no_statements_about_foreign_terms():
    """The ontology only speaks about its own terms (and itself): no hijacking."""
    for s in ONT.subjects():
        assert s == ONTOLOGY_IRI or str(s).startswith(str(DIP)), s


def test_no_blank_nodes_in_ontology():
    for triple in ONT:
        assert not any(isinstance(t, BNode) for t in triple), triple


def test_every_dip_iri_used_is_defined():
    defined = _dip_subjects(ONT)
    used = _dip_iris(ONT) | _dip_iris(SHAPES)
    for path in FIXTURES.glob("*/*.ttl"):
        used |= _dip_iris(_load(path))
    assert used - defined == set()


def test_superclasses_and_superproperties_resolve():
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, SKOS.closeMatch):
        for s, o in ONT.subject_objects(predicate):
            assert _in_declared_namespace(o), (s, predicate, o)
            if str(o).startswith(str(DIP)):
                assert (o, RDFS.label, None) in ONT, o
    for s, _o in ONT.subject_objects(RDFS.subClassOf):
        assert (s, RDF.type, OWL.Class) in ONT
    for s, _o in ONT.subject_objects(RDFS.subPropertyOf):
        assert (s, RDF.type, OWL.ObjectProperty) in ONT or (s, RDF.type, OWL.DatatypeProperty) in ONT


def test_no_same_as_or_equivalent_class_anywhere():
    graphs = [ONT, SHAPES, *(_load(p) for p in FIXTURES.glob("*/*.ttl"))]
    for graph in graphs:
        for banned in (OWL.sameAs, OWL.equivalentClass):
            assert (None, banned, None) not in graph
            assert banned not in set(graph.objects())


SCHEMA = Namespace(PREFIXES["schema"])
RICO = Namespace(PREFIXES["rico"])
CRM = Namespace(PREFIXES["crm"])
EDM = Namespace(PREFIXES["edm"])
FOAF = Namespace(PREFIXES["foaf"])
ORG = Namespace(PREFIXES["org"])
MARCREL = Namespace(PREFIXES["marcrel"])


@pytest.mark.parametrize(
    "triple",
    [
        (DIP.Document, RDFS.subClassOf, RICO.Record),
        (DIP.Document, RDFS.subClassOf, SCHEMA.CreativeWork),
        (DIP.Document, SKOS.closeMatch, CRM.E31_Document),
        (DIP.Document, SKOS.closeMatch, EDM.ProvidedCHO),
        (DIP.Cable, RDFS.subClassOf, SCHEMA.Message),
        (DIP.Telegram, RDFS.subClassOf, SCHEMA.Message),
        (DIP.Letter, RDFS.subClassOf, SCHEMA.Message),
        (DIP.Note, RDFS.subClassOf, SCHEMA.Message),
        (DIP.Person, RDFS.subClassOf, FOAF.Person),
        (DIP.Organization, RDFS.subClassOf, ORG.Organization),
        (DIP.Place, RDFS.subClassOf, DCTERMS.Location),
        (DIP.UrgencyScheme, RDFS.subClassOf, SKOS.ConceptScheme),
        (DIP.ClassificationScheme, RDFS.subClassOf, SKOS.ConceptScheme),
        (DIP.SubjectScheme, RDFS.subClassOf, SKOS.ConceptScheme),
        (DIP.sender, RDFS.subPropertyOf, DCTERMS.creator),
        (DIP.sender, RDFS.subPropertyOf, RICO.hasSender),
        (DIP.sender, RDFS.subPropertyOf, SCHEMA.sender),
        (DIP.recipient, RDFS.subPropertyOf, RICO.hasAddressee),
        (DIP.recipient, RDFS.subPropertyOf, SCHEMA.recipient),
        (DIP.translator, RDFS.subPropertyOf, DCTERMS.contributor),
        (DIP.translator, SKOS.closeMatch, SCHEMA.translator),
        (DIP.translator, SKOS.closeMatch, MARCREL.trl),
        (DIP.funder, SKOS.closeMatch, SCHEMA.funder),
        (DIP.heldBy, RDFS.subPropertyOf, RICO.hasOrHadHolder),
        (DIP.heldBy, RDFS.range, DIP.Organization),
        (DIP.recordedBy, RDFS.subPropertyOf, DCTERMS.contributor),
        (DIP.sentTo, RDFS.range, DIP.Place),
        (DIP.sentFrom, RDFS.range, DIP.Place),
        (DIP.venue, RDFS.range, DIP.Place),
        (DIP.urgency, RDFS.range, SKOS.Concept),
        (DIP.classification, RDFS.range, SKOS.Concept),
        (DIP.classification, SKOS.closeMatch, RICO.classification),
        (DIP.dateAsPrinted, SKOS.closeMatch, RICO.expressedDate),
        (DIP.dateMin, RDFS.range, XSD.dateTime),
        (DIP.dateMax, RDFS.range, XSD.dateTime),
        (DIP.archivalReference, RDFS.range, XSD.string),
        (DIP.dispatchNumber, RDFS.range, XSD.string),
    ],
    ids=lambda t: f"{t[0].fragment}-{str(t[1]).rsplit('#', 1)[-1]}-{re.split('[#/]', str(t[2]))[-1]}",
)
def test_alignments(triple):
    assert triple in ONT


def test_language_convention_is_pinned():
    """dip:originalLanguage is the ISO 639-1 code of the original; dcterms:language repeats it."""
    assert (DIP.originalLanguage, RDFS.subPropertyOf, DCTERMS.language) in ONT
    assert (DIP.originalLanguage, RDFS.range, XSD.language) in ONT
    comment = str(ONT.value(DIP.originalLanguage, RDFS.comment))
    assert "ISO 639-1" in comment and "dcterms:language" in comment
    readme = ONTOLOGY_README.read_text(encoding="utf-8")
    assert "dcterms:language" in readme and "ISO 639-1" in readme and "@en" in readme
    # The shapes hold both properties to the same form of value.
    sh = Namespace("http://www.w3.org/ns/shacl#")
    forms = {}
    for path in (DIP.originalLanguage, DCTERMS.language):
        shape = SHAPES.value(predicate=sh.path, object=path)
        forms[path] = (SHAPES.value(shape, sh.datatype), str(SHAPES.value(shape, sh.pattern)))
    assert forms[DIP.originalLanguage] == forms[DCTERMS.language] == (XSD.language, "^[a-z]{2}$")


def test_document_comment_lists_dublin_core_usage():
    comment = str(ONT.value(DIP.Document, RDFS.comment))
    for local in ("title", "date", "identifier", "source", "abstract", "bibliographicCitation",
                  "isPartOf", "subject", "spatial", "language"):
        assert f"dcterms:{local}" in comment, local


@pytest.mark.parametrize("scheme", sorted(LADDERS))
def test_ladders(scheme):
    assert (DIP[scheme], RDF.type, SKOS.ConceptScheme) in ONT
    notations = []
    for name in LADDERS[scheme]:
        concept = DIP[name]
        assert (concept, RDF.type, SKOS.Concept) in ONT
        assert list(ONT.objects(concept, SKOS.inScheme)) == [DIP[scheme]]
        labels = list(ONT.objects(concept, SKOS.prefLabel))
        assert len(labels) == 1 and labels[0].language == "en"
        assert ONT.value(concept, SKOS.definition).language == "en"
        notations.append(str(ONT.value(concept, SKOS.notation)))
    assert notations == ["1", "2", "3", "4"]


def test_readme_lists_every_term():
    readme = ONTOLOGY_README.read_text(encoding="utf-8")
    for name in sorted(ALL_TERMS):
        assert f"`dip:{name}`" in readme, name


def test_extraction_methods_form_one_scheme():
    scheme = DIP.extractionMethods
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ONT
    assert sorted(str(c)[len(str(DIP)):] for c in ONT.subjects(SKOS.inScheme, scheme)) == sorted(METHODS)
