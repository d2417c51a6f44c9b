"""Tokens of running text with their offsets, and the runs of capitalised words names are made of.

>>> [t.text for t in tokenize("Comrade N.V. Roshchin's note [to Zhou].")]
['Comrade', 'N.V.', "Roshchin's", 'note', '[', 'to', 'Zhou', ']', '.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,3}"                               # N.V.
    r"|[A-Z]{2,}\([a-z]\)"                            # VKP(b)
    r"|[^\W_](?:[\w'\u2019\-]*[^\W_])?(?:(?<=s)['\u2019](?![\w]))?"  # words, Workers'
    r"|\S"
)
ABBREVIATIONS = frozenset({"cde", "mr", "mrs", "ms", "dr", "gen", "col", "st", "lt", "maj", "capt", "messrs"})
#: Lower-case words that may sit inside a name ("Ho Chi Minh", "Ministry of the Interior").
CONNECTORS = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "von", "van", "der", "la", "du", "al"})


@dataclass(frozen=True)
class Token:
    """A word, initial or punctuation mark and its half-open span ``[start, end)``."""

    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def initial(self) -> bool:
        """"N.", "Yu.", "N.V." -- a capitalised abbreviation of a given name."""
        return self.text.endswith(".") and self.text[:1].isupper() and len(self.text.replace(".", "")) <= 3

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        return re.sub(r"['\u2019]s$", "", self.text)


def tokenize(text: str) -> list[Token]:
    """Tokens with offsets; initials and known abbreviations keep their full stop."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group(0)
        if end < len(text) and text[end] == "." and word[:1].isalpha() and not word.endswith("."):
            if (len(word) <= 2 and word[:1].isupper()) or word.lower() in ABBREVIATIONS:
                end += 1
        if tokens and start < tokens[-1].end:
            continue
        tokens.append(Token(text[start:end], start, end))
    return tokens


def same_line_gap(text: str, left: Token, right: Token) -> bool:
    """Whether two tokens are separated by one space at most (not a column gap or a line break)."""
    gap = text[left.end : right.start]
    return gap in ("", " ")
