"""Spans of a text already claimed by mentions, with a fast test for whether a new span is free.

A long document holds thousands of mentions; testing each new one against
every earlier one made extraction quadratic. :class:`Spans` keeps the spans
sorted by start, so a test looks only at those that start close enough
before the new span to reach into it (no span is longer than the longest
seen): a binary search and a handful of comparisons.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """Half-open ``[start, end)`` spans, which may overlap one another.

    >>> spans = Spans([(10, 15), (30, 40)])
    >>> spans.free(0, 10), spans.free(14, 20), spans.free(15, 30), spans.free(35, 36)
    (True, False, True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)
        self._longest = max(self._longest, end - start)

    def free(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps no span."""
        low = bisect.bisect_right(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return all(self._ends[i] <= start for i in range(low, high))

    def __len__(self) -> int:
        return len(self._starts)
