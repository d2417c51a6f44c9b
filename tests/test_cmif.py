"""CMIF in and out: the reader takes the published files as they are, authority ids give identity across
files, every letter survives the round trip CMIF -> kg -> CMIF, and what kg writes passes the format's
RELAX NG schema under Debian's jing with no error.

The four files in ../shared/data/cmif/ are by the Saxon Academy of Sciences in Leipzig (Spener, CC BY 4.0),
arthur-schnitzler/schnitzler-cmif (Bahr-Schnitzler, CC BY 4.0; Zweig-Bahr-Schnitzler, CC0) and the TEI
Correspondence SIG (example01, CC BY 4.0 / BSD-2-Clause).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from kg.evaluate.score import fold
from kg.ingest import read_file
from kg.pipeline import export
from kg.reconcile.identifiers import recognise
from tests.corpus import EXAMPLES, seed_path

CMIF = Path(__file__).resolve().parents[2] / "shared" / "data" / "cmif"
SCHEMA = CMIF / "schema" / "cmi-customization.rng"
FILES = sorted(CMIF.glob("*.xml"))
LETTERS = {"1987_Zweig-Bahr-Schnitzler": 281, "2018_Bahr_Schnitzler": 697, "example01_basic": 3,
           "spener-letters": 2435}
BASE = "https://data.example.org/kg/"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
JING = shutil.which("jing")
needs_jing = pytest.mark.skipif(JING is None, reason="no jing: make test installs Debian's as root")
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def test_every_letter_is_a_record():
    assert {path.name.split(".")[0]: len(read_file(path)) for path in FILES} == LETTERS


def test_a_letter_carries_names_ids_places_and_dates():
    first, _, third = read_file(CMIF / "example01_basic.xml")
    given = first.given
    assert [(a.name, a.ids) for a in given.senders] == [("Johann Gänsbacher", ("http://d-nb.info/gnd/118814044",))]
    assert given.senders[0].forms == ("Gänsbacher, Johann",)
    assert given.date == "[1810-07-11..1810-07-18]" and given.received == "1810-07-18"
    assert [(p.name, p.ids) for p in given.destinations] == [("Mannheim", ("http://www.geonames.org/2873891",))]
    assert first.title.value == "Letter from Johann Gänsbacher to Carl Maria von Weber, [1810-07-11..1810-07-18]"
    assert given.same_as == ("http://www.weber-gesamtausgabe.de/A044980",) and given.kind == "Letter"
    assert [(a.name, a.ids) for a in third.given.recipients] == [("E. Pastenaci", ())]


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    out = tmp_path_factory.mktemp("cmif") / "out"
    result = export([CMIF], out, jobs=1, licence=CC_BY)
    return result, out


def test_the_four_files_export_and_conform(letters):
    result, out = letters
    assert result.exit_code == 0 and result.summary.documents == sum(LETTERS.values())
    assert result.summary.warnings == 0 and not result.problems
    ttl = (out / "graph.ttl").read_text("utf-8")
    assert '"[1810-07-11..1810-07-18]"^^<http://id.loc.gov/datatypes/edtf/EDTF>' in ttl
    assert "dip:receivedDate" in ttl
    assert f"dcterms:license <{CC_BY}>" in (out / "void.ttl").read_text("utf-8")


def test_one_authority_id_is_one_node_across_files(letters):
    _, out = letters
    files: dict[str, set[str]] = {}
    for line in (out / "graph.nq").read_text("utf-8").splitlines():
        subject, predicate, actor = line.split(" ")[:3]
        if predicate.endswith(("#sender>", "#recipient>")):
            files.setdefault(actor.strip("<>"), set()).add(subject.split("/doc/cmif-")[1].split("-")[0])
    assert files[f"{BASE}person/gnd-118609807"] == {"2018", "1987"}  # Arthur Schnitzler in both files
    assert f"{BASE}person/arthur-schnitzler" not in files


def _agents(action: etree._Element | None, names: str) -> list[tuple[str | None, str]]:
    """(recognised authority id, folded name) of each name of one kind in an action; empty names skipped."""
    found = []
    for el in action.xpath(names, namespaces=NS) if action is not None else ():
        text = " ".join("".join(el.itertext()).split())
        surname, comma, given = text.partition(",")
        text = f"{given.strip()} {surname.strip()}" if comma and given.strip() and "," not in given else text
        ids = sorted(r.iri for r in map(recognise, (el.get("ref") or "").split()) if r)
        if ids or text:
            found.append((ids[0] if ids else None, fold(text)))
    return found


def _date(action: etree._Element | None) -> dict[str, str]:
    date = action.find("t:date", NS) if action is not None else None
    keep = ("when", "notBefore", "notAfter", "from", "to")
    return {k: v.strip() for k, v in date.attrib.items() if k in keep} if date is not None else {}


def _letters(path: Path) -> list[tuple[etree._Element, dict[str, object]]]:
    found = []
    for letter in etree.parse(str(path)).getroot().xpath("//t:correspDesc", namespaces=NS):
        sent, received = (letter.find(f"t:correspAction[@type='{t}']", NS) for t in ("sent", "received"))
        found.append((letter, {
            "senders": _agents(sent, "t:persName | t:orgName"), "addressees": _agents(received, "t:persName | t:orgName"),
            "from": _agents(sent, "t:placeName"), "to": _agents(received, "t:placeName"),
            "sent": _date(sent), "received": _date(received),
        }))
    return found


def _kept(original: list[tuple[str | None, str]], written: list[tuple[str | None, str]]) -> bool:
    """Every name is written back: by its authority id when it had one, else by its name."""
    ids = {i for i, _ in written}
    names = {n for _, n in written}
    return len(written) == len(original) and all((i in ids) if i else (n in names) for i, n in original)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_round_trip_keeps_every_letter(letters, path):
    _, out = letters
    written = {letter.get("key"): fields for letter, fields in _letters(out / "letters.cmif.xml")}
    stem = re.sub(r"[^a-z0-9]+", "-", path.name.split(".")[0].lower()).strip("-")
    seen: set[str] = set()
    for index, (letter, fields) in enumerate(_letters(path), 1):
        key = letter.get("{http://www.w3.org/XML/1998/namespace}id") or letter.get("key") or str(index)
        key = key if key not in seen else f"{key}-{index}"
        seen.add(key)
        back = written[f"cmif-{stem}-{key}"]
        for side in ("senders", "addressees", "from", "to"):
            assert _kept(fields[side], back[side]), (key, side, fields[side], back[side])
        assert back["sent"] == fields["sent"] and back["received"] == fields["received"], key


@needs_jing
@pytest.mark.parametrize("licence", [CC_BY, None], ids=["licensed", "no-licence"])
def test_written_cmif_passes_the_schema_with_jing(tmp_path, licence):
    """The CMIF files (all four, or the reference example) with the Wilson Center examples, whose cables lack
    some addressees and places; the published files themselves do not pass."""
    out = tmp_path / "out"
    export([CMIF if licence else CMIF / "example01_basic.xml", EXAMPLES, seed_path()], out, jobs=1, licence=licence)
    run = subprocess.run([JING, str(SCHEMA), str(out / "letters.cmif.xml")], capture_output=True, text=True)
    errors = [line for line in run.stdout.splitlines() + run.stderr.splitlines() if "error:" in line]
    assert run.returncode == 0 and errors == [], errors[:5]


@needs_jing
def test_jing_does_report_errors():
    """The check can fail: the reference example itself breaks the schema once (a cert value)."""
    run = subprocess.run([JING, str(SCHEMA), str(CMIF / "example01_basic.xml")], capture_output=True, text=True)
    assert run.returncode != 0 and "cert" in run.stdout


def test_schematron_rules_hold(letters):
    """The rules of cmif.sch that jing cannot check: both actions, a known bibl, a dating attribute."""
    _, out = letters
    root = etree.parse(str(out / "letters.cmif.xml")).getroot()
    bibls = {b.get("{http://www.w3.org/XML/1998/namespace}id") for b in root.iterfind(".//t:bibl", NS)}
    for letter in root.iterfind(".//t:correspDesc", NS):
        assert letter.find("t:correspAction[@type='sent']", NS) is not None
        assert letter.find("t:correspAction[@type='received']", NS) is not None
        assert letter.get("source", "").lstrip("#") in bibls
    for date in root.iterfind(".//t:date", NS):
        assert set(date.attrib) & {"when", "from", "to", "notBefore", "notAfter"}
