"""SPARQL over an export or a store (the embedded engine is pyoxigraph), and loading exports into stores.

:func:`open_store` gives a store to query: an on-disk store made by
``kg load``, or an export folder read into memory. :func:`run` answers a
query and :func:`render` prints the answer as a table, CSV, TSV or SPARQL
results JSON. Queries are read-only: an update is refused with a message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

FORMATS = ("table", "csv", "tsv", "json")
_UPDATE = re.compile(r"^\s*(?:PREFIX\s+\S*\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*|#[^\n]*\n\s*)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)


class QueryError(ValueError):
    """A query that cannot run, with a message that says why and what to do."""


def open_store(store: Path | None = None, export: Path | None = None) -> ox.Store:
    """A store to query: the on-disk ``store`` made by ``kg load``, else the ``export`` folder read into memory.

    >>> open_store(export=Path("/no/such/export"))
    Traceback (most recent call last):
    kg.query.QueryError: /no/such/export holds no graph.nq; run kg export first, or give --store
    """
    if store is not None:
        if not (store.is_dir() and any(store.iterdir())):
            raise QueryError(f"{store} is not a store; make one with kg load EXPORT --store {store}")
        return ox.Store.read_only(str(store))
    folder = export or Path("output")
    dump = folder / "graph.nq"
    if not dump.is_file():
        raise QueryError(f"{folder} holds no graph.nq; run kg export first, or give --store")
    memory = ox.Store()
    memory.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    return memory


def bind(query: str, bindings: dict[str, str]) -> str:
    """The query with a ``VALUES`` block at the start of its ``WHERE`` clause binding variables to values.

    Placed first, the values are in scope for every pattern, ``BIND`` and ``FILTER`` of the query.

    >>> bind("SELECT ?a WHERE { ?a ?p ?name }", {"name": "Xu Huang"})
    'SELECT ?a WHERE { VALUES (?name) { ("Xu Huang") } ?a ?p ?name }'
    """
    if not bindings:
        return query
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(_literal(value) for value in bindings.values())
    block = f"VALUES ({names}) {{ ({values}) }}"
    where = re.search(r"\bWHERE\s*\{", query, re.IGNORECASE) or re.search(r"\{", query)
    if where is None:
        raise QueryError("--bind needs a query with a WHERE clause")
    return f"{query[: where.end()]} {block}{query[where.end():]}"


def _literal(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", value):
        return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    if re.fullmatch(r"https?://\S+", value):
        return f"<{value}>"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run(store: ox.Store, query: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Answer a read-only query; SPARQL errors carry the line and column."""
    if _UPDATE.match(query):
        raise QueryError("kg query is read-only: updates (INSERT, DELETE, LOAD, CLEAR...) are refused; "
                         "change the export and load it again instead")
    try:
        return store.query(query)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error {err}; check the query at that line and column") from None


def render(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, format: str = "table") -> str:
    """The answer as text: an aligned table, or CSV, TSV or SPARQL results JSON."""
    if format not in FORMATS:
        raise QueryError(f"unknown format {format!r}; known: {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(list(result), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if format != "table":
        wanted = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON}[format]
        return result.serialize(format=wanted).decode("utf-8")
    return _table(result)


def _table(result: ox.QuerySolutions) -> str:
    names = [variable.value for variable in result.variables]
    rows = [[_cell(solution[name]) for name in names] for solution in result]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(names)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(names, widths)).rstrip(),
             "  ".join("-" * width for width in widths)]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines) + f"\n({len(rows)} rows)\n"


def _cell(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))
