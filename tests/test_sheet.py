"""Metadata spreadsheets (CSV, TSV, JSON lines, XLSX): columns found by header or mapping, rows as records,
bad rows and bad files reported with their line, and a catalogue's people joined to the rest of the graph."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from kg.cli import main
from kg.extract.record import extract_record
from kg.ingest import read_file, sheet
from kg.ingest.mapping import Mapping, load_mapping
from kg.pipeline import export
from kg.problems import InputError

CMIF = Path(__file__).resolve().parents[2] / "shared" / "data" / "cmif"
BASE = "https://data.example.org/kg/"
CSV = """ID,Title,Date,From,To,Place,Destination,Not before,Not after,Summary,Subjects
A-1,Telegram on border crossings,1962-04-25,Ministry of Foreign Affairs,Xinjiang Office,Beijing,Urumqi,,,\
The ministry instructs the office.,Border; Xinjiang
A-2,Letter to the Soviet ambassador,"May 2, 1962",Chen Yi; Zhang Hanfu,S. V. Chervonenko,,,,,,
A-3,Note on a meeting,,Zhou Enlai,,,,1962-06,1962-07,,
A-4,Undated note,,Zhou Enlai,,,,,,,
"""


def records(tmp_path: Path, name: str, content: str, mapping: Mapping = Mapping()):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return [extract_record(source) for source in read_file(path, mapping=mapping)]


def test_csv_rows_become_records_with_their_lines(tmp_path):
    found = records(tmp_path, "catalogue.csv", CSV)
    first, second, third, fourth = found
    doc = first.record
    assert (doc.key, doc.title, doc.date.iso, doc.kind) == ("sheet-catalogue-A-1", "Telegram on border crossings",
                                                            "1962-04-25", "Telegram")
    assert [(a.name, a.kind) for a in doc.routing.senders] == [("Ministry of Foreign Affairs", "organization")]
    assert [a.name for a in doc.routing.origins] == ["Beijing"] and doc.subjects == ("Border", "Xinjiang")
    assert [a.name for a in second.record.routing.senders] == ["Chen Yi", "Zhang Hanfu"]
    assert second.record.date.printed == "May 2, 1962" and second.record.kind == "Letter"
    assert third.record.date.iso == "[1962-06..1962-07]"
    assert fourth.record is None and [(p.code, p.line) for p in fourth.problems] == [("missing-date", 5)]


def test_tsv_and_json_lines(tmp_path):
    tsv = CSV.replace(",", "\t").replace('"May 2\t 1962"', "May 2, 1962")
    assert [r.record.key for r in records(tmp_path, "c.tsv", tsv) if r.record][:2] == ["sheet-c-A-1", "sheet-c-A-2"]
    line = json.dumps({"id": 7, "title": "Cable on the border", "date": "1962-04", "from": "Ministry of Foreign "
                       "Affairs", "to": ["Xinjiang Office", "Yining Office"]})
    [found] = records(tmp_path, "c.jsonl", line + "\n")
    assert found.record.date.precision == "month"
    assert [a.name for a in found.record.routing.recipients] == ["Xinjiang Office", "Yining Office"]
    with pytest.raises(InputError) as caught:
        records(tmp_path, "bad.jsonl", line + "\n{not json\n")
    assert (caught.value.problem.code, caught.value.problem.line) == ("not-a-document", 2)


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


MAPPING = """[columns]
title = "Dokument"
date = "Datum"
senders = "Absender"
sender_ids = "GND Absender"
recipients = "Empfänger"

