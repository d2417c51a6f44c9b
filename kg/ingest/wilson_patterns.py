"""Line shapes shared by the three Wilson Center layouts: headings, date lines, citations, credits.

These are recognisers of *shape* only (is this line a date line?); the values
are interpreted later, in :mod:`kg.extract`.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    rf"""^(?:
        {_MONTH}\s+\d{{1,2}},?\s+\d{{4}}          # April 25, 1962
      | \d{{1,2}}\s+{_MONTH},?\s+\d{{4}}          # 25 April 1962
      | {_MONTH},?\s+\d{{4}}                       # August 1962
      | \d{{1,2}}\s+{_MONTH}                       # 27 September
      | {_MONTH}\s+\d{{1,2}}                       # September 27
      | \d{{4}}(?:-\d{{2}}(?:-\d{{2}})?)?          # 1962, 1962-04, 1962-04-25
      | \d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}        # 31.8.50, 10/14/50
    )\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_CITATION = re.compile(r'^\s*["\u201c].+Digital Archive', re.DOTALL)
_CREDITS = re.compile(
    r"^(?:Translated|Obtained|Contributed|Transcribed|Edited|Donated|Provided)\b|\btranslated by\b",
    re.IGNORECASE,
)
_FUNDING = re.compile(
    r"made possible (?:with|by|through)\b.*\bsupport\b|^(?:Donors?|Funders?|Funded by)\b",
    re.IGNORECASE,
)
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)


def is_date_line(text: str) -> bool:
    """Whether a whole line has the shape of a date.

    >>> [is_date_line(t) for t in ("April 25, 1962", "31.8.50", "1962", "Cable from X")]
    [True, True, True, False]
    """
    return bool(_DATE_LINE.match(text.strip()))


def is_date_like(text: str) -> bool:
    """Whether a line sits where a date belongs and looks meant as one, even if misspelt.

    >>> is_date_like("Agust 09, 1962"), is_date_like("Cable from the Ministry, 1962, on borders")
    (True, False)
    """
    text = text.strip()
    return is_date_line(text) or (len(text) <= 30 and len(text.split()) <= 4 and bool(re.search(r"\d", text)))


def is_citation(text: str) -> bool:
    """Whether a paragraph has the shape of the archive's citation.

    >>> is_citation('"Cable", April 25, 1962, Wilson Center Digital Archive, PRC FMA 1.')
    True
    """
    return bool(_CITATION.match(text))


def is_credits(text: str) -> bool:
    """Whether a line gives translation credits.

    >>> is_credits("Obtained by Charles Kraus and translated by Jingxia Jiang")
    True
    """
    return bool(_CREDITS.search(text.strip()))


def is_funding(text: str) -> bool:
    """Whether a line names the funders of the translation.

    >>> is_funding("This document was made possible with support from MacArthur Foundation")
    True
    """
    return bool(_FUNDING.search(text.strip()))


def heading_of(text: str, headings: dict[str, str]) -> str | None:
    """The canonical field name if the line is one of ``headings`` (case and colon ignored).

    >>> heading_of("Original Language:", {"original language": "languages"})
    'languages'
    """
    key = text.strip().rstrip(":").strip().casefold()
    return headings.get(key)
