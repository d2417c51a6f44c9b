"""Interrupted and repeated runs: an export killed at any point leaves the previous export whole (or the new
one, if it had committed), the next run completes; the bytes do not depend on PYTHONHASHSEED or on the
order the files are listed in; an incremental run after one change rewrites only that document's graph."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from corpus import EXAMPLES, seed_path
from kg.export import WRITERS
from kg.export.atomic import JOURNAL, remove_stale
from kg.pipeline import export

PROJECT = Path(__file__).resolve().parents[1]
OTHER_BASE = "https://archive.example.edu/kg/"


def _files(out: Path) -> dict[str, bytes]:
    return {w.filename: (out / w.filename).read_bytes() for w in WRITERS.values() if (out / w.filename).exists()}


def _kg(*args: str, seed: str = "0") -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "KG_NO_PROGRESS": "1"}
    code = "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=PROJECT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_a_commit_cut_short_is_finished_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    staging = out / ".kg-staging-dead"
    staging.mkdir()
    (staging / ".owner").write_text("999999999", "ascii")  # no such process: the run was killed
    (staging / JOURNAL).write_text("a.ttl\nb.ttl\nc.ttl\n", "utf-8")
    (out / "a.ttl").write_bytes(b"new a")  # moved before the kill
    for name in ("b.ttl", "c.ttl"):
        (out / name).write_bytes(b"old")
        (staging / name).write_bytes(b"new " + name[:1].encode())
    assert remove_stale(out) == [staging]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {"a.ttl": b"new a", "b.ttl": b"new b",
                                                               "c.ttl": b"new c"}


def test_killed_at_random_points_the_export_is_old_or_new_and_never_mixed(tmp_path):
    old_out, new_out, out = tmp_path / "old", tmp_path / "new", tmp_path / "out"
    export([EXAMPLES, seed_path()], old_out, jobs=1)
    export([EXAMPLES, seed_path()], new_out, jobs=1, base=OTHER_BASE)
    old, new = _files(old_out), _files(new_out)
    assert old.keys() == new.keys() and all(old[name] != new[name] for name in ("graph.ttl", "graph.nq"))
    start = time.perf_counter()
    run = _kg("export", str(EXAMPLES), str(seed_path()), "--out", str(tmp_path / "timing"), "-q")
    assert run.wait(120) == 0
    duration = time.perf_counter() - start
    shuffle = random.Random(2026)
    delays = sorted(shuffle.uniform(0.05, duration * 1.1) for _ in range(6))
    outcomes = []
    for number, delay in enumerate(delays):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(old_out, out)
        kill = signal.SIGTERM if number % 3 == 2 else signal.SIGKILL
        run = _kg("export", str(EXAMPLES), str(seed_path()), "--out", str(out), "--base", OTHER_BASE, "-q")
        time.sleep(delay)
        run.send_signal(kill)
        run.wait(60)
        files = _files(out)
        assert files in (old, new), f"mixed or broken export after {kill.name} at {delay:.2f} s"
        outcomes.append("old" if files == old else "new")
        if kill == signal.SIGTERM:  # a clean exit removes its own staging folder
            assert not list(out.glob(".kg-staging-*"))
        rerun = _kg("export", str(EXAMPLES), str(seed_path()), "--out", str(out), "--base", OTHER_BASE, "-q")
        assert rerun.wait(120) == 0 and _files(out) == new
        assert not list(out.glob(".kg-staging-*")), "the re-run removes what the killed run left"
    assert "old" in outcomes  # the early kills did interrupt a run


def test_bytes_do_not_depend_on_hash_seed_or_file_order(tmp_path):
    files = sorted(EXAMPLES.glob("*.txt"))
    runs = {
        "seed-1": _kg("export", str(EXAMPLES), str(seed_path()), "--out", str(tmp_path / "a"), "-q", "-j", "1",
                      seed="1"),
        "seed-2": _kg("export", str(seed_path()), *map(str, reversed(files)), "--out", str(tmp_path / "b"), "-q",
                      seed="2"),
    }
    assert all(run.wait(180) == 0 for run in runs.values())
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert [name for name in first if first[name] != second[name]] == []


def test_incremental_after_one_change_rewrites_only_that_documents_graph(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLES, docs)
    out = tmp_path / "out"
    export([docs], out, jobs=1, incremental=True)
    before = set((out / "graph.nq").read_text("utf-8").splitlines())
    changed = docs / "wilson-900101.txt"
    changed.write_text(changed.read_text("utf-8").replace("Summary:\n\n", "Summary:\n\nRevised. ", 1), "utf-8")
    result = export([docs], out, jobs=1, incremental=True)
    assert result.redone == (1, 1)
    after = set((out / "graph.nq").read_text("utf-8").splitlines())
    touched = {line.rsplit(" ", 2)[-2] for line in before ^ after}
    assert touched == {"<https://data.example.org/kg/graph/doc/wilson-900101>"}
