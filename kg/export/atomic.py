"""Atomic output: files are written into a staging folder and moved into place only when all are done.

An interrupted or failed run leaves the previous output untouched: nothing in
the output folder changes until :meth:`Staging.commit`, which replaces each
file with one ``os.replace`` (atomic on POSIX within a filesystem). The set of
files is atomic too: before the first replace, the commit writes a journal
(``.commit``, the names to move) into the staging folder, so a run killed in
the middle of its commit is finished by the next run, never left half old and
half new. A run killed outright cannot remove its staging folder; each folder
records its process, and the next run removes those whose process is gone,
after finishing their commit if they had begun one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Protocol, TypeVar


#: The commit journal: the names of the files a commit moves, written before it moves the first.
JOURNAL = ".commit"


class Closable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=Closable)


class Staging:
    """A staging folder inside ``out`` for one run's files.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> with Staging(out) as stage:
    ...     _ = stage.write("a.txt", b"new")
    ...     stage.commit()
    >>> (out / "a.txt").read_bytes(), sorted(p.name for p in out.iterdir())
    (b'new', ['a.txt'])
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.names: list[str] = []
        self._dir: Path | None = None
        self._created = False
        self._open: list[BinaryIO] = []
        self._closing: list[Closable] = []

    def __enter__(self) -> Staging:
        self._created = not self.out.exists()
        self.out.mkdir(parents=True, exist_ok=True)
        remove_stale(self.out)
        self._dir = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=self.out))
        (self._dir / ".owner").write_text(str(os.getpid()), "ascii")
        return self

    def write(self, name: str, data: bytes) -> Path:
        """Write one file into the staging folder (flushed to disk)."""
        assert self._dir is not None, "use Staging as a context manager"
        path = self._dir / name
        with open(path, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        self.names.append(name)
        return path

    def open(self, name: str) -> BinaryIO:
        """A file in the staging folder to write into as data arrives; :meth:`commit` syncs and closes it."""
        assert self._dir is not None, "use Staging as a context manager"
        handle = open(self._dir / name, "wb")
        self._open.append(handle)
        self.names.append(name)
        return handle

    def size(self, name: str) -> int:
        """The size in bytes of a staged file (an open one is flushed first)."""
        assert self._dir is not None, "use Staging as a context manager"
        for handle in self._open:
            if not handle.closed and Path(handle.name).name == name:
                handle.flush()
        return (self._dir / name).stat().st_size

    def closing(self, thing: C) -> C:
        """Close ``thing`` (a scratch file's reader or writer) when the staging folder goes."""
        self._closing.append(thing)
        return thing

    def scratch(self, name: str) -> Path:
        """A path for intermediate files, removed with the staging folder and never moved into ``out``."""
        assert self._dir is not None, "use Staging as a context manager"
        folder = self._dir / ".scratch"
        folder.mkdir(exist_ok=True)
        return folder / name

    def commit(self) -> None:
        """Move every staged file over its previous version."""
        assert self._dir is not None
        for handle in self._open:
            if not handle.closed:
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
        journal = self._dir / JOURNAL
        with open(journal, "w", encoding="utf-8") as handle:
            handle.write("\n".join(self.names) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        _roll_forward(self._dir, self.out, self.names)
        journal.unlink()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        for handle in [*self._open, *self._closing]:
            handle.close()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
        if self._created and not any(self.out.iterdir()):
            self.out.rmdir()  # a run that wrote nothing leaves no empty folder behind


def _roll_forward(staging: Path, out: Path, names: list[str]) -> None:
    """Move every staged file still in ``staging`` over its previous version (those moved already are gone)."""
    for name in names:
        if (staging / name).exists():
            os.replace(staging / name, out / name)


def remove_stale(out: Path) -> list[Path]:
    """Remove the staging folders in ``out`` left by runs whose process no longer exists, first finishing the
    commit of one that was killed while committing; the ones removed.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> (out / ".kg-staging-old").mkdir(); _ = (out / ".kg-staging-old" / ".owner").write_text("999999999")
    >>> [p.name for p in remove_stale(out)], list(out.iterdir())
    (['.kg-staging-old'], [])
    """
    removed = []
    for folder in sorted(out.glob(".kg-staging-*")):
        try:
            owner = int((folder / ".owner").read_text("ascii"))
        except (OSError, ValueError):
            owner = 0  # a folder from before owners were recorded, or half made: nobody's
        if owner and _alive(owner):
            continue
        journal = folder / JOURNAL
        if journal.is_file():
            _roll_forward(folder, out, [n for n in journal.read_text("utf-8").splitlines() if n and "/" not in n])
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True
