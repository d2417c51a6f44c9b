"""The FRUS TEI reader: records match the volumes' own markup, notes stay apart, hostile XML is refused,
and a FRUS volume exported with the Wilson Center examples gives one node per person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluate.frus import parse_volume
from kg.evaluate.frus_persons import evaluate_frus
from kg.extract.record import extract_record
from kg.ingest import discover, read_file
from kg.ingest.frus import PAGES
from kg.pipeline import export
from kg.problems import InputError
from tests.corpus import EXAMPLES, seed_path

FRUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "frus"
VOLUMES = sorted(FRUS.glob("*.xml"))
BASE = "https://data.example.org/kg/"


@pytest.fixture(scope="module")
def records():
    return {path.name.split(".")[0]: read_file(path) for path in VOLUMES}


def test_every_document_div_is_a_record_and_editorial_notes_are_reported(records):
    layouts = {volume: [r.layout for r in found] for volume, found in records.items()}
    assert {v: len(found) for v, found in layouts.items()} == {"frus1961-63v05": 3, "frus1961-63v06": 12,
                                                               "frus1961-63v22": 6}
    assert layouts["frus1961-63v05"].count("editorial-note") == 1
    assert layouts["frus1961-63v22"].count("editorial-note") == 1
    note = next(r for r in records["frus1961-63v05"] if r.layout == "editorial-note")
    outcome = extract_record(note)
    assert outcome.record is None and [p.code for p in outcome.problems] == ["editorial-note"]


def test_records_agree_with_the_volumes_markup(records):
    """Title, date, place, sender, addressee and signer, against the gold reader's reading of the same TEI."""
    for path in VOLUMES:
        volume = parse_volume(path)
        dated = [r for r in records[volume.id] if r.layout == "tei"]
        assert [r.record_id.value for r in dated] == [f"{volume.id}-{d.id}" for d in volume.documents]
        for record, gold in zip(dated, volume.documents):
            given = record.given
            assert gold.title.endswith(record.title.value), record.record_id
            assert given.date == gold.date[:10]
            assert [a.name for a in given.origins] == ([gold.place] if gold.place else [])
            assert len(given.senders) == len(gold.senders) and len(given.recipients) == len(gold.recipients)
            assert len(given.signers) == len(gold.signers)
            assert given.same_as == (f"{PAGES}{volume.id}/{gold.id}",)


def test_marked_names_point_at_their_own_words_and_notes_stay_apart(records):
    for found in records.values():
        for record in found:
            texts = {"body": record.body, "title": record.title.value if record.title else "",
                     "notes": record.given.notes}
            for name in record.given.names:
                assert texts[name.source][name.start:name.end] == name.text
            for line in filter(None, record.given.notes.split("\n\n")):
                assert line not in record.body
    d1 = records["frus1961-63v06"][0]
    assert d1.body.endswith("prosperity to the American people.")
    assert d1.given.notes.startswith("Source:American Foreign Policy")  # no space in the TEI either
    assert "1. Printed from an unsigned copy." in d1.given.notes


def test_linked_names_carry_the_persons_list_reading_and_page(records):
    d3 = records["frus1961-63v06"][2]
    brezhnev = next(n for n in d3.given.names if n.text == "Brezhnev")
    assert brezhnev.name == "Leonid I. Brezhnev"
    assert brezhnev.ids == (f"{PAGES}frus1961-63v06/persons#p_BLI1",)
    d4 = records["frus1961-63v06"][3]
    assert d4.given.classification == "Unclassified" and d4.given.urgency == "Niact"
    assert d4.reference.value == "Department of State, Central Files, 711.11-KE/1-2161"
    assert [a.name for a in d4.given.senders] == ["Department of State"]


def test_person_recall_with_the_markup_is_complete():
    scores = evaluate_frus(FRUS, markup=True)
    assert scores.total("markup").recall >= 0.95 and scores.total("markup_with_notes").recall >= 0.95
    assert scores.documents == 2 * 19


def test_reader_is_chosen_by_content_and_can_be_forced(tmp_path):
    renamed = tmp_path / "volume.tei"
    renamed.write_bytes(VOLUMES[0].read_bytes())
    assert {r.source for r in read_file(renamed)} == {"frus"}
    assert discover([FRUS])[0] == VOLUMES
    with pytest.raises(InputError, match="not-a-document"):
        read_file(renamed, "wilson")


HOSTILE = {
    "xxe.xml": '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
               '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>&x;</text></TEI>',
    "laughs.xml": '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;">\n'
                  ']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&lol2;</TEI>',
    "cut.xml": '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">\n'
               '<text><body><div type="document">\n<head>1. Letter</head>\n<p>Dear',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_and_broken_xml_is_refused_with_file_line_and_fix(tmp_path, name):
    path = tmp_path / name
    path.write_text(HOSTILE[name], encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_file(path, "frus")
    problem = caught.value.problem
    assert problem.path == str(path) and problem.line is not None
    assert problem.code == ("not-well-formed-xml" if name == "cut.xml" else "xml-entities")
    assert problem.line == (4 if name == "cut.xml" else 3)


def test_external_dtd_is_never_fetched(tmp_path):
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "LEAKED">', encoding="utf-8")
    text = VOLUMES[1].read_text(encoding="utf-8").replace(
        "<TEI ", f'<!DOCTYPE TEI SYSTEM "{secret.as_uri()}">\n<TEI ', 1)
    path = tmp_path / "volume.xml"
    path.write_text(text, encoding="utf-8")
    assert all("LEAKED" not in r.body for r in read_file(path))


def test_one_bad_volume_does_not_stop_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "xxe.xml").write_text(HOSTILE["xxe.xml"], encoding="utf-8")
    (corpus / "v06.xml").write_bytes(VOLUMES[1].read_bytes())
    result = export([corpus], tmp_path / "out", jobs=1)
    assert result.summary.documents == 12
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert report["problem_codes"].get("xml-entities") == 1


def test_frus_and_wilson_actors_are_one_graph(tmp_path):
    """Khrushchev and Zhou Enlai, named in Wilson Center cables and in FRUS, are one node each (Mao Zedong is
    in the v22 persons list but no excerpted document names him); a bare "Kennedy" in a Wilson cable stays
    apart, since the corpus now holds two Kennedys."""
    out = tmp_path / "out"
    result = export([EXAMPLES, FRUS, seed_path()], out, jobs=1)
    assert result.exit_code == 0 and result.summary.documents == 40
    mentioned: dict[str, set[str]] = {}
    for line in (out / "graph.nq").read_text("utf-8").splitlines():
        if "#mentions>" in line:
            subject, _, actor = line.split(" ")[:3]
            source = subject.rsplit("/", 1)[1].split("-")[0]
            mentioned.setdefault(actor.strip("<>"), set()).add(source)
    for slug in ("nikita-khrushchev", "zhou-enlai"):
        assert mentioned[f"{BASE}person/{slug}"] == {"wilson", "frus"}, slug
    assert mentioned[f"{BASE}person/john-f-kennedy"] == {"frus"}
    assert mentioned[f"{BASE}person/robert-f-kennedy"] == {"frus"}
    ttl = (out / "graph.ttl").read_text("utf-8")
    assert "frus1961-63v22/persons#p_CEZE1" in ttl


def test_cli_scores_with_the_markup(capsys):
    assert main(["evaluate", "--frus", str(FRUS), "--markup"]) == 0
    table = capsys.readouterr().out
    assert "markup_with_notes" in table and table.splitlines()[-2].split()[:2] == ["all", "markup_with_notes"]
