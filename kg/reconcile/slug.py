"""Slugs: the readable, deterministic last segment of every minted IRI.

NFKD, combining marks dropped, casefolded; every run outside ``[a-z0-9]``
becomes one ``-``; trimmed; capped at :data:`MAX_LENGTH` by a cut plus a hash.
``--`` never occurs inside a slug, so it can separate the parts of compound
keys. Names with no Latin letters become a hash.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 80
_RUNS = re.compile(r"[^a-z0-9]+")


def digest(*parts: str, length: int = 12) -> str:
    """A short SHA-256 hex digest over the canonical UTF-8 rendering of ``parts``.

    >>> digest("a", "b")
    'f04cdced9736'
    """
    canonical = "\x1f".join(unicodedata.normalize("NFC", part) for part in parts)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """The slug of a name.

    >>> slug("Ministry of Foreign Affairs (PRC)"), slug("Ürümqi"), slug("Chargé d'affaires")
    ('ministry-of-foreign-affairs-prc', 'urumqi', 'charge-d-affaires')
    >>> slug("周恩来")
    'h-3a984a00fe23'
    >>> len(slug("word " * 40)) <= MAX_LENGTH
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    value = _RUNS.sub("-", stripped.casefold()).strip("-")
    if not value:
        return f"h-{digest(text)}"
    if len(value) > MAX_LENGTH:
        value = f"{value[: MAX_LENGTH - 13].rstrip('-')}-{digest(text)}"
    return value
