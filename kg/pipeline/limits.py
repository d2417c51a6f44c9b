"""The limits on reading one file: its size, and its time (a file that takes too long is stopped and
reported, never a hang).

:class:`ReadOptions` carries them, with the spreadsheet column mapping, to
wherever files are read (this process or a worker).

:func:`time_limit` arms a real-time timer (``SIGALRM``) around the work and
turns its expiry into :class:`TimeLimitExceeded`, which the reading step turns
into a ``time-limit`` problem for that file; the rest of the corpus goes on.
It works where signals can be delivered: the main thread of a process (a
serial run, or each worker of the local engine). A Dask task runs in a
worker's thread, where the limit is left to Dask. Python delivers a signal
between bytecodes, so a single call into C that never returns (a regular
expression backtracking without end) is out of its reach: the fuzzing suite is
there to find such patterns.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from kg.ingest.mapping import Mapping

#: Seconds one file may take to be read and interpreted (``kg export --time-limit``).
DEFAULT_TIME_LIMIT = 120.0
#: The largest file read, in bytes (``kg export --max-file-size``, in MB); larger ones are refused unread.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """How files are read: the spreadsheet column mapping, the time limit (seconds) and the size limit
    (bytes) of one file; ``None`` lifts a limit."""

    mapping: Mapping = field(default_factory=Mapping)
    time_limit: float | None = DEFAULT_TIME_LIMIT
    max_bytes: int | None = DEFAULT_MAX_BYTES


class TimeLimitExceeded(Exception):
    """Raised inside the work when its time is up."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the block under a time limit of ``seconds`` (none when ``None`` or 0, or off the main thread).

    >>> import time
    >>> try:
    ...     with time_limit(0.05):
    ...         while True:
    ...             time.sleep(0.01)
    ... except TimeLimitExceeded as stopped:
    ...     print(stopped)
    stopped after 0.05 s
    """
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(number: int, frame: object) -> None:
        raise TimeLimitExceeded(f"stopped after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
