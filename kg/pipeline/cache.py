"""The incremental-export cache: a manifest of content hashes and the work already done for them.

``kg export --incremental`` keeps ``OUT/.kg-cache/cache.sqlite`` beside the
export. It holds two content-addressed tables:

- ``files``: for each source file, keyed by the SHA-256 of its bytes, its path,
  the reader options and the names the authority file knows, what reading and
  interpreting it gave (the records, or the problem that skipped it);
- ``documents``: for each resolved document, keyed by a digest of everything
  its graph is made from (the resolved document after the corpus-wide
  reconciliation, the run's provenance, the prefixes, ``--lean``, the shapes),
  its serialised chunk and its validation.

and a ``manifest`` table (path, SHA-256, document keys) describing the last run.

A file whose bytes did not change is not read again; a document whose inputs
did not change (including every label the reconciliation gave its actors) is
not mapped, validated or serialised again. Because reconciliation is global, a
new document that changes another's actors changes that document's key too,
so it is redone: the cache can only save work, never change the output. Keys
include the kg version, so an upgrade starts afresh. Rows are written in
transactions; an interrupted run leaves only unused rows, which the next run
removes. The cache is kg's own working data: it is read with :mod:`pickle`,
so do not put a cache folder from somewhere you do not trust beside an export.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kg import __version__

FOLDER = ".kg-cache"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS manifest (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, documents TEXT NOT NULL);
"""


def fingerprint(*parts: object) -> str:
    """A digest of values by their ``repr`` (stable for kg's frozen dataclasses, never ``hash()``).

    >>> fingerprint("a", 1) == fingerprint("a", 1), fingerprint("a", 1) == fingerprint("a", 2)
    (True, False)
    """
    text = "\x1f".join([__version__, *(repr(part) for part in parts)])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes ("" when it cannot be read: the reader will report why)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


class Cache:
    """The cache of one export folder.

    >>> import tempfile
    >>> with Cache(Path(tempfile.mkdtemp())) as cache:
    ...     cache.put("files", {"k": [1, 2]})
    ...     cache.get("files", ["k", "missing"])
    {'k': [1, 2]}
    """

    def __init__(self, out: Path) -> None:
        self.folder = out / FOLDER
        self.used: dict[str, set[str]] = {"files": set(), "documents": set()}
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> Cache:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.folder / "cache.sqlite")
        self._db.executescript(_SCHEMA)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def get(self, table: str, keys: Iterable[str]) -> dict[str, Any]:
        """The cached values of ``keys`` that are present (and marks them used)."""
        assert self._db is not None and table in self.used
        found: dict[str, Any] = {}
        wanted = list(dict.fromkeys(keys))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self._db.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", chunk):
                found[key] = pickle.loads(value)
        self.used[table].update(found)
        return found

    def put(self, table: str, values: dict[str, Any]) -> None:
        """Store values (one transaction) and mark them used."""
        assert self._db is not None and table in self.used
        rows = [(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in values.items()]
        with self._db:
            self._db.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)
        self.used[table].update(values)

    def finish(self, manifest: Sequence[tuple[str, str, str]]) -> None:
        """Record the run's manifest and drop every row this run did not use."""
        assert self._db is not None
        with self._db:
            for table, keys in self.used.items():
                self._db.execute(f"CREATE TEMP TABLE IF NOT EXISTS keep_{table} (key TEXT PRIMARY KEY)")
                self._db.execute(f"DELETE FROM keep_{table}")
                self._db.executemany(f"INSERT INTO keep_{table} VALUES (?)", [(key,) for key in keys])
                self._db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM keep_{table})")
            self._db.execute("DELETE FROM manifest")
            self._db.executemany("INSERT INTO manifest VALUES (?, ?, ?)", manifest)

    def manifest(self) -> dict[str, tuple[str, str]]:
        """The previous run's manifest: path -> (SHA-256, space-separated document keys)."""
        assert self._db is not None
        return {path: (sha, docs) for path, sha, docs in self._db.execute("SELECT path, sha256, documents FROM manifest")}
