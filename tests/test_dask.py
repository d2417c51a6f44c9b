"""The Dask engine: a LocalCluster, and a real scheduler with two workers started here, write a local run's bytes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import EXAMPLES, seed_path
from kg.cli import main
from kg.export import WRITERS
from kg.pipeline import export

pytest.importorskip("distributed", reason='the dask extra is installed by make test (pip install ".[dask]")')
DASK = Path(sys.executable).parent / "dask"


def _files(out: Path) -> dict[str, bytes]:
    return {writer.filename: (out / writer.filename).read_bytes() for writer in WRITERS.values()}


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("local")
    assert export([EXAMPLES, seed_path()], out, jobs=1).exit_code == 0
    return _files(out)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_workers(address: str, count: int, seconds: float = 60.0) -> None:
    from distributed import Client

    with Client(address, timeout=seconds) as client:
        client.wait_for_workers(count, timeout=seconds)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1, stopped afterwards."""
    port, logs = _free_port(), tmp_path_factory.mktemp("dask-logs")
    address = f"tcp://127.0.0.1:{port}"
    commands = [[str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]] + [
        [str(DASK), "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
         "--name", f"kg-test-{n}", "--local-directory", str(logs / f"w{n}")] for n in (1, 2)]
    processes, handles = [], []
    try:
        for n, command in enumerate(commands):
            handles.append(open(logs / f"{n}.log", "wb"))
            processes.append(subprocess.Popen(command, stdout=handles[-1], stderr=subprocess.STDOUT))
            if n == 0:
                time.sleep(1.0)
        _wait_for_workers(address, 2)
        yield address
    except Exception:
        for log in sorted(logs.glob("*.log")):
            print(log.name, log.read_text("utf-8", "replace")[-3000:])
        raise
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for handle in handles:
            handle.close()


def test_a_local_dask_cluster_writes_the_bytes_of_a_local_run(local_run, tmp_path):
    result = export([EXAMPLES, seed_path()], tmp_path, engine="dask", jobs=2)
    assert result.exit_code == 0
    files = _files(tmp_path)
    assert [name for name in local_run if files[name] != local_run[name]] == []


def test_a_real_scheduler_and_two_workers_write_the_bytes_of_a_local_run(local_run, scheduler, tmp_path, capsys):
    code = main(["export", str(EXAMPLES), str(seed_path()), "--out", str(tmp_path), "--engine", "dask",
                 "--scheduler", scheduler, "--batch-size", "4", "-q"])
    assert code == 0, capsys.readouterr()
    files = _files(tmp_path)
    assert [name for name in local_run if files[name] != local_run[name]] == []


def test_an_unreachable_scheduler_is_a_clear_input_error(tmp_path, capsys):
    address = f"tcp://127.0.0.1:{_free_port()}"
    code = main(["export", str(EXAMPLES / "wilson-900103.txt"), "--out", str(tmp_path), "--engine", "dask",
                 "--scheduler", address])
    err = capsys.readouterr().err
    assert code == 2 and "could not reach the Dask scheduler" in err and address in err
