"""The Dask engine: the per-document work on a Dask cluster (``kg export --engine dask``).

The export is a map-reduce: reading and interpreting files is a map over
chunks of files; reconciling actors is the reduce step, run on the client
because it needs every record; rendering (mapping, validating, serialising)
is a second map over batches of resolved documents, each batch a partition
whose N-Quads come back as bytes. The client writes the partitions in graph
order, so the files are the same bytes as a local run's.

Without ``--scheduler`` a :class:`distributed.LocalCluster` of ``--jobs``
single-threaded worker processes is started on 127.0.0.1 (no dashboard);
with one, the client connects to that scheduler, whose workers must have the
same version of ``diplomatic-kg`` installed (``pip install "diplomatic-kg[dask]"``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from kg.pipeline.engine import EngineError, available_cores, ordered

T = TypeVar("T")
R = TypeVar("R")


class DaskEngine:
    """Runs work items as Dask tasks, results in the order of the items.

    >>> DaskEngine(2, None).jobs
    2
    """

    def __init__(self, jobs: int | None = None, scheduler: str | None = None, timeout: float = 30.0) -> None:
        self.jobs = max(1, jobs or available_cores())
        self.scheduler = scheduler
        self.timeout = timeout
        self._client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskEngine:
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise EngineError('the dask engine needs Dask: pip install "diplomatic-kg[dask]"') from err
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout=self.timeout)
                self.jobs = max(1, sum(self._client.nthreads().values()))
            else:
                self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                             host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
                self._client = Client(self._cluster, timeout=self.timeout)
        except (OSError, TimeoutError) as err:
            self.__exit__()
            where = self.scheduler or "a local cluster"
            raise EngineError(f"could not reach the Dask scheduler at {where} ({err}); "
                              "check the address (tcp://HOST:8786) and that the scheduler is running") from err
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``function`` over ``items`` as tasks, a few per worker in flight, yielded in order."""
        assert self._client is not None, "use the engine as a context manager"
        client = self._client
        yield from ordered(lambda item: client.submit(function, item, pure=False), items, self.jobs)
