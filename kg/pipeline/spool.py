"""A spool: objects pickled one after another into a scratch file, read back in order or by position.

The pipeline spools records and resolved documents between its passes so
that memory holds the index of a corpus, not the corpus: reconciliation reads
the records twice (once to learn variants, once to resolve them) and the
second half of the export reads the resolved documents in graph order.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class Spool(Generic[T]):
    """An append-only sequence stored in one file.

    >>> import tempfile, pathlib
    >>> spool = Spool(pathlib.Path(tempfile.mkdtemp()) / "s.pickle")
    >>> spool.append({"a": 1}), spool.append("two")
    (0, 1)
    >>> spool[1], list(spool), len(spool)
    ('two', [{'a': 1}, 'two'], 2)
    >>> spool.close()
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = open(path, "w+b")
        self._offsets: list[int] = []

    def append(self, item: T) -> int:
        """Store ``item``; its position."""
        self._offsets.append(self._file.seek(0, 2))
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        return len(self._offsets) - 1

    def __getitem__(self, index: int) -> T:
        self._file.seek(self._offsets[index])
        return pickle.load(self._file)  # noqa: S301 -- our own scratch file, written by this run

    def __iter__(self) -> Iterator[T]:
        for index in range(len(self._offsets)):
            yield self[index]

    def __len__(self) -> int:
        return len(self._offsets)

    def close(self) -> None:
        self._file.close()
