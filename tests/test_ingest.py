"""Ingest stage: decoding, layout detection by content, reader registry, corpus discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import EXAMPLES
from kg.ingest import READERS, discover, read_file, reader_for
from kg.ingest.text import decode
from kg.ingest.wilson import layout_of, sniff
from kg.ingest.text import lines_of
from kg.problems import InputError


def test_decoding_normalises_line_endings_and_bom_only():
    assert decode("x", "\ufeffA\r\nB\rC".encode("utf-8")) == "A\nB\nC"
    assert decode("x", "Chargé d’affaires".encode()) == "Chargé d’affaires"


@pytest.mark.parametrize(("data", "code", "line"), [
    (b"", "empty-file", 1), (b"  \n\n", "empty-file", 1), (b"ok\nok\n\x00\x01", "binary-file", 3),
    (b"line one\nM\xfcller\n", "not-utf8", 2), (b"\x01\x02\x03\x04 text", "binary-file", None),
])
def test_decoding_refuses_what_is_not_text(data, code, line):
    with pytest.raises(InputError) as error:
        decode("f.txt", data)
    assert (error.value.problem.code, error.value.problem.line) == (code, line)


def test_layouts_are_told_apart_by_content():
    found = {path.stem: layout_of(lines_of(path.read_text("utf-8"))) for path in EXAMPLES.glob("wilson-*.txt")}
    assert set(found.values()) == {"text-export", "page", "legacy-page"}
    assert all(sniff(path.read_text("utf-8")) > 0.5 for path in EXAMPLES.glob("wilson-*.txt"))
    assert sniff("Dear diary, nothing happened today.") == 0.0


def test_a_file_renamed_without_extension_is_still_read(tmp_path):
    path = tmp_path / "record"
    path.write_bytes((EXAMPLES / "wilson-900109.txt").read_bytes())
    [record] = read_file(path)
    assert record.layout == "text-export"


def test_forcing_an_unknown_format_lists_the_known_ones():
    with pytest.raises(ValueError, match="known formats: cmif, frus, jsonl, table, wilson, xlsx"):
        reader_for("fax")
    assert set(READERS) == {"cmif", "frus", "jsonl", "table", "wilson", "xlsx"}


def test_discovery_walks_folders_skips_bad_hidden_and_readmes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", "utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "two.txt").write_text("x", "utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "three.txt").write_text("x", "utf-8")
    (tmp_path / "README.md").write_text("x", "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    files, problems = discover([tmp_path, tmp_path / "bad" / "three.txt", Path("/nope")])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a/one.txt", "bad/three.txt"]
    assert [p.code for p in problems] == ["path-not-found"]
