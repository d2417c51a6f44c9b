"""The archive's citation and credits: title, date, publisher, reference, translators, funders, URL.

A citation reads ``"<Title>", <date>, <Publisher> Digital Archive, <reference>.
<credits>. <URL>``; the older layout puts the comma inside the quotes. Credits
come in many wordings ("Translated for NKIDP by X", "Obtained by A and
translated by B", "Contributed, transcribed, and translated by X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.names import ORG_WORDS, tidy

_CITATION = re.compile(
    r'^\s*["\u201c](?P<title>.+?),?["\u201d],?\s*(?P<date>[^,]*(?:,\s*\d{4})?),\s*'
    r"(?P<publisher>[^,]*?Digital Archive)\s*[,.]?\s*(?P<rest>.*)$",
    re.DOTALL,
)
_URL = re.compile(r"(?:https?://|www\.)\S+?(?=[.,;)]*(?:\s|$))", re.IGNORECASE)
_CREDIT_START = re.compile(r"\b(?:Translated|Obtained|Contributed|Transcribed|Edited|Provided|Donated)\b")
_TRANSLATED_BY = re.compile(r"\btranslated\b(?:\s+(?:for|from|into)\s+[^.]*?)?\s+by\s+(?P<who>.+)$", re.I)
_OBTAINED_BY = re.compile(r"^(?:Obtained|Provided|Donated|Contributed)\s+by\s+(?P<who>.+?)\s+and\s+", re.I)
_FUNDED = re.compile(
    r"(?:support\s+(?:from|of)|Donors?\s*:?|Funders?\s*:?|Funded by)\s+(?P<who>.+?)\.?$", re.IGNORECASE
)
_AND = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*|\s*;\s*)")


@dataclass(frozen=True)
class Citation:
    """The parts of a citation paragraph; any may be missing."""

    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    reference: str | None = None
    credits: str | None = None
    url: str | None = None


def parse_citation(text: str) -> Citation:
    """Split a citation paragraph into its parts.

    >>> c = parse_citation('"A Cable", April 25, 1962, Wilson Center Digital Archive, PRC FMA 118-01154-06, 10. '
    ...                    'Translated by 7Brands. https://example.org/document/118186')
    >>> c.title, c.date, c.publisher, c.reference, c.credits, c.url
    ('A Cable', 'April 25, 1962', 'Wilson Center Digital Archive', 'PRC FMA 118-01154-06, 10', 'Translated by 7Brands', 'https://example.org/document/118186')
    """
    url_match = _URL.search(text)
    url = url_match.group(0) if url_match else None
    if url_match:
        text = (text[: url_match.start()] + text[url_match.end() :]).strip()
    match = _CITATION.match(text)
    if not match:
        return Citation(url=url)
    rest = match["rest"].strip()
    credit = _CREDIT_START.search(rest)
    reference = rest[: credit.start()] if credit else rest
    credits = rest[credit.start() :] if credit else None
    return Citation(
        title=tidy(match["title"]) or None,
        date=tidy(match["date"]) or None,
        publisher=tidy(match["publisher"]),
        reference=_reference(reference),
        credits=tidy(credits) if credits else None,
        url=url,
    )


def _reference(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,;")
    if text.endswith(".") and not re.search(r"\b(?:f|op|d|l|ll|p|pp|no|vol)\.$", text, re.I):
        text = text[:-1]
    return text or None


def translators(credits: str) -> tuple[list[str], list[str]]:
    """Translators and other contributors named in a credits line.

    >>> translators("Obtained by Charles Kraus and translated by Jingxia Jiang")
    (['Jingxia Jiang'], ['Charles Kraus'])
    >>> translators("Contributed, transcribed, and translated by Bernd Schaefer")
    (['Bernd Schaefer'], [])
    >>> translators("Translated for NKIDP by Jae-Hyung Kim and Gary Goldberg.")
    (['Jae-Hyung Kim', 'Gary Goldberg'], [])
    """
    credits = credits.strip().rstrip(".")
    others: list[str] = []
    obtained = _OBTAINED_BY.match(credits)
    if obtained:
        others = split_names(obtained["who"])
    match = _TRANSLATED_BY.search(credits)
    return (split_names(match["who"]) if match else []), others


def funders(credits: str) -> list[str]:
    """Funders named in a credits or donors line.

    >>> funders("This document was made possible with support from MacArthur Foundation and Henry Luce Foundation")
    ['MacArthur Foundation', 'Henry Luce Foundation']
    >>> funders("Carnegie Corporation of New York")
    ['Carnegie Corporation of New York']
    """
    match = _FUNDED.search(credits.strip())
    text = match["who"] if match else credits
    return split_names(re.sub(r"^(?:the\s+)", "", text.strip(), flags=re.I))


def split_names(text: str) -> list[str]:
    """Split "A, B and C" into names, keeping "Bill and Melinda Gates Foundation" whole.

    A split is made only where the part before it is complete on its own: an
    organisation's name must end in its keyword before another one starts.

    >>> split_names("Bill and Melinda Gates Foundation")
    ['Bill and Melinda Gates Foundation']
    >>> split_names("Leon Levy Foundation, Korea Foundation and MacArthur Foundation")
    ['Leon Levy Foundation', 'Korea Foundation', 'MacArthur Foundation']
    """
    parts = [tidy(part) for part in _AND.split(text.strip().rstrip(".")) if tidy(part)]
    if any(ORG_WORDS.search(part) for part in parts):
        merged: list[str] = []
        for part in parts:
            if merged and not ORG_WORDS.search(merged[-1]):
                merged[-1] = f"{merged[-1]} and {part}"
            else:
                merged.append(part)
        parts = merged
    return [re.sub(r"^the\s+", "", part, flags=re.I) for part in parts]
