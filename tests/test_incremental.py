"""Incremental export: only new and changed documents are redone, and the files are those of a full export."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import EXAMPLES
from kg.export import WRITERS
from kg.pipeline import export
from kg.pipeline.cache import FOLDER, Cache


def _files(out: Path) -> dict[str, bytes]:
    return {writer.filename: (out / writer.filename).read_bytes() for writer in WRITERS.values()}


def _differing(first: Path, second: Path) -> list[str]:
    one, two = _files(first), _files(second)
    return [name for name in one if one[name] != two[name]]


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("wilson-*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def test_first_incremental_run_equals_a_plain_export(docs, tmp_path):
    plain = export([docs], tmp_path / "plain", jobs=1)
    first = export([docs], tmp_path / "inc", incremental=True, jobs=2)
    files = len(list(docs.iterdir()))
    assert first.redone == (files, plain.summary.documents) and plain.redone == (files, plain.summary.documents)
    assert _differing(tmp_path / "plain", tmp_path / "inc") == []
    assert (tmp_path / "inc" / FOLDER / "cache.sqlite").is_file() and not (tmp_path / "plain" / FOLDER).exists()


def test_an_unchanged_corpus_redoes_nothing(docs, tmp_path):
    out = tmp_path / "inc"
    export([docs], out, incremental=True, jobs=1)
    before = _files(out)
    again = export([docs], out, incremental=True, jobs=1)
    assert again.redone == (0, 0) and _files(out) == before


def test_changed_added_and_deleted_documents(docs, tmp_path):
    out = tmp_path / "inc"
    export([docs], out, incremental=True, jobs=1)
    changed = docs / "wilson-900103.txt"
    changed.write_text(changed.read_text("utf-8").replace("No. 42", "No. 43"), "utf-8")
    added = (EXAMPLES / "wilson-900105.txt").read_text("utf-8").replace("900105", "900199")
    (docs / "wilson-900199.txt").write_text(added, "utf-8")
    (docs / "wilson-900110.txt").unlink()
    result = export([docs], out, incremental=True, jobs=2)
    assert result.redone[0] == 2 and 2 <= result.redone[1] < result.summary.documents
    full = export([docs], tmp_path / "full", jobs=1)
    assert _differing(out, tmp_path / "full") == []
    nquads = (out / "graph.nq").read_text("utf-8")
    assert "doc/wilson-900199" in nquads and "doc/wilson-900110>" not in nquads
    assert result.summary == full.summary
    with Cache(out) as cache:
        manifest = cache.manifest()
    assert str(docs / "wilson-900199.txt") in manifest and str(docs / "wilson-900110.txt") not in manifest


def test_a_document_whose_actors_change_elsewhere_is_redone(docs, tmp_path):
    """Reconciliation is corpus-wide: removing a document can change another's labels, which must be redone."""
    out = tmp_path / "inc"
    export([docs], out, incremental=True, jobs=1)
    for path in sorted(docs.iterdir())[:5]:
        path.unlink()
    result = export([docs], out, incremental=True, jobs=1)
    assert result.redone[0] == 0
    export([docs], tmp_path / "full", jobs=1)
    assert _differing(out, tmp_path / "full") == []
