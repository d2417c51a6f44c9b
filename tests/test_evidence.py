"""Evidence in the export: every annotation's quote equals the text at its offsets; the seed's actors."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from corpus import EXAMPLES, seed_path
from kg.extract.record import extract_record
from kg.ingest import read_file

BASE = "https://data.example.org/kg/"
PREFIXES = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX dip: <https://w3id.org/dipcorr#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> """


@pytest.fixture(scope="module")
def store(corpus_export):
    _, out = corpus_export
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def _texts() -> dict[str, str]:
    """Every text an annotation can point into, by IRI: bodies, titles and summaries."""
    texts = {}
    for path in [*sorted(EXAMPLES.glob("wilson-*.txt")), seed_path()]:
        record = extract_record(read_file(path)[0]).record
        doc = f"{BASE}doc/{record.key}"
        texts[doc], texts[f"{doc}--title"] = record.body, record.title
        if record.summary:
            texts[f"{doc}--summary"] = record.summary
    return texts


def test_every_quote_is_the_text_at_its_offsets(store):
    query = PREFIXES + """SELECT ?source ?start ?end ?exact ?prefix WHERE { GRAPH ?g {
        ?a a oa:Annotation ; oa:hasTarget ?t . ?t oa:hasSource ?source ; oa:hasSelector ?p , ?q .
        ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact ; oa:prefix ?prefix } }"""
    texts = _texts()
    rows = list(store.query(query))
    assert len(rows) > 300
    for row in rows:
        text = texts[row["source"].value]
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["exact"].value
        assert text[:start].endswith(row["prefix"].value)


def test_seed_people_posts_organisations_and_places(store):
    doc = f"<{BASE}doc/wilson-118186>"

    def labels(kind: str) -> set[str]:
        query = PREFIXES + f"SELECT ?l WHERE {{ GRAPH ?g {{ {doc} dip:mentions ?a . ?a a dip:{kind} ; rdfs:label ?l }} }}"
        return {row["l"].value for row in store.query(query)}

    assert {"Zhang Hanfu", "Stepan Chervonenko", "Xu Huang"} <= labels("Person")
    assert {"Government of the Soviet Union", "Party Committee of the Xinjiang Uyghur Autonomous Region"} <= labels(
        "Organization")
    assert {"Xinjiang Uyghur Autonomous Region", "Urumqi", "Ili", "Soviet Union"} <= labels("Place")
    posts = {(row["who"].value, row["post"].value) for row in store.query(PREFIXES + """
        SELECT ?who ?post WHERE { GRAPH <%sgraph/doc/wilson-118186> {
            ?p rdfs:label ?who ; org:holds ?x . ?x rdfs:label ?post } }""" % BASE)}
    assert ("Zhang Hanfu", "Vice Minister, Ministry of Foreign Affairs of the People's Republic of China") in posts
    assert ("Stepan Chervonenko", "Ambassador, Ministry of Foreign Affairs of the USSR") in posts


def test_places_link_to_geonames(store):
    query = PREFIXES + f"ASK {{ GRAPH ?g {{ <{BASE}place/urumqi> skos:exactMatch <https://sws.geonames.org/1529102/> }} }}"
    assert store.query(query)


def test_lean_export_leaves_annotations_out_of_graph_ttl(tmp_path):
    from kg.pipeline import export

    export([seed_path()], tmp_path / "full")
    export([seed_path()], tmp_path / "lean", lean=True)
    full, lean = (tmp_path / "full" / "graph.ttl").read_text("utf-8"), (tmp_path / "lean" / "graph.ttl").read_text("utf-8")
    assert "oa:Annotation" in full and "oa:Annotation" not in lean
    assert "dip:mentions" in lean
    assert (tmp_path / "full" / "graph.nq").read_bytes() == (tmp_path / "lean" / "graph.nq").read_bytes()


