"""Dates as typed literals at their printed precision."""

from __future__ import annotations

from rdflib import Literal

from kg.model import DateValue
from kg.rdf.vocab import XSD

_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def typed_date(value: DateValue) -> Literal:
    """The typed literal of a date at its printed precision.

    >>> typed_date(DateValue("August 1962", "1962-08", "month")).datatype.endswith("gYearMonth")
    True
    """
    return Literal(value.iso, datatype=_DATATYPES[value.precision], normalize=False)
