"""Readers: source files in, :class:`~kg.model.SourceRecord` out, one reader per source format.

:data:`READERS` maps a format name to its reader; :func:`read_file` picks the
reader by content (the highest :func:`sniff` score) unless a format is forced.
:func:`discover` expands the command line's files and folders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.ingest import cmif, frus, wilson
from kg.ingest.text import read_text
from kg.ingest.xml import looks_like_xml, refuse_entities
from kg.source import SourceRecord
from kg.problems import InputError, Problem


@dataclass(frozen=True)
class Reader:
    """A source format: a content sniffer and a parser."""

    name: str
    description: str
    suffixes: tuple[str, ...]
    sniff: Callable[[str], float]
    read: Callable[[str, str], list[SourceRecord]]


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
    ValueError: unknown format 'fax'; known formats: cmif, frus, wilson
    """
    try:
        return READERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; known formats: {', '.join(sorted(READERS))}") from None


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into a sorted list of candidate files.

    Folders are walked recursively, skipping hidden folders and those in
    :data:`SKIPPED_FOLDERS`; files given by name are always taken.

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
            files.update(
                found
                for found in path.rglob("*")
                if found.is_file()
                and found.suffix.lower() in suffixes
                and found.name.lower() != "readme.md"
                and not _skipped(found.relative_to(path))
            )
        else:
            problems.append(Problem("path-not-found", str(path), None, "No such file or folder."))
    return sorted(files), problems


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") or part in SKIPPED_FOLDERS for part in relative.parts[:-1])


def read_file(path: Path, format: str | None = None) -> list[SourceRecord]:
    """Read every record in one file, or raise an :class:`InputError` saying why not.

    >>> read_file(Path("/no/such/file.txt"))
    Traceback (most recent call last):
    kg.problems.InputError: /no/such/file.txt: error [read-error] ...
    """
    text = read_text(path)
    if looks_like_xml(text):
        refuse_entities(str(path), text)
    if format is not None:
        reader = reader_for(format)
    else:
        reader = max(READERS.values(), key=lambda r: r.sniff(text))
        if reader.sniff(text) == 0:
            raise InputError(_not_a_document(path, text))
    records = reader.read(str(path), text)
    if not records:
        raise InputError(_not_a_document(path, text))
    return records


def _not_a_document(path: Path, text: str) -> Problem:
    first = next((line for line in text.splitlines() if line.strip()), "")[:60]
    known = ", ".join(reader.description for reader in READERS.values())
    return Problem(
        "not-a-document", str(path), 1, f"starts with {first!r} and matches no known layout ({known})."
    )
