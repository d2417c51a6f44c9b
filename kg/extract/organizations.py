"""Organisations in running text: a head word ("Ministry", "Embassy", "Committee") extended over
capitalised modifiers and "of the ..." phrases, or a national adjective before a lower-case head.
"""

from __future__ import annotations

import re

from kg.extract.gazetteer import gazetteer
from kg.extract.lexicon import (
    DEMONYMS,
    LEFT_STOPS,
    LOWER_HEADS,
    ORG_ACRONYMS,
    ORG_HEADS,
)
from kg.extract.names import readings, tidy
from kg.extract.scan import Scan, key
from kg.extract.tokens import CONNECTORS, Token, same_line_gap
from kg.model import Mention


def find_organizations(scan: Scan) -> None:
    """Every organisation named in the scanned text."""
    _headed(scan)
    _lower_heads(scan)
    _known_names(scan)


def _known_names(scan: Scan) -> None:
    """Organisations the authority knows by a name without a head word: "Pravda", "Chosŏn Nodongdang"."""
    tokens = scan.tokens
    for index, token in enumerate(tokens):
        if not (token.capitalised and token.word):
            continue
        for length in range(6, 0, -1):
            last = index + length - 1
            if last >= len(tokens) or tokens[last].text in CONNECTORS or \
                    not all(t.word and (t.capitalised or t.text in CONNECTORS) for t in tokens[index : last + 1]):
                continue
            start, end = token.start, tokens[last].end
            if key(scan.text[start:end]) in scan.known.organizations and scan.free(start, end) and \
                    tokens[last].bare not in ORG_HEADS:
                printed = scan.text[start:end]
                scan.add(Mention("organization", printed, start, end, readings(printed)[0], source=scan.source,
                                 method="authority", confidence=0.9))
                break


def _headed(scan: Scan) -> None:
    tokens = scan.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.bare in ORG_HEADS and token.capitalised or token.bare in ORG_ACRONYMS:
            index = _last_head(scan, index)
            first, last = _org_left(scan, index), _org_right(scan, index)
            if tokens[first].bare in ORG_HEADS or first < index or last > index or token.bare in ORG_ACRONYMS:
                _add_org(scan, first, last)
                index = last + 1
                continue
        index += 1


def _last_head(scan: Scan, index: int) -> int:
    """Move to the last head word of a run: "Party Committee", "Party Central Committee"."""
    tokens, best, probe = scan.tokens, index, index
    while probe + 1 < len(tokens) and probe - index < 3 and tokens[probe + 1].capitalised and \
            tokens[probe + 1].word and same_line_gap(scan.text, tokens[probe], tokens[probe + 1]):
        probe += 1
        if tokens[probe].bare in ORG_HEADS:
            best = probe
    return best


def _org_left(scan: Scan, index: int) -> int:
    """Extend leftwards over capitalised modifiers and an editor's bracketed completion."""
    tokens, first = scan.tokens, index
    while first > 0 and index - first < 9:
        previous = tokens[first - 1]
        if previous.text in ("[", "]"):
            first -= 1
            continue
        if not (previous.capitalised and previous.word) or not same_line_gap(scan.text, previous, tokens[first]) \
                or previous.bare in LEFT_STOPS:
            break
        first -= 1
    while first < index and tokens[first].text == "]":
        first += 1
    if tokens[first].text == "[" and "]" not in [t.text for t in tokens[first : index + 1]]:
        first += 1
    return first


def _org_right(scan: Scan, index: int) -> int:
    """Extend over "of the People's Republic of China", "(b)", "in the Soviet Union" chains."""
    tokens, last = scan.tokens, index
    while last + 2 < len(tokens) and tokens[last + 1].text in ("of", "for", "in", "at", "with"):
        probe = last + 2
        if tokens[probe].text == "the" and probe + 1 < len(tokens):
            probe += 1
        run = probe
        while run < len(tokens) and (tokens[run].capitalised and tokens[run].word or tokens[run].text in ("[", "]")
                                     or _inner_and(tokens, run)) \
                and tokens[run].text not in ("I",) and same_line_gap(scan.text, tokens[run - 1], tokens[run]):
            run += 1
        if run == probe:
            break
        last = run - 1
    while tokens[last].text in ("[", "]") and last > index:
        last -= 1
    return last


def _inner_and(tokens: list[Token], index: int) -> bool:
    """An "and" inside a name ("Communist and Workers' Parties"), not between two organisations."""
    return tokens[index].text == "and" and index + 1 < len(tokens) and tokens[index + 1].capitalised and \
        tokens[index + 1].bare not in ORG_HEADS and (index + 2 >= len(tokens) or tokens[index + 2].bare not in ORG_HEADS)