[options]
kind = "Letter"
collection = "Nachlass Schnitzler, Findbuch"
"""


def test_xlsx_with_a_mapping_file_joins_the_cmif_person(tmp_path):
    import datetime

    folder = tmp_path / "in"
    folder.mkdir()
    workbook(folder / "findbuch.xlsx", [["Dokument", "Datum", "Absender", "GND Absender", "Empfänger"],
                                        ["Brief an Bahr", datetime.date(1909, 12, 14), "Schnitzler, Arthur",
                                         "http://d-nb.info/gnd/118609807", "Hermann Bahr"]])
    (tmp_path / "mapping.toml").write_text(MAPPING, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["export", str(folder), str(CMIF / "1987_Zweig-Bahr-Schnitzler.xml"), "--out", str(out),
                 "--mapping", str(tmp_path / "mapping.toml"), "-q", "-j", "1"])
    assert code == 0
    ttl = (out / "graph.ttl").read_text("utf-8")
    assert "doc:sheet-findbuch-2 a dip:Document , dip:Letter ;" in ttl
    block = ttl.split("doc:sheet-findbuch-2 a", 1)[1].split(" .\n", 1)[0]
    assert "dip:sender person:gnd-118609807" in block and "collection:nachlass-schnitzler-findbuch" in block


def test_column_options_on_the_command_line(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Heading,When,Writer\nCable,1962-04-25,Ministry of Foreign Affairs\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", str(path), "--out", str(out), "-q", "-j", "1", "--format", "table",
                 "--column", "title=Heading", "--column", "date=When", "--column", "senders=Writer"]) == 0
    assert "organization:ministry-of-foreign-affairs" in (out / "graph.ttl").read_text("utf-8")
    assert main(["export", str(path), "--out", str(out), "--column", "sender=Writer"]) == 2
    assert main(["export", str(path), "--out", str(out), "--column", "senders"]) == 2


@pytest.mark.parametrize("text, message", [
    ("[columns]\nsendr = 'A'\n", "unknown field 'sendr'"),
    ("[colums]\n", "unknown keys colums"),
    ("[columns\n", "not a readable TOML mapping file"),
])
def test_bad_mapping_files_name_the_file_and_the_fault(tmp_path, text, message):
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        load_mapping(path)
    assert str(path) in str(caught.value)


def test_broken_and_oversized_workbooks_are_refused(tmp_path, monkeypatch):
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 this is no zip")
    with pytest.raises(InputError, match="not a readable XLSX"):
        read_file(fake)
    big = workbook(tmp_path / "big.xlsx", [["Title", "Date"], ["Cable", "1962-04-25"]])
    monkeypatch.setattr(sheet, "MAX_UNPACKED", 1000)
    with pytest.raises(InputError, match="unpacks to"):
        read_file(big)


def test_a_workbook_hiding_an_entity_bomb_is_not_expanded(tmp_path):
    """openpyxl parses through defusedxml, so a sheet declaring entities fails to load instead of expanding."""
    good = workbook(tmp_path / "good.xlsx", [["Title", "Date"], ["Cable", "1962-04-25"]])
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + data
            target.writestr(item, data)
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="not a readable XLSX"):
        read_file(bomb)


def test_table_is_chosen_by_content(tmp_path):
    path = tmp_path / "catalogue.txt"
    path.write_text(CSV, encoding="utf-8")
    assert {r.source for r in read_file(path)} == {"sheet"}
    result = export([tmp_path], tmp_path / "out", jobs=1)  # a folder walk finds the .txt, its content picks the reader
    assert result.exit_code == 0 and result.summary.documents == 3


def test_addresses_and_ids_that_are_no_web_iris_are_left_out(tmp_path):
    """A regression: a spreadsheet's URL or authority-id cell was written as an IRI whatever it held."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.csv").write_text("Title,Date,From,Sender id,URL\nCable,1962-04-25,Chen Yi,http://not an iri/x,"
                                    "http://bad url/ x\n", encoding="utf-8")
    result = export([folder], tmp_path / "out", jobs=1)
    assert result.exit_code == 0 and [p.code for p in result.problems] == ["bad-url"]
    nquads = (tmp_path / "out" / "graph.nq").read_text("utf-8")
    assert "not an iri" not in nquads and "bad url" not in nquads
