"""graph.jsonld holds exactly the triples of graph.ttl, reads without the network, and the published context
stays in step with the vocabulary's prefixes."""

from __future__ import annotations

import json
from pathlib import Path

import rdflib

from kg.export.jsonld import context, published_context
from kg.pipeline import export
from kg.rdf.vocab import STANDARD_PREFIXES
from kg.resources import context_path
from tests.corpus import EXAMPLES, seed_path

FRUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "frus"
CMIF = Path(__file__).resolve().parents[2] / "shared" / "data" / "cmif" / "example01_basic.xml"


def test_jsonld_and_turtle_hold_the_same_triples(tmp_path):
    out = tmp_path / "out"
    export([EXAMPLES, seed_path(), FRUS, CMIF], out, jobs=1)
    jsonld = rdflib.Graph().parse(out / "graph.jsonld", format="json-ld")
    turtle = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert len(jsonld) == len(turtle) > 20_000
    assert set(jsonld) == set(turtle)
    data = json.loads((out / "graph.jsonld").read_text("utf-8"))
    assert isinstance(data["@context"], dict) and data["@context"]["person"] == "https://data.example.org/kg/person/"
    edtf = [n for n in data["@graph"] if isinstance(n.get("dcterms:date"), dict)
            and n["dcterms:date"]["@type"] == "edtf:EDTF"]
    assert edtf and edtf[0]["dcterms:date"]["@value"] == "[1810-07-11..1810-07-18]"


def test_same_input_same_bytes(tmp_path):
    for name in ("a", "b"):
        export([EXAMPLES], tmp_path / name, jobs=1 if name == "a" else 2, batch_size=3)
    assert (tmp_path / "a" / "graph.jsonld").read_bytes() == (tmp_path / "b" / "graph.jsonld").read_bytes()


def test_published_context_matches_the_vocabulary():
    published = published_context()
    prefixes = {k: v for k, v in published.items() if isinstance(v, str) and not v.startswith("@")}
    assert prefixes == {**STANDARD_PREFIXES, "edtf": "http://id.loc.gov/datatypes/edtf/"}
    assert context({"person": "https://ex.org/person/"})["person"] == "https://ex.org/person/"


def test_published_context_reads_hand_written_json_ld():
    """The short terms work for people writing JSON-LD by hand against the published context."""
    ctx = json.loads(context_path().read_text("utf-8"))["@context"]
    doc = {"@context": ctx, "id": "https://ex.org/doc/1", "type": "dip:Letter", "title": "A letter",
           "sender": "https://ex.org/person/a", "date": {"@value": "1962-04-25", "@type": "xsd:date"}}
    graph = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    subject = rdflib.URIRef("https://ex.org/doc/1")
    assert (subject, rdflib.URIRef("https://w3id.org/dipcorr#sender"), rdflib.URIRef("https://ex.org/person/a")) in graph
    assert (subject, rdflib.DCTERMS.title, rdflib.Literal("A letter", lang="en")) in graph