def _lower_heads(scan: Scan) -> None:
    """"the Soviet consulate in Yining", "the Chinese government": a national adjective and a lower-case head."""
    tokens = scan.tokens
    for index in range(1, len(tokens)):
        qualifier = tokens[index - 1]
        if tokens[index].text in LOWER_HEADS and qualifier.text == "the":
            _of_state(scan, index)
            continue
        if tokens[index].text not in LOWER_HEADS or not (
                qualifier.text in DEMONYMS or key(qualifier.text) in scan.known.places or
                (qualifier.capitalised and gazetteer().find(qualifier.text) is not None)):
            continue
        first, last = index - 1, index
        while first > 0 and tokens[first - 1].text in DEMONYMS and same_line_gap(scan.text, tokens[first - 1], tokens[first]):
            first -= 1
        if last + 1 < len(tokens) and tokens[last + 1].text == "general":
            last += 1
        places = []
        if last + 2 < len(tokens) and tokens[last + 1].text in ("in", "at") and tokens[last + 2].capitalised:
            last += 2
            places.append(tokens[last].bare)
            while last + 2 < len(tokens) and tokens[last + 1].text in ("and", ",") and tokens[last + 2].capitalised \
                    and tokens[index].text.endswith("s"):
                last += 2
                places.append(tokens[last].bare)
        start, end = tokens[first].start, tokens[last].end
        if not scan.free(start, end):
            continue
        printed = scan.text[start:end]
        if len(places) < 2:
            scan.add(Mention("organization", printed, start, end, tidy(printed), source=scan.source, confidence=0.6))
            continue
        # "the Soviet consulates general in Urumqi and Yining": one organisation per place
        singular = " ".join(t.text for t in tokens[first : index]) + " " + tokens[index].text.removesuffix("s")
        general = " general" if tokens[index + 1].text == "general" else ""
        for place in places:
            scan.add(Mention("organization", printed, start, end, f"{singular}{general} in {place}",
                             source=scan.source, confidence=0.6))


def _of_state(scan: Scan, index: int) -> None:
    """"the consulates general of the USSR in Urumqi and Kuldja [Yining]": one organisation per place."""
    text = scan.text[scan.tokens[index].start :]
    match = re.match(r"(?P<head>\w+?)s?(?P<general>\s+general)?\s+of\s+(?:the\s+)?(?P<state>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
                     r"\s+in\s+(?P<places>[A-Z][^,.;:]*?(?:\s+and\s+[A-Z][\w\[\] ]*?)?)(?=[,.;:]|\s+(?:cease|be|were|are|was|is)\b|$)",
                     text)
    if match is None:
        return
    start, end = scan.tokens[index].start, scan.tokens[index].start + match.end()
    if not scan.free(start, end):
        return
    printed = scan.text[start:end]
    places = [p.strip() for p in re.split(r"\s+and\s+|,\s*", match["places"]) if p.strip()]
    head = match["head"].capitalize() + (" General" if match["general"] else "")
    for place in places:
        scan.add(Mention("organization", printed, start, end, f"{head} of the {match['state']} in {readings(place)[0]}",
                         source=scan.source, confidence=0.6))


def _add_org(scan: Scan, first: int, last: int) -> None:
    tokens = scan.tokens
    if tokens[first].text == "the":
        first += 1
    start, end = tokens[first].start, tokens[last].end
    printed = scan.text[start:end]
    if not scan.free(start, end) or key(printed) in {"soviet union", "united states", "people s republic of china"}:
        return
    for piece_start, piece_end in _split_and(scan, start, end):
        piece = scan.text[piece_start:piece_end]
        scan.add(Mention("organization", piece, piece_start, piece_end, readings(piece)[0], source=scan.source))
        _add_nested(scan, piece_start, piece_end)


def _add_nested(scan: Scan, start: int, end: int) -> None:
    """Organisations named inside another's name: the party of "Central Committee of the Korean Workers'
    Party", the "CPSU" of "CC CPSU". They overlap the outer mention, as the text names both."""
    text = scan.text[start:end]
    inner = re.search(r"\bof\s+(?:the\s+)?(?P<org>(?:[A-Z][\w'\u2019()-]*\s+)*?(?:%s)\b[\w'\u2019()]*)$"
                      % "|".join(sorted(ORG_HEADS | ORG_ACRONYMS, key=len, reverse=True)).replace("(", "\\(").replace(")", "\\)"),
                      text)
    spans = [(start + inner.start("org"), start + inner.end("org"))] if inner and inner.start("org") > 0 else []
    spans += [(start + m.start(), start + m.end()) for m in re.finditer(r"\b[A-Z]{3,}(?:\([a-z]\))?", text)
              if m.group(0) in ORG_ACRONYMS and (m.start(), m.end()) != (0, len(text))]
    spans += [(start + m.start(), start + m.end()) for m in re.finditer(r"\bCC\s+[A-Z]{3,}(?:\([a-z]\))?|\b[A-Z]{3,}\s+CC\b", text)
              if (m.start(), m.end()) != (0, len(text))]  # a party's central committee: "CC CPSU", "KWP CC"
    for inner_start, inner_end in dict.fromkeys(spans):
        printed = scan.text[inner_start:inner_end]
        scan.add(Mention("organization", printed, inner_start, inner_end, readings(printed)[0], source=scan.source,
                         confidence=0.7), take=False)


def _split_and(scan: Scan, start: int, end: int) -> list[tuple[int, int]]:
    """"Ministry of Foreign Affairs and Ministry of Public Security" is two organisations."""
    text = scan.text[start:end]
    for match in re.finditer(r"\s+and\s+(?=(?:the\s+)?(?:[A-Z]\w*\s+){0,3}(?:%s)\b)" % "|".join(ORG_HEADS), text):
        left = text[: match.start()]
        if any(re.search(rf"\b{head}\b", left) for head in ORG_HEADS):
            return [(start, start + match.start()), (start + match.end(), end)]
    return [(start, end)]
