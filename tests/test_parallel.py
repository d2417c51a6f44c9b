"""Parallel and batched runs write exactly the bytes of a plain single-process run."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import EXAMPLES, seed_path
from kg.export import WRITERS
from kg.pipeline import export
from kg.pipeline.engine import ENGINES, LocalEngine, SerialEngine, local_engine


def _files(out: Path) -> dict[str, bytes]:
    return {writer.filename: (out / writer.filename).read_bytes() for writer in WRITERS.values()}


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("single")
    result = export([EXAMPLES, seed_path()], out, jobs=1)
    assert result.exit_code == 0
    return _files(out)


@pytest.mark.parametrize(("jobs", "batch_size"), [(2, 200), (2, 3), (3, 1), (1, 7)])
def test_parallel_and_batched_runs_give_the_same_bytes(single, tmp_path, jobs, batch_size):
    result = export([seed_path(), EXAMPLES], tmp_path, jobs=jobs, batch_size=batch_size)
    assert result.exit_code == 0
    files = _files(tmp_path)
    assert [name for name in single if files[name] != single[name]] == []


def test_the_default_engine_uses_every_core():
    engine = local_engine()
    assert isinstance(engine, (LocalEngine, SerialEngine)) and engine.jobs >= 1
    assert "local" in ENGINES


def test_results_come_back_in_order_whatever_finishes_first():
    with LocalEngine(2) as engine:
        assert list(engine.map(_slow_identity, [0.3, 0.0, 0.2, 0.0, 0.1])) == [0.3, 0.0, 0.2, 0.0, 0.1]


def test_an_error_in_a_worker_reaches_the_caller():
    with LocalEngine(2) as engine, pytest.raises(ZeroDivisionError):
        list(engine.map(_invert, [1, 0, 2]))


def _slow_identity(seconds: float) -> float:
    import time

    time.sleep(seconds)
    return seconds


def _invert(value: int) -> float:
    return 1 / value


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/status").read_text().find("State:\tZ") < 0
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_workers_exit_when_the_export_is_killed(tmp_path):
    """A SIGKILLed export cannot stop its pool; the workers notice and exit on their own."""
    import signal
    import subprocess
    import sys
    import time

    script = ("import sys; from pathlib import Path; from kg.pipeline import export; "
              "export([Path(sys.argv[1])] * 1, Path(sys.argv[2]), jobs=2, batch_size=1)")
    child = subprocess.Popen([sys.executable, "-c", script, str(EXAMPLES), str(tmp_path / "out")])
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and child.poll() is None:
        workers = _children(child.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the export finished or failed before its pool started"
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def test_every_reader_gives_the_same_bytes_in_parallel_batched_and_incremental_runs(tmp_path):
    """FRUS volumes and CMIF files hold many records each; a catalogue table too: the bytes still agree."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "data"
    table = tmp_path / "in" / "catalogue.csv"
    table.parent.mkdir()
    table.write_text("Title,Date,From,To\nCable on the border,1962-04-25,Ministry of Foreign Affairs,Xinjiang Office\n"
                     "Letter to the ambassador,\"May 2, 1962\",Chen Yi,S. V. Chervonenko\n", encoding="utf-8")
    paths = [EXAMPLES, shared / "frus" / "frus1961-63v06.excerpt.xml", shared / "cmif" / "example01_basic.xml",
             table.parent]
    runs = {"single": {"jobs": 1}, "parallel": {"jobs": 2, "batch_size": 7}, "incremental": {"incremental": True}}
    found = {}
    for name, options in runs.items():
        out = tmp_path / name
        assert export(paths, out, **options).exit_code == 0
        if name == "incremental":
            assert export(paths, out, **options).redone == (0, 0)
        found[name] = _files(out)
    for name in ("parallel", "incremental"):
        assert [f for f in found["single"] if found[name][f] != found["single"][f]] == [], name
