"""The FRUS gold reader matches the data README, keeps notes out of ``text`` and refuses hostile XML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from kg.evaluate.frus import KNOWN_WRONG_LINKS, NS, Volume, normalise, parse_volume, volume_stats

FRUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "frus"
PROJECT = Path(__file__).resolve().parents[1]

# file stem -> (persons-list entries, persName in document divs, of them linked, document divs, editorial notes)
README = {
    "frus1961-63v22": (149, 84, 76, 6, ("d2",)),
    "frus1961-63v05": (110, 24, 24, 3, ("d7",)),
    "frus1961-63v06": (58, 77, 74, 12, ()),
}

# (volume, document, gold id) whose names do not occur in the document text, and why.
# Empty: every gold person is found by the surface form the document itself tags.
NAME_NOT_IN_TEXT: dict[tuple[str, str, str], str] = {}


def frus_path(stem: str) -> Path:
    path = FRUS / f"{stem}.excerpt.xml"
    if not path.is_file():
        pytest.fail(f"{path} is missing: clone the project next to shared/")
    return path


@pytest.fixture(scope="module")
def volumes() -> dict[str, Volume]:
    return {stem: parse_volume(frus_path(stem)) for stem in README}


def document(volumes: dict[str, Volume], stem: str, doc_id: str):
    return next(doc for doc in volumes[stem].documents if doc.id == doc_id)


@pytest.mark.parametrize("stem", README)
def test_volume_parses_with_the_readme_counts(volumes, stem):
    persons, mentions, linked, divs, undated = README[stem]
    stats = volume_stats(volumes[stem])
    assert volumes[stem].id == stem
    assert stats["persons"] == len(volumes[stem].persons) == persons
    assert (stats["mentions"], stats["linked_mentions"]) == (mentions, linked)
    assert stats["document_divs"] == divs and volumes[stem].undated == undated
    assert stats["documents"] == divs - len(undated)


@pytest.mark.parametrize("stem", README)
def test_mention_counts_agree_with_a_plain_xpath(volumes, stem):
    root = etree.parse(str(frus_path(stem))).getroot()
    names = root.xpath('//tei:div[@type="document"]//tei:persName', namespaces=NS)
    assert volumes[stem].mention_count == len(names)
    assert volumes[stem].linked_mention_count == len([n for n in names if n.get("corresp")])


def test_cross_references_resolve_to_their_target(volumes):
    assert volumes["frus1961-63v22"].persons["p_ZE1"].see == "p_CEZE1"
    assert volumes["frus1961-63v05"].persons["p_HOME1"].see == "p_DHSAF1"
    chou = volumes["frus1961-63v22"].persons["p_CEZE1"]
    assert chou.label == "Chou En-lai (Zhou Enlai)" and {"Chou En-lai", "Zhou Enlai"} <= set(chou.names)
    assert volumes["frus1961-63v05"].persons["p_KJF1"].names[:2] == ("Kennedy", "John F. Kennedy")


def test_every_document_has_text_and_a_date(volumes):
    for volume in volumes.values():
        for doc in volume.documents:
            assert doc.text.strip() and doc.title and doc.date, (volume.id, doc.id)
            assert len(doc.text_with_notes) >= len(doc.text)


def test_text_drops_notes_and_keeps_what_follows_them(volumes):
    doc = document(volumes, "frus1961-63v22", "d3")
    footnote = "Lung Yun was a former warlord in Yunnan Province."
    assert footnote not in doc.text and footnote in doc.text_with_notes.split("\n\n")
    assert "originally in Lung Yun's army in Yunnan." in doc.text
    source = "Source: Department of State, Central Files, 793.00/2-361."
    assert source not in doc.text and doc.text_with_notes.split("\n\n")[1].startswith(source)


@pytest.mark.parametrize("stem", README)
def test_no_note_text_leaks_into_text(volumes, stem):
    root = etree.parse(str(frus_path(stem))).getroot()
    by_id = {doc.id: doc for doc in volumes[stem].documents}
    checked = 0
    for note in root.xpath('//tei:div[@type="document"]//tei:note', namespaces=NS):
        doc_id = note.xpath('ancestor::tei:div[@type="document"]/@xml:id', namespaces=NS)[0]
        words = normalise("".join(note.itertext()))
        if doc_id in by_id and len(words) >= 40:
            assert words not in by_id[doc_id].text, (doc_id, words)
            assert words in by_id[doc_id].text_with_notes, (doc_id, words)
            checked += 1
    assert checked


def test_page_breaks_are_dropped_inside_a_sentence(volumes):
    text = document(volumes, "frus1961-63v22", "d4").text
    assert "“expeditiously” all detained personnel of the other side" in text


def test_every_gold_person_is_named_in_the_text(volumes):
    missing = []
    for volume in volumes.values():
        for doc in volume.documents:
            for gold, text in ((doc.gold, doc.text), (doc.gold_with_notes, doc.text_with_notes)):
                for person in gold:
                    if not any(name.lower() in text.lower() for name in person.names):
                        missing.append((volume.id, doc.id, person.id))
    assert {m for m in missing if m not in NAME_NOT_IN_TEXT} == set()


def test_gold_without_notes_is_a_subset_of_gold_with_notes(volumes):
    for volume in volumes.values():
        for doc in volume.documents:
            assert {g.id for g in doc.gold} <= {g.id for g in doc.gold_with_notes}
            assert all(g.label == volume.persons[g.id].label for g in doc.gold_with_notes)


def test_known_wrong_links_are_excluded(volumes):
    d3 = document(volumes, "frus1961-63v22", "d3")
    assert "p_YP1" not in {g.id for g in d3.gold} | {g.id for g in d3.gold_with_notes}
    assert "p_DAW1" not in {g.id for g in d3.gold_with_notes}
    assert any(m.id == "p_YP1" and m.surface == "Yun" and m.excluded for m in d3.mentions)
    for doc_id in ("d9", "d11"):
        doc = document(volumes, "frus1961-63v06", doc_id)
        assert "p_KRF1" not in {g.id for g in doc.gold_with_notes}
    excluded = {(v.id, d.id, m.id, m.surface) for v in volumes.values() for d in v.documents
                for m in d.mentions if m.excluded}
    assert excluded == {(w.volume, w.document, w.corresp, w.surface) for w in KNOWN_WRONG_LINKS}


def test_senders_recipients_and_signers(volumes):
    d3 = document(volumes, "frus1961-63v06", "d3")
    assert d3.senders == ("Khrushchev, Nikita S.",) and d3.recipients == ("Kennedy, John F.",)
    assert d3.signers == ("N. Khrushchev", "L. Brezhnev")
    d1 = document(volumes, "frus1961-63v22", "d1")
    assert (d1.senders, d1.recipients) == (("Department of State",), ("Embassy in the Republic of China",))
    assert (d1.place, d1.date) == ("Washington", "1961-01-12T20:40:00")


def test_malformed_xml_is_a_value_error_naming_the_file(tmp_path):
    path = tmp_path / "broken.excerpt.xml"
    path.write_text("<TEI><text>", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.excerpt.xml"):
        parse_volume(path)


def hostile_tei(doctype: str, entity: str) -> str:
    return f"""<?xml version="1.0"?>{doctype}
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><front><div xml:id="persons"><list>
<item><persName xml:id="p_X1">X, {entity}</persName>, {entity}</item></list></div></front><body>
<div type="document" xml:id="d1"><head>1. {entity}</head><dateline><placeName>{entity}</placeName>,
<date when="1961-01-01">1961</date></dateline><p>{entity} <persName corresp="#p_X1">{entity}</persName></p>
<closer><signed><persName>{entity}</persName></signed></closer></div></body></text></TEI>"""


def test_external_entities_are_never_read(tmp_path):
    path = tmp_path / "xxe.excerpt.xml"
    path.write_text(hostile_tei('<!DOCTYPE TEI [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;"), "utf-8")
    secret = Path("/etc/passwd").read_text("utf-8").splitlines()[0] if Path("/etc/passwd").is_file() else "root:"
    try:
        output = repr(parse_volume(path))
    except ValueError as refused:
        output = str(refused)
    assert secret not in output and "root:" not in output


def test_entity_expansion_does_not_blow_up(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    path = tmp_path / "laughs.excerpt.xml"
    path.write_text(hostile_tei(f'<!DOCTYPE TEI [<!ENTITY l0 "lol">{lol}]>', "&l9;"), "utf-8")
    code = ("import sys; from pathlib import Path; from kg.evaluate.frus import parse_volume\n"
            "try: print(len(repr(parse_volume(Path(sys.argv[1])))))\n"
            "except ValueError: print('refused')")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=PROJECT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "refused" or int(done.stdout) < 100_000
