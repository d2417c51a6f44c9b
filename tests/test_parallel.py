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
