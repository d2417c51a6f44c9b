"""The kind of a document (cable, minutes, letter...) read from its title, else from its text.

The kind is the head noun of the title: the *earliest* type word wins, so
"Report on the Memorandum ..." is a Report and "Draft Letter ..." a Draft.

>>> kind_of("Cable from the Chinese Foreign Ministry, 'Representations ...'")
'Cable'
>>> kind_of("Record of Conversation between Zhou Enlai and Chervonenko")
'RecordOfConversation'
>>> kind_of("Untitled", "To: Moscow\\nLevel: Urgent\\nDispatch No. 12")
'Telegram'
"""

from __future__ import annotations

import re

#: (pattern, class local name); multi-word patterns come first so they win ties.
_TITLE_WORDS: tuple[tuple[str, str], ...] = (
    (r"memorand(?:um|a) of (?:a |the )?conversations?", "MemorandumOfConversation"),
    (r"records? of (?:a |the )?(?:conversations?|talks?|discussions?)", "RecordOfConversation"),
    (r"minutes", "Minutes"),
    (r"drafts?", "Draft"),
    (r"cables?", "Cable"),
    (r"telegrams?|ciphered telegrams?|wires?", "Telegram"),
    (r"memorand(?:um|a)|memos?|aide[- ]m[ée]moires?", "Memorandum"),
    (r"letters?", "Letter"),
    (r"notes?|verbal notes?|notes? verbale", "Note"),
    (r"reports?", "Report"),
    (r"statements?|declarations?|communiqu[ée]s?", "Statement"),
    (r"speech(?:es)?|remarks|address", "Speech"),
    (r"diary|diaries|journal entry", "Diary"),
    (r"instructions?|directives?", "Instruction"),
)
_COMPILED = [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), kind) for pattern, kind in _TITLE_WORDS]
_TELEGRAM_FORM = re.compile(r"^\s*(?:Level|Dispatch No|Receiver)\b", re.IGNORECASE | re.MULTILINE)
_MINUTES_FORM = re.compile(r"^\s*(?:Venue|Interpreter|Minutes prepared)\b", re.IGNORECASE | re.MULTILINE)

#: Every document class the vocabulary defines below ``dip:Document``.
KINDS = tuple(dict.fromkeys(kind for _, kind in _TITLE_WORDS))


def kind_of(title: str, body: str = "") -> str:
    """The ``dip:`` class local name for a document, ``Document`` if nothing fits."""
    hits = [(match.start(), rank, kind) for rank, (pattern, kind) in enumerate(_COMPILED)
            for match in [pattern.search(title)] if match]
    if hits:
        return min(hits)[2]
    head = body[:2000]
    if _TELEGRAM_FORM.search(head):
        return "Telegram"
    if _MINUTES_FORM.search(head):
        return "Minutes"
    return "Document"
