"""Checks on the SHACL shapes in shapes/dipcorr-shapes.ttl and their fixtures.

Every node shape must have a fixtures folder named after its local name, holding a
valid.ttl that conforms with no result at all (not even a warning) against the whole shapes
file, and an invalid.ttl that yields at least one result from one of that node shape's own
property shapes.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH

ROOT = Path(__file__).resolve().parents[1]
SHAPES_FILE = ROOT / "shapes" / "dipcorr-shapes.ttl"
FIXTURES = ROOT / "shapes" / "fixtures"

DIPSH = Namespace("https://w3id.org/dipcorr/shapes#")
DIP = Namespace("https://w3id.org/dipcorr#")
BASE = "https://data.example.org/kg/"

TARGET_PREDICATES = (
    SH.targetClass,
    SH.targetNode,
    SH.targetObjectsOf,
    SH.targetSubjectsOf,
)
SEVERITIES = {SH.Violation, SH.Warning, SH.Info}
# Parameters of SHACL core constraint components that may sit directly on a shape.
CONSTRAINT_PARAMETERS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.minExclusive,
    SH.minInclusive, SH.maxExclusive, SH.maxInclusive, SH.minLength, SH.maxLength, SH.pattern,
    SH.languageIn, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals,
    SH["not"], SH["and"], SH["or"], SH.xone, SH.node, SH.qualifiedValueShape, SH.closed,
    SH.hasValue, SH["in"],
}
REPORT_FIELDS = (SH.message, SH.severity, SH.name, SH.description)


def _load_shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


SHAPES = _load_shapes()


def _node_shapes(graph: Graph) -> list[URIRef]:
    found = {s for p in TARGET_PREDICATES for s in graph.subjects(p, None)}
    found |= set(graph.subjects(RDF.type, SH.NodeShape))
    return sorted(found)


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _property_shapes(graph: Graph, node_shape: URIRef) -> set:
    return set(graph.objects(node_shape, SH.property))


def _validate(data: Graph, **kwargs):
    conforms, results_graph, _text = pyshacl.validate(
        data, shacl_graph=SHAPES, inference="none", **kwargs
    )
    results = list(results_graph.subjects(RDF.type, SH.ValidationResult))
    return conforms, results_graph, results


NODE_SHAPES = _node_shapes(SHAPES)


def test_shapes_file_parses_and_has_node_shapes():
    assert len(SHAPES) > 0
    names = {_local(s) for s in NODE_SHAPES}
    for expected in (
        "DocumentShape", "PersonShape", "OrganizationShape", "PlaceShape", "ConceptShape",
        "UrgencyConceptShape", "ClassificationConceptShape", "CollectionShape",
    ):
        assert expected in names


def test_shapes_prefix():
    bound = dict(SHAPES.namespaces())
    assert bound.get("dipsh") == URIRef(str(DIPSH))
    assert all(str(s).startswith(str(DIPSH)) for s in NODE_SHAPES)


def test_meta_validation_of_shapes_graph():
    data = Graph().parse(FIXTURES / "DocumentShape" / "valid.ttl", format="turtle")
    conforms, _graph, results = _validate(data, meta_shacl=True)
    assert conforms, results
    assert results == []


def test_node_shapes_are_open_and_core_only():
    assert (None, SH.closed, Literal(True)) not in SHAPES
    for _s, _p, o in SHAPES.triples((None, SH.closed, None)):
        assert not o.toPython()
    for s, p, o in SHAPES:
        for term in (s, p, o):
            if isinstance(term, URIRef) and str(term).startswith(str(SH)):
                assert "sparql" not in _local(term).lower(), term
                assert not _local(term).startswith("SPARQL"), term
                assert _local(term) not in {"select", "ask", "rule", "rules"}, term


def _shapes_needing_report_fields() -> list:
    """Property shapes, plus any targeted node shape that carries a constraint itself."""
    needed = set(SHAPES.subjects(SH.path, None))
    for node_shape in NODE_SHAPES:
        if any((node_shape, p, None) in SHAPES for p in CONSTRAINT_PARAMETERS):
            needed.add(node_shape)
    return sorted(needed, key=str)


def test_every_property_shape_is_named():
    """Property shapes have IRIs, so report readers can see which check fired."""
    for shape in SHAPES.subjects(SH.path, None):
        assert isinstance(shape, URIRef), f"anonymous property shape on {SHAPES.value(shape, SH.path)}"
        assert str(shape).startswith(str(DIPSH))


@pytest.mark.parametrize("shape", _shapes_needing_report_fields(), ids=_local)
def test_report_fields_present(shape):
    for field in REPORT_FIELDS:
        values = list(SHAPES.objects(shape, field))
        assert len(values) == 1, f"{_local(shape)} needs exactly one {_local(field)}"
    assert SHAPES.value(shape, SH.severity) in SEVERITIES
    for field in (SH.message, SH.name, SH.description):
        value = SHAPES.value(shape, field)
        assert isinstance(value, Literal) and value.language == "en", (shape, field)
        assert str(value).strip(), (shape, field)


def test_every_property_shape_belongs_to_a_node_shape():
    attached = {ps for ns in NODE_SHAPES for ps in _property_shapes(SHAPES, ns)}
    assert set(SHAPES.subjects(SH.path, None)) == attached


def test_language_tags_are_lowercase():
    for _s, _p, o in SHAPES:
        if isinstance(o, Literal) and o.language:
            assert o.language == o.language.lower(), o


def test_fixture_folders_match_node_shapes():
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert folders == {_local(s) for s in NODE_SHAPES}


@pytest.mark.parametrize("node_shape", NODE_SHAPES, ids=_local)
def test_valid_fixture_conforms_without_results(node_shape):
    path = FIXTURES / _local(node_shape) / "valid.ttl"
    assert path.is_file(), f"missing fixture {path.relative_to(ROOT)}"
    data = Graph().parse(path, format="turtle")
    conforms, results_graph, results = _validate(data)
    assert conforms and results == [], results_graph.serialize(format="turtle")


@pytest.mark.parametrize("node_shape", NODE_SHAPES, ids=_local)
def test_valid_fixture_exercises_its_shape(node_shape):
    """The valid fixture has at least one focus node of the shape it stands for."""
    data = Graph().parse(FIXTURES / _local(node_shape) / "valid.ttl", format="turtle")
    focus = set()
    for cls in SHAPES.objects(node_shape, SH.targetClass):
        focus |= set(data.subjects(RDF.type, cls))
    for prop in SHAPES.objects(node_shape, SH.targetObjectsOf):
        focus |= set(data.objects(None, prop))
    for prop in SHAPES.objects(node_shape, SH.targetSubjectsOf):
        focus |= set(data.subjects(prop, None))
    focus |= set(SHAPES.objects(node_shape, SH.targetNode))
    assert focus


@pytest.mark.parametrize("node_shape", NODE_SHAPES, ids=_local)
def test_invalid_fixture_fails_on_its_own_shape(node_shape):
    path = FIXTURES / _local(node_shape) / "invalid.ttl"
    assert path.is_file(), f"missing fixture {path.relative_to(ROOT)}"
    data = Graph().parse(path, format="turtle")
    conforms, results_graph, results = _validate(data)
    assert not conforms
    own = _property_shapes(SHAPES, node_shape) | {node_shape}  # a node shape may carry a constraint itself
    sources = {results_graph.value(r, SH.sourceShape) for r in results}
    assert sources & own, f"no result from {_local(node_shape)}: {sorted(map(str, sources))}"
    for r in results:
        assert results_graph.value(r, SH.resultMessage) is not None


@pytest.mark.parametrize(
    "path", sorted(FIXTURES.glob("*/*.ttl")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_fixtures_use_the_default_base_and_no_blank_nodes(path):
    data = Graph().parse(path, format="turtle")
    for s, _p, o in data:
        assert not isinstance(s, BNode) and not isinstance(o, BNode)
        assert str(s).startswith(BASE), s


def test_sender_and_recipient_gaps_are_warnings():
    data = Graph().parse(FIXTURES / "DocumentShape" / "valid.ttl", format="turtle")
    doc = URIRef(BASE + "doc/wilson-900101")
    data.remove((doc, DIP.sender, None))
    data.remove((doc, DIP.recipient, None))
    _conforms, results_graph, results = _validate(data)
    found = {
        (results_graph.value(r, SH.sourceShape), results_graph.value(r, SH.resultSeverity))
        for r in results
    }
    assert found == {
        (DIPSH["Document-sender-present"], SH.Warning),
        (DIPSH["AddressedDocument-recipient-present"], SH.Warning),
    }


def test_records_of_conversation_need_no_recipient():
    data = Graph().parse(FIXTURES / "DocumentShape" / "valid.ttl", format="turtle")
    doc = URIRef(BASE + "doc/wilson-900101")
    data.remove((doc, RDF.type, DIP.Telegram))
    data.add((doc, RDF.type, DIP.RecordOfConversation))
    data.remove((doc, DIP.recipient, None))
    conforms, _graph, results = _validate(data)
    assert conforms and results == []


def test_two_document_kinds_is_info():
    data = Graph().parse(FIXTURES / "DocumentShape" / "valid.ttl", format="turtle")
    data.add((URIRef(BASE + "doc/wilson-900101"), RDF.type, DIP.Letter))
    _conforms, results_graph, results = _validate(data)
    assert len(results) == 1
    assert results_graph.value(results[0], SH.sourceShape) == DIPSH["Document-kind"]
    assert results_graph.value(results[0], SH.resultSeverity) == SH.Info


@pytest.mark.parametrize(
    "value",
    [
        Literal("1962-04-25", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
        Literal("1962-08", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")),
        Literal("1962", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")),
    ],
)
def test_date_accepts_three_precisions(value):
    data = Graph().parse(FIXTURES / "DocumentShape" / "valid.ttl", format="turtle")
    data.set((URIRef(BASE + "doc/wilson-900101"), URIRef("http://purl.org/dc/terms/date"), value))
    conforms, _graph, results = _validate(data)
    assert conforms and results == []


@pytest.mark.parametrize(
    "value",
    [
        Literal("April 25, 1962"),
        Literal("1815-02-30", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
        Literal("1962-04-25T00:00:00Z", datatype=URIRef("http://www.w3.org/2001/XMLSchema#dateTime")),
    ],
)
def test_date_rejects_other_forms(value):
    data = Graph().parse(FIXTURES / "DocumentShape" / "valid.ttl", format="turtle")
    data.set((URIRef(BASE + "doc/wilson-900101"), URIRef("http://purl.org/dc/terms/date"), value))
    _conforms, results_graph, results = _validate(data)
    sources = {results_graph.value(r, SH.sourceShape) for r in results}
    assert sources == {DIPSH["Document-date-form"]}
