"""The seed cable (Wilson Center 118186) comes out exactly right, asserted by SPARQL over graph.ttl."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

DOC = "<https://data.example.org/kg/doc/wilson-118186>"
PREFIXES = """
PREFIX dip: <https://w3id.org/dipcorr#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


@pytest.fixture(scope="module")
def store(corpus_export):
    _, out = corpus_export
    store = ox.Store()
    store.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def ask(store: ox.Store, pattern: str) -> bool:
    return bool(store.query(f"{PREFIXES} ASK {{ {pattern} }}"))


FACTS = {
    "is a cable and a document": f"{DOC} a dip:Cable, dip:Document .",
    "dated 1962-04-25 as xsd:date": f'{DOC} dcterms:date "1962-04-25"^^xsd:date ; dip:dateAsPrinted "April 25, 1962" .',
    "date bounds in UTC": f'{DOC} dip:dateMin "1962-04-25T00:00:00Z"^^xsd:dateTime ; '
                          f'dip:dateMax "1962-04-25T23:59:59Z"^^xsd:dateTime .',
    "record id 118186 as a string": f'{DOC} dcterms:identifier "118186" .',
    "source page as an IRI": f"{DOC} dcterms:source <https://wilson-center.drivingcreative.com/document/118186> .",
    "part of the Wilson Center Digital Archive": f'{DOC} dcterms:isPartOf ?c . ?c rdfs:label "Wilson Center Digital Archive" .',
    "archival reference as printed": f'{DOC} dip:archivalReference "PRC FMA 118-01154-06, 10" .',
    "held by the PRC Foreign Ministry archive": f'{DOC} dip:heldBy ?a . ?a a dip:Organization ; '
        f'rdfs:label "Archive of the Ministry of Foreign Affairs of the People\'s Republic of China" .',
    "translated by 7Brands": f'{DOC} dip:translator ?t ; dcterms:contributor ?t . ?t rdfs:label "7Brands" .',
    "funded by the MacArthur Foundation": f'{DOC} dip:funder ?f . ?f rdfs:label ?l ; skos:altLabel "MacArthur Foundation" .',
    "original language zh": f'{DOC} dip:originalLanguage "zh"^^xsd:language ; dcterms:language "zh"^^xsd:language .',
    "urgency Extremely Urgent": f'{DOC} dip:urgency ?u . ?u a skos:Concept ; skos:prefLabel "Extremely Urgent"@en ; '
                                f"skos:broadMatch dip:flash .",
    "sent to Urumqi, printed Wulumqi": f'{DOC} dip:sentTo ?p . ?p a dip:Place ; rdfs:label "Urumqi" ; skos:altLabel "Wulumqi" .',
    "sent by the Chinese Ministry of Foreign Affairs": f'{DOC} dip:sender ?s ; dcterms:creator ?s . ?s a dip:Organization ; '
        f'rdfs:label "Ministry of Foreign Affairs of the People\'s Republic of China" ; skos:altLabel "Ministry of Foreign Affairs" .',
    "addressed to Xu Huang": f'{DOC} dip:recipient ?p . ?p a dip:Person ; rdfs:label "Xu Huang" .',
    "addressed to the Yili (Ili) Office": f'{DOC} dip:recipient ?o . ?o a dip:Organization ; '
        f'rdfs:label "Yili Office of the Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region" ; '
        f'skos:altLabel "Ili Office of the Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region" ; '
        f'org:subOrganizationOf ?d . ?d rdfs:label "Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region" .',
    "signed on 25 April 1962": f'{DOC} dip:textDate "1962-04-25"^^xsd:date ; dip:textDateAsPrinted "25 April 1962" .',
}


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_seed_fact(store, fact):
    assert ask(store, FACTS[fact]), f"not in graph.ttl: {fact}"


def test_seed_has_exactly_two_recipients_and_one_sender(store):
    rows = list(store.query(f"{PREFIXES} SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ {DOC} dip:recipient ?r }}"))
    assert rows[0]["n"].value == "2"
    rows = list(store.query(f"{PREFIXES} SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {DOC} dip:sender ?s }}"))
    assert rows[0]["n"].value == "1"


def test_seed_title_is_english(store):
    rows = list(store.query(f"{PREFIXES} SELECT ?t WHERE {{ {DOC} dcterms:title ?t }}"))
    assert len(rows) == 1
    assert rows[0]["t"].language == "en"
    assert rows[0]["t"].value.startswith("Cable from the Chinese Foreign Ministry, 'Representations")
