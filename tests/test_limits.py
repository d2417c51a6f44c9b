"""Resource limits: an oversized file, links that loop, a named pipe and thousands of tiny files are each
reported with a code and the rest of the corpus is exported; nothing blocks. (The full-size runs, a 50 MB
document and 100,000 tiny files with their time and memory, are ``python bench/limits_bench.py``.)"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from corpus import EXAMPLES
from kg.cli import main
from kg.pipeline import export
from kg.pipeline.limits import ReadOptions


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("bad", "README.md"))
    return folder


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    folder = _corpus(tmp_path)
    big = folder / "wilson-999999.txt"
    big.write_bytes((EXAMPLES / "wilson-900101.txt").read_bytes() + b"\nThe ministry agreed.\n" * 200_000)
    result = export([folder], tmp_path / "out", jobs=1, reading=ReadOptions(max_bytes=1_000_000))
    codes = {p.path: p.code for p in result.problems}
    assert codes[str(big)] == "file-too-large" and result.summary.documents == 20
    assert main(["export", str(big), "--out", str(tmp_path / "cli"), "--max-file-size", "0.5", "-q"]) == 2


def test_links_that_loop_and_pipes_are_reported_not_read(tmp_path):
    folder = _corpus(tmp_path)
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    os.symlink(folder, folder / "self")  # a folder loop: not followed
    os.mkfifo(folder / "pipe.txt")  # reading it would block for ever
    result = export([folder, folder / "pipe.txt"], tmp_path / "out", jobs=1)
    codes = sorted((Path(p.path).name, p.code) for p in result.problems if p.severity == "error")
    assert codes == [("dangling.txt", "symlink-loop"), ("loop-a.txt", "symlink-loop"),
                     ("loop-b.txt", "symlink-loop"), ("pipe.txt", "not-a-regular-file"),
                     ("pipe.txt", "not-a-regular-file")]
    assert result.summary.documents == 20 and result.exit_code == 0


def test_thousands_of_tiny_files_are_each_reported(tmp_path):
    folder = _corpus(tmp_path)
    tiny = folder / "tiny"
    tiny.mkdir()
    for number in range(2_000):
        (tiny / f"note-{number:05d}.txt").write_text(f"note {number}\n", encoding="utf-8")
    result = export([folder], tmp_path / "out", jobs=2)
    assert result.summary.documents == 20
    assert sum(1 for p in result.problems if p.code == "not-a-document") == 2_000
    report = (tmp_path / "out" / "report.txt").read_text("utf-8")
    assert "note-01999.txt" in report


def test_a_long_record_dense_with_names_is_exported_not_stopped(tmp_path):
    """A regression: extraction was quadratic in the mentions (400 KB of names took 27 s; 3.5 s now), so a
    long record could trip the time limit. Generous limit: this guards the growth, not a speed."""
    folder = tmp_path / "in"
    folder.mkdir()
    paragraph = "\n\nComrade Zhou Enlai met Ambassador Chervonenko in Beijing on 25 April 1962 about the border."
    record = (EXAMPLES / "wilson-900101.txt").read_text("utf-8") + paragraph * (400_000 // len(paragraph))
    (folder / "wilson-999998.txt").write_text(record, encoding="utf-8")
    result = export([folder], tmp_path / "out", jobs=1, reading=ReadOptions(time_limit=60))
    assert result.summary.documents == 1 and "time-limit" not in {p.code for p in result.problems}
