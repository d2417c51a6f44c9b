"""Readers: source files in, :class:`~kg.model.SourceRecord` out, one reader per source format.

:data:`READERS` maps a format name to its reader; :func:`read_file` picks the
reader by content (the highest :func:`sniff` score) unless a format is forced.
:func:`discover` expands the command line's files and folders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.ingest import cmif, frus, sheet, wilson
from kg.ingest.mapping import Mapping
from kg.ingest.text import decode, read_bytes
from kg.ingest.xml import looks_like_xml, refuse_entities
from kg.source import SourceRecord
from kg.problems import InputError, Problem


@dataclass(frozen=True)
class Reader:
    """A source format: a content sniffer and a parser.

    A ``binary`` reader sniffs and reads the file's bytes, the others its
    decoded text; a ``mapped`` reader also takes the column :class:`Mapping`.
    """

    name: str
    description: str
    suffixes: tuple[str, ...]
    sniff: Callable[[Any], float]
    read: Callable[..., list[SourceRecord]]
    binary: bool = False
    mapped: bool = False


READERS: dict[str, Reader] = {
    "wilson": Reader(
        "wilson",
        "Wilson Center Digital Archive record (text export, current or older page as text)",
        (".txt", ".text", ".md"),
        wilson.sniff,
        wilson.read,
    ),
    "cmif": Reader(
        "cmif",
        "Correspondence Metadata Interchange Format (TEI correspDesc), one record per letter",
        (".xml",),
        cmif.sniff,
        cmif.read,
    ),
    "table": Reader(
        "table",
        "metadata spreadsheet as CSV or TSV (a header row, one document per row)",
        (".csv", ".tsv"),
        sheet.sniff_table,
        sheet.read_table,
        mapped=True,
    ),
    "jsonl": Reader(
        "jsonl",
        "metadata as JSON lines (one object per document)",
        (".jsonl", ".ndjson"),
        sheet.sniff_jsonl,
        sheet.read_jsonl,
        mapped=True,
    ),
    "xlsx": Reader(
        "xlsx",
        "metadata spreadsheet as XLSX (first sheet, a header row, one document per row)",
        (".xlsx",),
        sheet.sniff_xlsx,
        sheet.read_xlsx,
        binary=True,
        mapped=True,
    ),
    "frus": Reader(
        "frus",
        "Foreign Relations of the United States volume (TEI XML), one record per document",
        (".xml",),
        frus.sniff,
        frus.read,
    ),
}

#: Folder names never descended into by :func:`discover`.
SKIPPED_FOLDERS = frozenset({"bad", ".git", "__pycache__", "output"})


def reader_for(name: str) -> Reader:
    """The reader registered under ``name``; an unknown name lists the known ones.

    >>> reader_for("wilson").name
    'wilson'
    >>> reader_for("fax")
    Traceback (most recent call last):
    ValueError: unknown format 'fax'; known formats: cmif, frus, jsonl, table, wilson, xlsx
    """
    try:
        return READERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; known formats: {', '.join(sorted(READERS))}") from None


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into a sorted list of candidate files.

    Folders are walked recursively, skipping hidden folders and those in
    :data:`SKIPPED_FOLDERS`; files given by name are always taken. A link that
    loops or leads nowhere, or a pipe or device where a document is expected, is
    reported, never read and never silently dropped.

    >>> discover([Path("/no/such/place")])[1][0].code
    'path-not-found'
    """
    suffixes = {suffix for reader in READERS.values() for suffix in reader.suffixes}
    files: set[Path] = set()
    problems: list[Problem] = []
    for path in paths:
        if path.is_file():
            files.add(path)
        elif path.is_dir():
            for found in path.rglob("*"):  # directory links are not followed, so a loop of them is harmless
                if found.suffix.lower() not in suffixes or found.name.lower() == "readme.md" \
                        or _skipped(found.relative_to(path)):
                    continue
                if found.is_file():
                    files.add(found)
                elif (problem := _not_a_file(found)) is not None:
                    problems.append(problem)
        else:
            problems.append(_not_a_file(path) or Problem("path-not-found", str(path), None, "No such file or folder."))
    return sorted(files), sorted(problems)


def _not_a_file(path: Path) -> Problem | None:
    """Why a path that looks like a document is not read: a broken or looping link, or no regular file."""
    if path.is_symlink() and not path.exists():
        return Problem("symlink-loop", str(path), None, "the link leads back to itself or to nothing.")
    if path.exists() and not path.is_dir():
        return Problem("not-a-regular-file", str(path), None, "it is a pipe, socket or device, not a file.")
    return None


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") or part in SKIPPED_FOLDERS for part in relative.parts[:-1])


def read_file(path: Path, format: str | None = None, mapping: Mapping = Mapping(),
              max_bytes: int | None = None) -> list[SourceRecord]:
    """Read every record in one file, or raise an :class:`InputError` saying why not.

    The reader is the one that recognises the content best (``format`` forces
    one); a zip is offered to the binary readers, anything else is decoded as
    UTF-8 text first. XML declaring entities is refused before any reader sees it;
    a file larger than ``max_bytes`` is refused unread.

    >>> read_file(Path("/no/such/file.txt"))
    Traceback (most recent call last):
    kg.problems.InputError: /no/such/file.txt: error [read-error] ...
    """
    data = read_bytes(path, max_bytes)
    forced = reader_for(format) if format is not None else None
    if (forced.binary if forced else data.startswith(b"PK\x03\x04")):
        content: Any = data
        candidates = [r for r in READERS.values() if r.binary]
    else:
        content = decode(str(path), data)
        if looks_like_xml(content):
            refuse_entities(str(path), content)
        candidates = [r for r in READERS.values() if not r.binary]
    reader = forced or max(candidates, key=lambda r: r.sniff(content))
    if forced is None and reader.sniff(content) == 0:
        raise InputError(_not_a_document(path, content))
    records = reader.read(str(path), content, mapping) if reader.mapped else reader.read(str(path), content)
    if not records:
        raise InputError(_not_a_document(path, content))
    return records


def _not_a_document(path: Path, content: str | bytes) -> Problem:
    text = content if isinstance(content, str) else "(binary data)"
    first = next((line for line in text.splitlines() if line.strip()), "")[:60]
    known = ", ".join(reader.description for reader in READERS.values())
    return Problem(
        "not-a-document", str(path), 1, f"starts with {first!r} and matches no known layout ({known})."
    )
