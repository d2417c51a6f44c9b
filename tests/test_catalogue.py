"""Every catalogue query answers its question on the example corpus (plus the seed) as expected."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query import bind, run
from kg.query.catalogue import catalogue

BASE = "https://data.example.org/kg/"
DOC = f"{BASE}doc/"
MFA_PRC = "Ministry of Foreign Affairs of the People's Republic of China"


@pytest.fixture(scope="module")
def ask(corpus_export):
    _, out = corpus_export
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)

    def rows(query: str, **bindings: str) -> list[dict[str, str]]:
        result = run(store, bind(catalogue()[query].text, bindings))
        names = [v.value for v in result.variables]
        return [{n: (row[n].value if row[n] is not None else "") for n in names} for row in result]

    return rows


def test_every_query_states_its_question():
    for name, entry in catalogue().items():
        assert entry.question.endswith(("?", ")")), name
        assert "GRAPH ?g" in entry.text, f"{name} must name its graphs"


def test_documents_by_sender(ask):
    rows = ask("documents-by-sender", sender=MFA_PRC)
    assert sorted(r["document"].removeprefix(DOC) for r in rows) == [
        "wilson-118186", "wilson-900101", "wilson-900102", "wilson-900104", "wilson-900105", "wilson-900117"]
    assert len(ask("documents-by-sender")) == 21


def test_documents_to_recipient(ask):
    rows = ask("documents-to-recipient", recipient="Xu Huang")
    assert [(r["date"], r["document"].removeprefix(DOC)) for r in rows] == [
        ("1962-04-25", "wilson-118186"), ("1962-05-02", "wilson-900101"), ("1962-05-12", "wilson-900104")]


def test_documents_in_date_range(ask):
    april_to_june = [r["document"].removeprefix(DOC) for r in ask("documents-in-date-range")]
    assert april_to_june == ["wilson-900102", "wilson-118186", "wilson-900105", "wilson-900101", "wilson-900104"]
    fifties = ask("documents-in-date-range", **{"from": "1950-01-01T00:00:00Z", "to": "1950-12-31T23:59:59Z"})
    assert [r["document"].removeprefix(DOC) for r in fifties] == ["wilson-900119", "wilson-900111", "wilson-900110"]


def test_documents_by_type(ask):
    counts = {r["type"].rsplit("#", 1)[1]: int(r["documents"]) for r in ask("documents-by-type")}
    assert counts["Cable"] == 3 and counts["Telegram"] == 2 and sum(counts.values()) == 21 and len(counts) == 14


def test_correspondents(ask):
    rows = ask("correspondents", actor="Xu Huang")
    assert [(r["from"], r["documents"], r["first"], r["last"]) for r in rows] == [
        (MFA_PRC, "3", "1962", "1962"), ("Ministry of Public Security of the People's Republic of China", "1", "1962", "1962")]


def test_traffic_over_time(ask):
    rows = [(r["month"], r["documents"]) for r in ask("traffic-over-time") if r["sender"] == MFA_PRC]
    assert rows == [("1962-01", "1"), ("1962-04", "3"), ("1962-05", "2")]  # the year-only draft counts from January


def test_meetings_and_deliveries_of_chervonenko(ask):
    rows = ask("meetings-and-deliveries", person="Stepan Chervonenko")
    found = {(r["kind"], r["date"], r["from"], r["to"], r["document"].removeprefix(DOC)) for r in rows}
    assert ("delivery", "1962-04-24", "Zhang Hanfu", "Stepan Chervonenko", "wilson-118186") in found
    assert ("delivery", "1962-04-24", "Stepan Chervonenko", "Zhang Hanfu", "wilson-118186") in found
    assert ("meeting", "1962-04-24", "Stepan Chervonenko", "Zhang Hanfu", "wilson-900102") in found


def test_co_mentions(ask):
    rows = ask("co-mentions", actor="Zhang Hanfu")
    assert ("Stepan Chervonenko", "Zhang Hanfu", "6") in {(r["first"], r["second"], r["documents"]) for r in rows}


def test_offices_of_a_person(ask):
    rows = ask("offices-of-a-person", name="Zhang Hanfu")
    assert {(r["post"], r["document"].removeprefix(DOC)) for r in rows} >= {
        (f"Vice Minister, {MFA_PRC}", "wilson-118186"), (f"Vice Foreign Minister, {MFA_PRC}", "wilson-900102")}


def test_documents_citing(ask):
    rows = ask("documents-citing")
    held = {(r["document"].removeprefix(DOC), r["cited"].removeprefix(DOC)) for r in rows if r["held"] == "true"}
    assert held == {("wilson-900117", "wilson-900103")}
    assert ("wilson-118186", "attaches", "Chinese memorandum") in {
        (r["document"].removeprefix(DOC), r["link"], r["description"]) for r in rows}


def test_evidence_for_relations(ask, corpus_export):
    rows = [r for r in ask("evidence-for-relations") if r["source"] == f"{DOC}wilson-118186"]
    assert sorted(r["exact"] for r in rows) == ["submitted a memorandum", "submitted one memorandum"]


def test_sent_to_a_place(ask):
    assert [r["document"].removeprefix(DOC) for r in ask("sent-to-a-place")] == ["wilson-118186"]
    assert [r["document"].removeprefix(DOC) for r in ask("sent-to-a-place", place="Yining", month="1962-05")] == [
        "wilson-900101"]
