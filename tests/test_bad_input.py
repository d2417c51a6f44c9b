"""Bad input is skipped with a problem naming the file, the line and the fix; the rest is exported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import BAD, EXAMPLES
from kg.pipeline import export
from kg.problems import CODES

CASES = {
    "empty.txt": ("empty-file", 1),
    "binary.txt": ("binary-file", 1),
    "latin1.txt": ("not-utf8", 4),
    "truncated.txt": ("truncated", 7),
    "no-date.txt": ("missing-date", 1),
    "no-title.txt": ("missing-title", 1),
    "not-a-document.txt": ("not-a-document", 1),
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    out = tmp_path_factory.mktemp("mixed")
    return export([BAD, EXAMPLES / "wilson-900103.txt"], out), out


def test_every_bad_file_has_a_case():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_skipped_with_code_line_and_fix(mixed, name):
    result, _ = mixed
    code, line = CASES[name]
    [problem] = [p for p in result.problems if Path(p.path).name == name]
    assert (problem.code, problem.line, problem.severity) == (code, line, "error")
    assert problem.message and problem.fix == CODES[code][1]


def test_the_good_document_is_still_exported(mixed):
    result, out = mixed
    assert result.summary.documents == 1 and result.summary.skipped == len(CASES)
    assert "doc:wilson-900103 a " in (out / "graph.ttl").read_text("utf-8")
    assert result.exit_code == 0


def test_report_lists_every_skipped_file_with_its_fix(mixed):
    _, out = mixed
    text = (out / "report.txt").read_text("utf-8")
    section = text.split("Skipped files")[1].split("Documents with something to check")[0]
    for name, (code, _) in CASES.items():
        assert f"bad/{name}" in section and f"[{code}]" in section
    assert section.count("How to fix:") == len(CASES)
    skipped = [d for d in json.loads((out / "report.json").read_text("utf-8"))["documents"] if not d["exported"]]
    assert sorted(Path(d["path"]).name for d in skipped) == sorted(CASES)
    assert all(d["problems"][0]["fix"] for d in skipped)


def test_strict_turns_problems_into_a_failing_exit_code(tmp_path):
    assert export([BAD, EXAMPLES / "wilson-900103.txt"], tmp_path, strict=True).exit_code == 1
    assert export([EXAMPLES / "wilson-900103.txt"], tmp_path, strict=True).exit_code == 0


def test_only_bad_input_is_an_input_error_and_writes_nothing(tmp_path):
    result = export([BAD], tmp_path / "out")
    assert result.exit_code == 2 and result.summary.documents == 0
    assert not (tmp_path / "out").exists()


def test_duplicate_record_is_skipped(tmp_path):
    copy = tmp_path / "copy-of-900103.txt"
    copy.write_bytes((EXAMPLES / "wilson-900103.txt").read_bytes())
    result = export([EXAMPLES / "wilson-900103.txt", copy], tmp_path / "out")
    [problem] = [p for p in result.problems if p.code == "duplicate-document"]
    assert result.summary.documents == 1 and "wilson-900103" in problem.message


def test_unparsable_header_date_is_reported_with_its_line(tmp_path):
    text = (EXAMPLES / "wilson-900103.txt").read_text("utf-8").replace("August 09, 1962\n", "Agust 09, 1962\n", 1)
    path = tmp_path / "wilson-900103.txt"
    path.write_text(text, "utf-8")
    result = export([path], tmp_path / "out")
    [problem] = [p for p in result.problems if p.code == "unparsed-date"]
    assert problem.line == 1 and result.summary.documents == 1  # the citation still gives the date


def test_an_unexpected_failure_skips_only_that_file(tmp_path, monkeypatch):
    from kg.pipeline import corpus

    real = corpus.extract_record

    def flaky(source, *args):
        if source.path.endswith("900103.txt"):
            raise RuntimeError("boom")
        return real(source, *args)

    monkeypatch.setattr(corpus, "extract_record", flaky)
    result = export([EXAMPLES / "wilson-900103.txt", EXAMPLES / "wilson-900108.txt"], tmp_path, jobs=1)
    [problem] = [p for p in result.problems if p.code == "internal-error"]
    assert problem.path.endswith("900103.txt") and "RuntimeError: boom" in problem.message
    assert result.summary.documents == 1 and result.exit_code == 0


def test_an_invalid_page_address_is_left_out_and_reported(tmp_path):
    text = (EXAMPLES / "wilson-900103.txt").read_text("utf-8")
    text = text.replace("https://digitalarchive.wilsoncenter.org/document/900103",
                        "https://digitalarchive.wilsoncenter.org/doc|ument/900103")
    path = tmp_path / "wilson-900103.txt"
    path.write_text(text, "utf-8")
    result = export([path], tmp_path / "out")
    assert [p.code for p in result.problems] == ["bad-url"]
    assert "<https://digitalarchive.wilsoncenter.org/doc|ument" not in (tmp_path / "out" / "graph.ttl").read_text("utf-8")