def test_seed_deliveries_are_events_with_both_participants(store):
    rows = list(store.query(PREFIXES + f"""PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?by ?to ?date WHERE {{ GRAPH ?g {{ <{BASE}doc/wilson-118186> dip:reports ?e .
        ?e a dip:Delivery ; dip:deliveredBy/rdfs:label ?by ; dip:deliveredTo/rdfs:label ?to ; dcterms:date ?date ;
           dip:participant ?p1, ?p2 ; dip:delivered ?what ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?ann .
        ?ann a oa:Annotation . FILTER(?p1 != ?p2) }} }}"""))
    found = {(r["by"].value, r["to"].value, r["date"].value) for r in rows}
    assert found == {("Zhang Hanfu", "Stepan Chervonenko", "1962-04-24"),
                     ("Stepan Chervonenko", "Zhang Hanfu", "1962-04-24")}


def test_attached_and_cited_documents(store):
    attached = list(store.query(PREFIXES + f"""PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?t WHERE {{ GRAPH ?g {{ <{BASE}doc/wilson-118186> dip:attachment ?d . ?d dcterms:title ?t }} }}"""))
    assert "Chinese memorandum" in {r["t"].value for r in attached}
    held = store.query(PREFIXES + f"""PREFIX dcterms: <http://purl.org/dc/terms/>
        ASK {{ GRAPH ?g {{ <{BASE}doc/wilson-900117> dcterms:references <{BASE}doc/wilson-900103> }} }}""")
    assert held, "the Soviet Embassy's note of 9 August is 900103, held by the corpus"


def test_meeting_from_a_record_of_conversation(store):
    rows = list(store.query(PREFIXES + f"""SELECT ?who WHERE {{ GRAPH ?g {{
        <{BASE}doc/wilson-900112> dip:reports ?e . ?e a dip:Meeting ; dip:participant/rdfs:label ?who }} }}"""))
    assert {r["who"].value for r in rows} == {"Nikita Khrushchev", "Walter Ulbricht"}


def test_hierarchy_the_text_gives(store):
    rows = list(store.query(PREFIXES + """SELECT ?child ?parent WHERE { GRAPH ?g {
        ?c org:subOrganizationOf ?p . ?c rdfs:label ?child . ?p rdfs:label ?parent } }"""))
    pairs = {(r["child"].value, r["parent"].value) for r in rows}
    assert ("Yili Office of the Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region",
            "Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region") in pairs
    assert ("Department of the CC CPSU for Liaison with Communist and Workers' Parties of Socialist Countries",
            "Central Committee of the Communist Party of the Soviet Union") in pairs


def test_one_organisation_per_place_of_a_plural_consulate(store):
    rows = list(store.query(PREFIXES + f"""SELECT ?l WHERE {{ GRAPH ?g {{
        <{BASE}doc/wilson-900103> dip:mentions ?o . ?o a dip:Organization ; rdfs:label ?l }} }}"""))
    labels = {r["l"].value for r in rows}
    assert {"Consulate General of the Soviet Union in Urumqi", "Consulate General of the Soviet Union in Yining"} <= labels


def test_posts_rest_on_the_words_that_attest_them(store):
    rows = list(store.query(PREFIXES + f"""PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?exact WHERE {{ GRAPH <{BASE}graph/doc/wilson-118186> {{
            ?p rdfs:label "Zhang Hanfu" ; org:holds ?post . ?post prov:wasDerivedFrom ?a .
            ?a oa:hasTarget/oa:hasSelector/oa:exact ?exact }} }}"""))
    assert {r["exact"].value for r in rows} == {"Zhang Hanfu"}


def test_authority_identifiers_become_exact_matches(tmp_path):
    from kg.pipeline import export

    extra = tmp_path / "authority.toml"
    extra.write_text('[[actor]]\nslug = "xu-huang"\nkind = "person"\nlabel = "Xu Huang"\n'
                     'same_as = ["http://www.wikidata.org/entity/Q000000"]\n', "utf-8")
    export([seed_path()], tmp_path / "out", authorities=[extra])
    text = (tmp_path / "out" / "graph.ttl").read_text("utf-8")
    assert "<http://www.wikidata.org/entity/Q000000>" in text and "owl:sameAs" not in text
