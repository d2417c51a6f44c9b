"""Data problems: the record every stage uses to report what it could not read or resolve.

A problem is data, not a log line: it has a stable ``code`` (documented in
:data:`CODES`), names the file and line it concerns, says what was wrong and
how to fix it, and ends up in the run report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

#: Every problem code, its severity and the fix shown to the user.
#: ``error`` means the document was skipped; ``warning`` means it was exported
#: with something missing or uncertain; ``info`` is a note.
CODES: dict[str, tuple[Severity, str]] = {
    "path-not-found": ("error", "Check the path; give a file or a folder of documents."),
    "empty-file": ("error", "The file has no content; re-save the record from the archive."),
    "binary-file": ("error", "This is not a text file; export the record as plain text (UTF-8)."),
    "not-utf8": ("error", "Re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)."),
    "not-a-document": (
        "error",
        "The file matches none of the known layouts; check it is an archive record, "
        "or force a reader with --format.",
    ),
    "truncated": ("error", "The record stops before its text; download the record again."),
    "missing-title": ("error", "Add the record's title line (the archive's heading)."),
    "missing-date": ("error", "Add the record's date line, e.g. 'April 25, 1962'."),
    "unparsed-date": ("warning", "Write the date as e.g. 'April 25, 1962', 'August 1962' or '1962'."),
    "ambiguous-date": (
        "warning",
        "Day and month cannot be told apart; write the month as a word, e.g. '5 June 1950'.",
    ),
    "date-disagrees": (
        "warning",
        "The header date and the citation date differ; check the archive's page. "
        "The citation's date is used, the header's is kept as dip:headerDate.",
    ),
    "missing-record-id": (
        "warning",
        "No record id or archive URL was found; the document IRI is made from the file name. "
        "Add the 'Record ID' or the citation URL.",
    ),
    "unknown-language": ("warning", "Use an English language name (e.g. 'Chinese') or an ISO 639 code."),
    "missing-citation": ("info", "Add the archive's citation paragraph to record the reference and URL."),
    "duplicate-document": (
        "error",
        "Two files describe the same record; keep one of them in the corpus.",
    ),
    "read-error": ("error", "The file could not be read; check its permissions."),
    "internal-error": (
        "error",
        "This is a bug in kg, not in the file: report it with the file attached. The rest of the corpus was exported.",
    ),
    "not-well-formed-xml": (
        "error",
        "Fix the XML at the line given (an unclosed element, a stray '&' or '<', a file cut short) and export again.",
    ),
    "xml-entities": (
        "error",
        "Replace each entity by its text and remove the <!ENTITY> declarations: kg never expands XML entities, "
        "which can read local files or the network (XXE) or exhaust memory (billion laughs).",
    ),
    "file-too-large": (
        "error",
        "The file is larger than kg export --max-file-size (32 MB unless set) and was not read; no archival record "
        "is that large: split it, or raise the limit if it really is one document.",
    ),
    "not-a-regular-file": (
        "error",
        "Give kg files and folders; a named pipe, socket or device in the corpus is skipped.",
    ),
    "symlink-loop": (
        "error",
        "The path is a symbolic link that leads back to itself (or nowhere); remove or repair the link.",
    ),
    "time-limit": (
        "error",
        "The file took longer than the time limit to read and was stopped; the rest of the corpus was exported. "
        "Split the file, or raise kg export --time-limit; if the file is small, report it: it is a bug in kg.",
    ),
    "editorial-note": (
        "info",
        "An editorial note of the edition (no dateline) is the editors' text, not a document of the period; "
        "it was not exported.",
    ),
    "bad-url": ("warning", "Correct the page address in the citation or URL field; it was left out of the graph."),
}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem with one input, located as precisely as the stage knows.

    >>> p = Problem("missing-date", "cable.txt", 1, "No date line was found.")
    >>> p.severity, p.fix.startswith("Add the record's date")
    ('error', True)
    >>> print(p)
    cable.txt:1: error [missing-date] No date line was found.
    """

    code: str
    path: str
    line: int | None
    message: str

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}; known: {', '.join(sorted(CODES))}")

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def fix(self) -> str:
        return CODES[self.code][1]

    @property
    def skips_document(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity} [{self.code}] {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "fix": self.fix,
        }


class InputError(Exception):
    """A document could not be read; carries the :class:`Problem` that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
