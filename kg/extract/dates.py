"""Dates as archives print them, read at the precision printed, with their UTC bounds.

Handles "April 25, 1962", "25 April 1962", "August 09, 1962", "August 1962",
"1962", ISO forms, numeric "31.8.50" (day first) and "10/14/50" (month first),
and yearless "27 September" (the year comes from the record). Two-digit years
take the century that puts them nearest the record's year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from kg.model import DateValue
from kg.source import ISO_DATE

MONTHS = {
    name: number
    for number, full in enumerate(calendar.month_name)
    if number
    for name in {full.lower(), full.lower()[:3], "sept" if number == 9 else full.lower()[:3]}
}
_M = r"(?P<month>[A-Za-z]{3,9})\.?"
_PATTERNS = [
    re.compile(rf"^{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^{_M},?\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})(?:-(?P<nmonth>\d{2})(?:-(?P<day>\d{2}))?)?$"),
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}$"),
    re.compile(rf"^{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?$"),
]
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{2}|\d{4})$")


@dataclass(frozen=True)
class DateReading:
    """The outcome of reading a printed date: a value, or why there is none."""

    value: DateValue | None
    problem: str | None = None
    detail: str = ""


def parse_date(printed: str, context_year: int | None = None) -> DateReading:
    """Read a printed date; ``context_year`` supplies missing years and centuries.

    >>> parse_date("April 25, 1962").value
    DateValue(printed='April 25, 1962', iso='1962-04-25', precision='day', earliest=None, latest=None)
    >>> parse_date("August 1962").value.iso, parse_date("1962").value.precision
    ('1962-08', 'year')
    >>> parse_date("31.8.50").value.iso, parse_date("10/14/50").value.iso
    ('1950-08-31', '1950-10-14')
    >>> parse_date("27 September", context_year=1962).value.iso
    '1962-09-27'
    >>> parse_date("February 30, 1962").problem
    'unparsed-date'
    """
    text = " ".join(printed.strip().rstrip(".").split())
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric(printed, numeric, context_year)
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _named(printed, match.groupdict(), context_year)
    return DateReading(None, "unparsed-date", f"{printed!r} is not a date this tool can read.")


def _named(printed: str, parts: dict[str, str | None], context_year: int | None) -> DateReading:
    month: int | None = None
    if parts.get("month"):
        month = MONTHS.get(str(parts["month"]).lower())
        if month is None:
            return DateReading(None, "unparsed-date", f"{parts['month']!r} is not a month name.")
    elif parts.get("nmonth"):
        month = int(str(parts["nmonth"]))
    year_text = parts.get("year")
    if year_text is None and context_year is None:
        return DateReading(None, "unparsed-date", f"{printed!r} has no year and the record gives none.")
    year = int(year_text) if year_text else int(context_year)  # type: ignore[arg-type]
    day = int(parts["day"]) if parts.get("day") else None
    return _checked(printed.strip(), year, month, day)


def _numeric(printed: str, match: re.Match[str], context_year: int | None) -> DateReading:
    a, b = int(match["a"]), int(match["b"])
    year = int(match["year"])
    if len(match["year"]) == 2:
        year = _century(year, context_year)
    day_first = match["sep"] == "."
    ambiguous = a <= 12 and b <= 12 and a != b
    if a > 12 >= b:
        day_first = True
    elif b > 12 >= a:
        day_first = False
    day, month = (a, b) if day_first else (b, a)
    reading = _checked(printed.strip(), year, month, day)
    if ambiguous and reading.value is not None:
        order = "day.month" if day_first else "month/day"
        detail = f"{printed!r} could be read either way; read as {order} ({reading.value.iso})."
        return DateReading(reading.value, "ambiguous-date", detail)
    return reading


def _century(two_digits: int, context_year: int | None) -> int:
    """The four-digit year nearest ``context_year`` (default 1950) ending in ``two_digits``.

    >>> _century(50, 1962), _century(5, 1998), _century(99, None)
    (1950, 2005, 1999)
    """
    anchor = context_year if context_year is not None else 1950
    candidates = [century + two_digits for century in range(anchor // 100 * 100 - 100, anchor + 101, 100)]
    return min(candidates, key=lambda year: (abs(year - anchor), year))


def _checked(printed: str, year: int, month: int | None, day: int | None) -> DateReading:
    if month is None:
        return DateReading(DateValue(printed, f"{year:04d}", "year"))
    if not 1 <= month <= 12:
        return DateReading(None, "unparsed-date", f"{printed!r}: there is no month {month}.")
    if day is None:
        return DateReading(DateValue(printed, f"{year:04d}-{month:02d}", "month"))
    try:
        value = date(year, month, day)
    except ValueError:
        return DateReading(None, "unparsed-date", f"{printed!r} is not a day of the calendar.")
    return DateReading(DateValue(printed, value.isoformat(), "day"))


def bounds(value: DateValue) -> tuple[str, str]:
    """The first and last instant (``xsd:dateTime``, UTC) a date covers; for a range, those of its
    bounds, an empty string where the range is open.

    >>> bounds(DateValue("August 1962", "1962-08", "month"))
    ('1962-08-01T00:00:00Z', '1962-08-31T23:59:59Z')
    >>> bounds(DateValue("", "[..1690-05]", "range", None, "1690-05"))
    ('', '1690-05-31T23:59:59Z')
    """
    if value.precision == "range":
        first = bounds(_single(value.earliest, value.earliest).value)[0] if value.earliest else ""  # type: ignore[arg-type]
        last = bounds(_single(value.latest, value.latest).value)[1] if value.latest else ""  # type: ignore[arg-type]
        return first, last
    year = value.year
    if value.precision == "year":
        first, last = date(year, 1, 1), date(year, 12, 31)
    elif value.precision == "month":
        month = int(value.iso[5:7])
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
    else:
        first = last = date.fromisoformat(value.iso)
    return f"{first.isoformat()}T00:00:00Z", f"{last.isoformat()}T23:59:59Z"


def contains(outer: DateValue, inner: DateValue) -> bool:
    """Whether ``inner`` lies within ``outer`` (a day within its month, and so on).

    >>> contains(DateValue("1962", "1962", "year"), DateValue("May 2, 1962", "1962-05-02", "day"))
    True
    """
    (outer_min, outer_max), (inner_min, inner_max) = bounds(outer), bounds(inner)
    if "" in (outer_min, outer_max, inner_min, inner_max):
        return False
    return outer_min <= inner_min and inner_max <= outer_max


#: A date inside running text (signature lines, minutes headers), for :func:`find_trailing_date`.
DATE_IN_TEXT = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]{2,8}\.?,?(?:\s+\d{4})?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{4}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})\.?\s*$"
)


def find_trailing_date(text: str, context_year: int | None) -> tuple[str, DateValue] | None:
    """Split a line ending in a date into the text before it and the date.

    >>> find_trailing_date("Ministry of Foreign Affairs 25 April 1962", None)
    ('Ministry of Foreign Affairs', DateValue(printed='25 April 1962', iso='1962-04-25', precision='day', earliest=None, latest=None))
    """
    match = DATE_IN_TEXT.search(text)
    if not match:
        return None
    reading = parse_date(match.group(0), context_year)
    if reading.value is None:
        return None
    return text[: match.start()].rstrip(" ,;-_\u2013"), reading.value



_ONE_OF = re.compile(r"^\[(?P<a>[^.\]]*)\.\.(?P<b>[^.\]]*)\]$")
_INTERVAL = re.compile(r"^(?P<a>[^/]+)/(?P<b>[^/]+)$")


def from_iso(printed: str, iso: str) -> DateReading:
    """A date a structured source gives in ISO 8601 (day, month or year) or as an EDTF range.

    ``[A..B]`` is one day between two bounds (TEI ``notBefore``/``notAfter``),
    either bound may be left out; ``A/B`` is a text written over a period
    (TEI ``from``/``to``), ``..`` marking an open end.

    >>> from_iso("November 9, 1960", "1960-11-09").value
    DateValue(printed='November 9, 1960', iso='1960-11-09', precision='day', earliest=None, latest=None)
    >>> from_iso("", "[1687-09..1688-02]").value
    DateValue(printed='[1687-09..1688-02]', iso='[1687-09..1688-02]', precision='range', earliest='1687-09', latest='1688-02')
    >>> from_iso("", "[1690-05-01..1690-05-01]").value.iso, from_iso("", "[..1690-05-01]").value.earliest
    ('1690-05-01', None)
    >>> from_iso("1961", "1961").value.precision, from_iso("x", "1961-13").problem, from_iso("x", "[..]").problem
    ('year', 'unparsed-date', 'unparsed-date')
    """
    text = iso.strip()
    one_of, interval = _ONE_OF.match(text), _INTERVAL.match(text)
    match = one_of or interval
    if match is None:
        return _single(printed or text, text)
    earliest, latest = (None if part in ("", "..") else part for part in (match["a"], match["b"]))
    for part in (earliest, latest):
        if part is not None and _single(part, part).problem:
            return DateReading(None, "unparsed-date", f"{iso!r}: {part!r} is not an ISO 8601 day, month or year.")
    if earliest is None and latest is None:
        return DateReading(None, "unparsed-date", f"{iso!r} gives no bound at all.")
    if one_of and earliest == latest:
        return _single(printed or text, earliest)  # type: ignore[arg-type]
    if earliest and latest and bounds(_single(earliest, earliest).value)[0] > bounds(_single(latest, latest).value)[1]:
        return DateReading(None, "unparsed-date", f"{iso!r} ends before it begins.")
    return DateReading(DateValue(printed or text, text, "range", earliest, latest))


def is_period(value: DateValue) -> bool:
    """Whether a range is a period the text was written over (EDTF ``A/B``, TEI ``from``/``to``) rather than
    one unknown day between bounds (``[A..B]``, TEI ``notBefore``/``notAfter``).

    >>> is_period(from_iso("", "1909-12-14/1909-12-20").value), is_period(from_iso("", "[1687-09..1688-02]").value)
    (True, False)
    """
    return value.precision == "range" and _ONE_OF.match(value.iso) is None and _INTERVAL.match(value.iso) is not None


def _single(printed: str, iso: str) -> DateReading:
    match = ISO_DATE.match(iso)
    if match is None:
        return DateReading(None, "unparsed-date", f"{iso!r} is not an ISO 8601 day, month or year.")
    day, month = match["day"], match["month"]
    return _checked(printed, int(match["year"]), int(month) if month else None, int(day) if day else None)
