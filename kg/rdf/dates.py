"""Dates as typed literals at their printed precision."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal
from rdflib.term import Node

from kg.extract.dates import bounds
from kg.model import DateValue
from kg.rdf.vocab import DIP, XSD

_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def typed_date(value: DateValue) -> Literal:
    """The typed literal of a date at its printed precision.

    >>> typed_date(DateValue("August 1962", "1962-08", "month")).datatype.endswith("gYearMonth")
    True
    """
    return Literal(value.iso, datatype=_DATATYPES[value.precision], normalize=False)


def bound_triples(node: Node, value: DateValue) -> Iterator[tuple[Node, Node, Node]]:
    """``dip:dateMin`` and ``dip:dateMax``: the first and last instant a date covers, in UTC."""
    first, last = bounds(value)
    yield node, DIP.dateMin, Literal(first, datatype=XSD.dateTime, normalize=False)
    yield node, DIP.dateMax, Literal(last, datatype=XSD.dateTime, normalize=False)
