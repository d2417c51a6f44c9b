"""Wall-clock time per pipeline stage, for benchmarks and ``kg export -v`` style reporting.

Times never go into the export's files (same input, same bytes); they live on
the :class:`~kg.pipeline.ExportResult` only.
"""

from __future__ import annotations

import time


class Stopwatch:
    """Accumulates seconds per named stage; :meth:`lap` closes the stage running since the last lap.

    >>> clock = Stopwatch()
    >>> clock.lap("read"); clock.add("read", 1.0); clock.lap("write")
    >>> [name for name, _ in clock.stages()], clock.seconds("read") >= 1.0
    (['read', 'write'], True)
    """

    def __init__(self) -> None:
        self._since = time.perf_counter()
        self._seconds: dict[str, float] = {}

    def lap(self, stage: str) -> None:
        """Charge the time since the previous lap (or the start) to ``stage``."""
        now = time.perf_counter()
        self.add(stage, now - self._since)
        self._since = now

    def mark(self) -> None:
        """Start the next lap now, charging the time since the last one to no stage (it was added elsewhere)."""
        self._since = time.perf_counter()

    def add(self, stage: str, seconds: float) -> None:
        """Charge ``seconds`` measured elsewhere to ``stage``."""
        self._seconds[stage] = self._seconds.get(stage, 0.0) + seconds

    def seconds(self, stage: str) -> float:
        return self._seconds.get(stage, 0.0)

    def stages(self) -> tuple[tuple[str, float], ...]:
        """(stage, seconds) in the order the stages first ran."""
        return tuple(self._seconds.items())
