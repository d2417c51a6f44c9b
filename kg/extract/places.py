"""Places in running text: the offline gazetteer, the authority's place names, and capitalised names
followed by a geographical word ("Naktong River"); editorial variants in brackets are kept with them.
"""

from __future__ import annotations

import re

from kg.extract.gazetteer import gazetteer
from kg.extract.lexicon import DEMONYMS, FEATURE_WORDS, NOT_NAMES
from kg.extract.people import MAX_NAME
from kg.extract.scan import Scan, key
from kg.extract.tokens import CONNECTORS, Token
from kg.model import Mention


def find_places(scan: Scan) -> None:
    tokens = scan.tokens
    index = 0
    while index < len(tokens):
        consumed = _place_at(scan, index)
        index = consumed if consumed else index + 1


def _place_at(scan: Scan, index: int) -> int | None:
    tokens = scan.tokens
    if not (tokens[index].capitalised and tokens[index].word):
        return None
    for length in range(MAX_NAME, 0, -1):
        last = index + length - 1
        if last >= len(tokens) or not all(t.word and (t.capitalised or t.text in CONNECTORS)
                                          for t in tokens[index : last + 1]):
            continue
        if tokens[last].text in CONNECTORS:
            continue
        printed = scan.text[tokens[index].start : tokens[last].end]
        bare = re.sub(r"['\u2019]s$", "", printed)
        place = _place_name(scan, bare) or _feature(tokens, index, last, bare)
        if place is None:
            continue
        name, geonameid = place
        end = last
        if end + 3 < len(tokens) and tokens[end + 1].text == "[" and tokens[end + 3].text == "]":
            end += 3
        start_offset, end_offset = tokens[index].start, tokens[end].end
        if not scan.persons.free(start_offset, end_offset):
            return None
        scan.add(Mention("place", scan.text[start_offset:end_offset], start_offset, end_offset, name,
                         method="gazetteer" if geonameid else "authority", confidence=0.85,
                         source=scan.source, geonameid=geonameid), take=False)
        return end + 1
    return None


def _feature(tokens: list[Token], index: int, last: int, printed: str) -> tuple[str, None] | None:
    """A capitalised name followed by a geographical word: "Naktong River", "Taiwan Strait"."""
    if last > index and tokens[last].text in FEATURE_WORDS and tokens[index].bare not in NOT_NAMES:
        return printed, None
    return None


def _place_name(scan: Scan, printed: str) -> tuple[str, str | None] | None:
    if printed in NOT_NAMES or printed in DEMONYMS:
        return None
    if key(printed) in scan.known.places:
        return printed, None
    found = gazetteer().find(printed)
    if found is None:
        return None
    return printed, found.geonameid
