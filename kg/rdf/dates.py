"""Dates as typed literals at their printed precision."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal
from rdflib.term import Node

from kg.extract.dates import bounds
from kg.model import DateValue
from kg.rdf.vocab import DIP, EDTF, XSD

_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear, "range": EDTF}


def typed_date(value: DateValue) -> Literal:
    """The typed literal of a date at its printed precision (a range as an EDTF literal).

    >>> typed_date(DateValue("August 1962", "1962-08", "month")).datatype.endswith("gYearMonth")
    True
    >>> str(typed_date(DateValue("", "[..1690-05]", "range", None, "1690-05")).datatype)
    'http://id.loc.gov/datatypes/edtf/EDTF'
    """
    return Literal(value.iso, datatype=_DATATYPES[value.precision], normalize=False)


def bound_triples(node: Node, value: DateValue) -> Iterator[tuple[Node, Node, Node]]:
    """``dip:dateMin`` and ``dip:dateMax``: the first and last instant a date covers, in UTC (an open end of
    a range has none)."""
    first, last = bounds(value)
    if first:
        yield node, DIP.dateMin, Literal(first, datatype=XSD.dateTime, normalize=False)
    if last:
        yield node, DIP.dateMax, Literal(last, datatype=XSD.dateTime, normalize=False)
