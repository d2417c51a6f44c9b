"""Identity across the corpus: the same actor in two documents is one node, different ones stay apart;
the review file says why, and the overrides file forces a merge or a split."""

from __future__ import annotations

import csv

from corpus import EXAMPLES, seed_path
from kg.pipeline import export

BASE = "https://data.example.org/kg/"
TEMPLATE = """{date}

{title}

Citation:

"{title}", {date}, Wilson Center Digital Archive, AVPRF f. 1, op. 2, d. {n}. Translated by Ann Example. https://digitalarchive.wilsoncenter.org/document/{n}

Original Language:

Russian

Contents:

Translation - English

{body}
"""


def write(folder, n: int, title: str, body: str, date: str = "May 5, 1962"):
    path = folder / f"wilson-{n}.txt"
    path.write_text(TEMPLATE.format(date=date, title=title, body=body, n=n), "utf-8")
    return path


def mentioned(out, n: int) -> set[str]:
    text = (out / "graph.nq").read_text("utf-8")
    return {line.split()[2].strip("<>") for line in text.splitlines()
            if line.startswith(f"<{BASE}doc/wilson-{n}> <https://w3id.org/dipcorr#mentions>")}


def test_same_person_in_two_documents_is_one_node_and_namesakes_stay_apart(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, 910001, "Report on Talks", "Counsellor Ivan Mesyatsev met Comrade Liu Xiao in Moscow.")
    write(docs, 910002, "Report on Further Talks", "Comrade Mesyastev said that Mesyastev's proposal stands.")
    write(docs, 910006, "Report on a Reception", "Comrade Mesyatse attended the reception.")
    write(docs, 910003, "Report on a Dinner", "President John F. Kennedy and Robert Kennedy attended.")
    write(docs, 910004, "Report on a Letter", "Comrade Kennedy wrote again.")
    out = tmp_path / "out"
    assert export([docs], out).exit_code == 0
    assert f"{BASE}person/ivan-mesyatsev" in mentioned(out, 910001) & mentioned(out, 910002) & mentioned(out, 910006)
    assert {f"{BASE}person/john-f-kennedy", f"{BASE}person/robert-kennedy"} <= mentioned(out, 910003)
    assert f"{BASE}person/kennedy" in mentioned(out, 910004)
    rows = list(csv.DictReader((out / "review.csv").read_text("utf-8").splitlines()))
    reasons = {(r["document"], r["form"]): r["reason"] for r in rows}
    assert reasons[("wilson-910002", "Mesyastev")] == (
        "spelling variant of 'Mesyatsev' (1 mentions against 1); the only person of the corpus named 'Mesyatsev'")
    assert reasons[("wilson-910004", "Kennedy")].startswith("kept apart: 2 people")


def test_overrides_force_a_split_and_a_merge(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, 910004, "Report on a Letter", "Comrade Kennedy wrote again.")
    write(docs, 910005, "Report on a Visit", "Comrade Liu Xiao and Comrade Liu met the press.")
    overrides = tmp_path / "overrides.toml"
    overrides.write_text(
        '[[override]]\nform = "Kennedy"\nkind = "person"\nslug = "robert-kennedy"\nlabel = "Robert Kennedy"\n'
        'documents = ["wilson-910004"]\n', "utf-8")
    before, after = tmp_path / "before", tmp_path / "after"
    export([docs], before)
    export([docs], after, overrides=[overrides])
    assert f"{BASE}person/kennedy" in mentioned(before, 910004)
    assert mentioned(after, 910004) >= {f"{BASE}person/robert-kennedy"}
    assert f"{BASE}person/kennedy" not in mentioned(after, 910004)
    assert 'rdfs:label> "Robert Kennedy"' in (after / "graph.nq").read_text("utf-8").replace("<http://www.w3.org/2000/01/rdf-schema#", "rdfs:")
    reasons = {r["form"]: r["reason"] for r in csv.DictReader((after / "review.csv").read_text("utf-8").splitlines())}
    assert reasons["Kennedy"] == "overrides file"


def test_generic_ministry_names_resolve_per_state(corpus_export):
    _, out = corpus_export
    rows = list(csv.DictReader((out / "review.csv").read_text("utf-8").splitlines()))
    ministries = {(r["document"], r["iri"].rsplit("/", 1)[1]) for r in rows if r["form"] == "Ministry of Foreign Affairs"}
    assert ("wilson-118186", "ministry-of-foreign-affairs-prc") in ministries
    assert all(iri.startswith("ministry-of-foreign-affairs-") for _, iri in ministries)


def test_review_file_lists_every_actor_of_the_export(corpus_export):
    _, out = corpus_export
    rows = list(csv.DictReader((out / "review.csv").read_text("utf-8").splitlines()))
    assert rows and set(rows[0]) == {"document", "kind", "form", "iri", "reason"}
    nq = (out / "graph.nq").read_text("utf-8")
    for iri in {r["iri"] for r in rows}:
        assert f"<{iri}>" in nq, iri
