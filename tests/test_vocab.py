"""The code's closed namespace and the ontology define exactly the same dip: terms."""

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.rdf.vocab import DIP, DIP_IRI, DIP_TERMS

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "dipcorr.ttl"


def test_namespace_matches_ontology():
    graph = Graph().parse(ONTOLOGY, format="turtle")
    defined = {
        str(s)[len(DIP_IRI):]
        for s in graph.subjects(RDFS.isDefinedBy, None)
        if isinstance(s, URIRef) and str(s).startswith(DIP_IRI)
    }
    assert len(DIP_TERMS) == len(set(DIP_TERMS)), "a term is listed twice in kg.rdf.vocab"
    only_code = sorted(set(DIP_TERMS) - defined)
    only_ontology = sorted(defined - set(DIP_TERMS))
    assert not only_code and not only_ontology, f"only in code: {only_code}; only in ontology: {only_ontology}"


def test_namespace_is_closed():
    assert str(DIP.sender) == DIP_IRI + "sender"
    with pytest.raises(AttributeError):
        DIP.recipent  # noqa: B018  (a typo must fail)
