"""The query catalogue: the questions historians ask, as SPARQL files in ``queries/``.

Each file starts with comment lines; the first says what question it answers.
Queries name their graphs (``GRAPH ?g { ... }``) and never rely on a store
treating its default graph as the union of the named ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.resources import queries_path


@dataclass(frozen=True)
class CatalogueQuery:
    """One catalogue query: its name (the file stem), its question and its text."""

    name: str
    question: str
    text: str


def catalogue(folder: Path | None = None) -> dict[str, CatalogueQuery]:
    """Every catalogue query by name.

    >>> "documents-by-sender" in catalogue()
    True
    """
    found = {}
    for path in sorted((folder or queries_path()).glob("*.rq")):
        text = path.read_text("utf-8")
        comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
        found[path.stem] = CatalogueQuery(path.stem, comments[0] if comments else "", text)
    return found


def resolve(query: str, folder: Path | None = None) -> str:
    """The SPARQL text of a query given as text, as a ``.rq`` file, or as a catalogue name.

    >>> resolve("SELECT * WHERE { ?s ?p ?o }")
    'SELECT * WHERE { ?s ?p ?o }'
    >>> resolve("no-such-query")
    Traceback (most recent call last):
    ValueError: 'no-such-query' is neither SPARQL, a .rq file nor a catalogue query; see kg query --list
    """
    known = catalogue(folder)
    if query in known:
        return known[query].text
    path = Path(query)
    if query.endswith(".rq"):
        if not path.is_file():
            raise ValueError(f"no query file {query}")
        return path.read_text("utf-8")
    if any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "INSERT", "DELETE")):
        return query
    raise ValueError(f"{query!r} is neither SPARQL, a .rq file nor a catalogue query; see kg query --list")
