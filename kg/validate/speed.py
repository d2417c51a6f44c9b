"""A faster lookup of SHACL constraint parameters inside pyshacl, with the same answers.

For every shape, on every focus node, pyshacl filters the shape's predicates
with ``p in ALL_CONSTRAINT_PARAMETERS``: a list of about forty rdflib terms
compared one by one with rdflib's Python ``__eq__``. Our shapes carry a name,
message, description and severity each, so that scan was 38% of validation
time in a profile. :func:`index_constraint_parameters` swaps in a list with
the same members whose ``in`` is a hash lookup (rdflib terms hash and compare
consistently), which cut validation of 200 documents from 5.6 s to 4.4 s
(``bench/export_bench.py``; see the README). It is idempotent, leaves every
other list operation (pyshacl copies and appends to it in advanced mode)
unchanged, and does nothing if pyshacl's internals ever move.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class IndexedList(list):  # type: ignore[type-arg]
    """A list whose ``in`` is a set lookup; copies are plain lists.

    >>> members = IndexedList(["a", "b"])
    >>> "b" in members, "c" in members, type(members.copy()).__name__
    (True, False, 'list')
    """

    def __init__(self, items: Iterable[Any]) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def index_constraint_parameters() -> bool:
    """Give pyshacl's shape module the indexed parameter list; True when it is in place."""
    try:
        from pyshacl import shape as module
        from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
    except ImportError:  # pragma: no cover -- a pyshacl without these names: run it as it is
        return False
    current = getattr(module, "CONSTRAINT_PARAMS", (None, None))[0]
    if isinstance(current, IndexedList):
        return True
    setattr(module, "CONSTRAINT_PARAMS", (IndexedList(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP))
    return True
