"""Where the per-document work runs: in this process, or in a pool of local worker processes.

An engine maps a picklable function over work items and yields the results
*in the order of the items*, whatever order the workers finish in, so the
output of a parallel run is the same bytes as a single-process one. At most a
few items per worker are in flight at once, so memory stays bounded however
long the input is. :data:`ENGINES` is the registry (``kg export --engine``).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Items submitted per worker before the first result is awaited.
IN_FLIGHT = 2


class EngineError(RuntimeError):
    """An engine could not start: a missing optional dependency, an unreachable scheduler."""


class Engine(Protocol):
    """What the pipeline needs from an engine: an ordered map, and a context that starts and stops it."""

    jobs: int

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class SerialEngine:
    """Everything in this process, one item after the other.

    >>> with SerialEngine() as engine:
    ...     list(engine.map(abs, [-2, 1]))
    [2, 1]
    """

    jobs = 1

    def __enter__(self) -> SerialEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(function, items)


class LocalEngine:
    """A pool of worker processes on this machine (``jobs`` of them, default: every core).

    >>> with LocalEngine(2) as engine:
    ...     list(engine.map(abs, [-3, -2, -1]))
    [3, 2, 1]
    """

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or available_cores())
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=kind is None, cancel_futures=True)
            self._pool = None

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``function`` over ``items``; a single item runs here, without starting the pool."""
        iterator = iter(items)
        head = list(itertools.islice(iterator, 2))
        if len(head) < 2:
            yield from map(function, head)
            return
        pool = self._start()
        yield from ordered(lambda item: pool.submit(function, item), itertools.chain(head, iterator), self.jobs)

    def _start(self) -> ProcessPoolExecutor:
        """The pool, started on first use. Workers are forked where the platform can (they inherit the
        loaded gazetteer and shapes, and a script calling :func:`~kg.pipeline.export` needs no
        ``if __name__ == "__main__"`` guard), spawned elsewhere; each exits when this process is gone,
        even if it was killed without a chance to stop them."""
        if self._pool is None:
            context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=watch_parent,
                                             initargs=(os.getpid(),))
        return self._pool


def ordered(submit: Callable[[T], Any], items: Iterable[T], jobs: int) -> Iterator[Any]:
    """The results of ``submit(item)`` futures in the order of ``items``, at most ``IN_FLIGHT`` per job pending.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     list(ordered(lambda x: pool.submit(abs, x), [-1, -2, -3], 1))
    [1, 2, 3]
    """
    pending: deque[Any] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= jobs * IN_FLIGHT:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def watch_parent(parent: int, interval: float = 1.0) -> None:
    """In a worker: exit as soon as ``parent`` (the exporting process) is no longer this process's parent.

    >>> watch_parent(os.getppid())  # returns at once; a daemon thread keeps watching
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="kg-watch-parent", daemon=True).start()


def available_cores() -> int:
    """The cores this process may use (the scheduler's affinity, not the machine's total).

    >>> available_cores() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover -- not Linux
        return os.cpu_count() or 1


def local_engine(jobs: int | None = None) -> Engine:
    """The engine for ``jobs`` local processes: in-process for one, a pool for more.

    >>> type(local_engine(1)).__name__
    'SerialEngine'
    """
    count = jobs or available_cores()
    return SerialEngine() if count <= 1 else LocalEngine(count)


def dask_engine(jobs: int | None, scheduler: str | None) -> Engine:
    """The Dask engine (imported only when asked for: Dask is an optional dependency)."""
    from kg.pipeline.cluster import DaskEngine

    return DaskEngine(jobs, scheduler)


#: Engines by name (``kg export --engine NAME``); each takes the job count and a scheduler address.
ENGINES: dict[str, Callable[[int | None, str | None], Engine]] = {
    "local": lambda jobs, scheduler: local_engine(jobs),
    "dask": dask_engine,
}
