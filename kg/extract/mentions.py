"""Mentions of people, organisations and places in one text, each with its exact span.

Rules, not a statistical model: organisations are found by the word that heads
their name ("Ministry", "Embassy", "Committee"...) extended over capitalised
modifiers and "of the ..." phrases; people by a title or honorific before the
name, initials before a surname, a family-name-first name, or a name the
caller already knows; places by the offline gazetteer and known place names,
editorial variants in brackets included ("Wulumqi [Urumqi]"). Place mentions
may sit inside an organisation's name; people never overlap anything else.

>>> found = find_mentions("Vice Minister Zhang Hanfu met Ambassador of the Soviet Union [Stepan Chervonenko] in Beijing.")
>>> [(m.kind, m.name, m.text) for m in found]
[('person', 'Zhang Hanfu', 'Zhang Hanfu'), ('person', 'Stepan Chervonenko', 'Stepan Chervonenko'), ('place', 'Beijing', 'Beijing')]
>>> found[0].titles, found[1].titles
(('Vice Minister',), ('Ambassador of the Soviet Union',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.gazetteer import gazetteer
from kg.extract.lexicon import DEMONYMS, LEFT_STOPS, NOT_NAMES, ORG_ACRONYMS, ORG_HEADS, TITLES
from kg.extract.names import FAMILY_FIRST, readings, tidy
from kg.extract.tokens import CONNECTORS, Token, same_line_gap, tokenize
from kg.model import Mention

_TITLE_WORDS = {title: title.split() for title in TITLES}
_MAX_NAME = 4


@dataclass(frozen=True)
class KnownNames:
    """Names the caller already knows (from the authority file), by kind, as folded keys."""

    persons: frozenset[str] = frozenset()
    organizations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


def key(name: str) -> str:
    """Folded comparison key of a name.

    >>> key("Chervonenko's"), key("KIM IL SUNG")
    ('chervonenko', 'kim il sung')
    """
    return re.sub(r"\s+", " ", re.sub(r"['\u2019]s\b|[^\w\s]", " ", name.casefold())).strip()


@dataclass
class _Scan:
    text: str
    tokens: list[Token]
    source: str
    known: KnownNames
    taken: list[tuple[int, int]] = field(default_factory=list)
    found: list[Mention] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def add(self, mention: Mention, take: bool = True) -> None:
        self.found.append(mention)
        if take:
            self.taken.append((mention.start, mention.end))


def find_mentions(text: str, source: str = "body", known: KnownNames = KnownNames()) -> list[Mention]:
    """Every person, organisation and place mention in ``text``, in text order."""
    scan = _Scan(text, tokenize(text), source, known)
    _organizations(scan)
    _persons(scan)
    _places(scan)
    return sorted(scan.found, key=lambda m: (m.start, m.end, m.kind))


def _mention(scan: _Scan, kind: str, first: Token, last: Token, name: str, **extra: object) -> Mention:
    return Mention(kind, scan.text[first.start : last.end], first.start, last.end, tidy(name), source=scan.source,
                   **extra)  # type: ignore[arg-type]


# --- organisations -----------------------------------------------------------------------------

def _organizations(scan: _Scan) -> None:
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


def _last_head(scan: _Scan, index: int) -> int:
    """Move to the last head word of a run: "Party Committee", "Party Central Committee"."""
    tokens, best, probe = scan.tokens, index, index
    while probe + 1 < len(tokens) and probe - index < 3 and tokens[probe + 1].capitalised and \
            tokens[probe + 1].word and same_line_gap(scan.text, tokens[probe], tokens[probe + 1]):
        probe += 1
        if tokens[probe].bare in ORG_HEADS:
            best = probe
    return best


def _org_left(scan: _Scan, index: int) -> int:
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


def _org_right(scan: _Scan, index: int) -> int:
    """Extend over "of the People's Republic of China", "(b)", "in the Soviet Union" chains."""
    tokens, last = scan.tokens, index
    while last + 2 < len(tokens) and tokens[last + 1].text in ("of", "for", "in", "on", "at"):
        probe = last + 2
        if tokens[probe].text == "the" and probe + 1 < len(tokens):
            probe += 1
        run = probe
        while run < len(tokens) and (tokens[run].capitalised and tokens[run].word or tokens[run].text in ("[", "]")) \
                and tokens[run].text not in ("I",) and same_line_gap(scan.text, tokens[run - 1], tokens[run]):
            run += 1
        if run == probe:
            break
        last = run - 1
    while tokens[last].text in ("[", "]") and last > index:
        last -= 1
    return last


def _add_org(scan: _Scan, first: int, last: int) -> None:
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


def _split_and(scan: _Scan, start: int, end: int) -> list[tuple[int, int]]:
    """"Ministry of Foreign Affairs and Ministry of Public Security" is two organisations."""
    text = scan.text[start:end]
    for match in re.finditer(r"\s+and\s+(?=(?:the\s+)?(?:[A-Z]\w*\s+){0,3}(?:%s)\b)" % "|".join(ORG_HEADS), text):
        left = text[: match.start()]
        if any(re.search(rf"\b{head}\b", left) for head in ORG_HEADS):
            return [(start, start + match.start()), (start + match.end(), end)]
    return [(start, end)]


# --- people --------------------------------------------------------------------------------------

def _persons(scan: _Scan) -> None:
    tokens = scan.tokens
    index = 0
    while index < len(tokens):
        consumed = _titled(scan, index) or _initials(scan, index) or _family_first(scan, index) or _known(scan, index)
        index = consumed if consumed else index + 1


def _title_at(scan: _Scan, index: int) -> tuple[str, int] | None:
    """The longest title starting at ``index`` and the index after it."""
    tokens = scan.tokens
    for title, words in _TITLE_WORDS.items():
        end = index + len(words)
        if end <= len(tokens) and [t.text for t in tokens[index:end]] == words:
            return title, end
    return None


def _titled(scan: _Scan, index: int) -> int | None:
    """"Vice Minister Zhang Hanfu", "Soviet Ambassador to China Chervonenko", "Ambassador of X [Name]"."""
    tokens = scan.tokens
    start = index
    if tokens[index].text in DEMONYMS and index + 1 < len(tokens) and _title_at(scan, index + 1):
        index += 1
    found = _title_at(scan, index)
    if found is None:
        return None
    title, after = found
    phrase_end = after
    if after + 1 < len(tokens) and tokens[after].text in ("of", "to", "in"):
        probe = after + 1 + (tokens[after + 1].text == "the")
        while probe < len(tokens) and tokens[probe].capitalised and tokens[probe].word and \
                same_line_gap(scan.text, tokens[probe - 1], tokens[probe]) and \
                not _name_start(scan, probe, strict=True):
            probe += 1
        phrase_end = probe
    name_at = phrase_end + (phrase_end < len(tokens) and tokens[phrase_end].text == "[")
    if name_at >= len(tokens) or not same_line_gap(scan.text, tokens[name_at - 1], tokens[name_at]):
        return None
    name = _name_run(scan, name_at)
    if name is None:
        return None
    first, last = name
    printed_title = scan.text[tokens[start].start : tokens[phrase_end - 1].end]
    _add_person(scan, first, last, (tidy(printed_title),), "pattern", 0.9)
    return last + 1


def _name_start(scan: _Scan, index: int, strict: bool = False) -> bool:
    token = scan.tokens[index]
    if token.initial:
        return True
    if strict:
        return key(token.bare) in scan.known.persons or token.bare.lower() in FAMILY_FIRST
    return token.capitalised and token.word and token.bare not in NOT_NAMES


def _name_run(scan: _Scan, index: int) -> tuple[int, int] | None:
    """Up to four name words (initials, capitalised words, a bracketed completion) from ``index``."""
    tokens = scan.tokens
    if index >= len(tokens) or not _name_start(scan, index):
        return None
    last = index
    while last + 1 < len(tokens) and last - index < _MAX_NAME:
        following = tokens[last + 1]
        if following.text == "[" and last + 3 < len(tokens) and tokens[last + 3].text == "]" and \
                tokens[last + 2].capitalised:
            last += 3
            continue
        if not (following.capitalised and following.word) or following.bare in NOT_NAMES or \
                following.bare in ORG_HEADS or not same_line_gap(scan.text, tokens[last], following) or \
                tokens[last].text != tokens[last].bare:
            break
        last += 1
    if last + 1 < len(tokens) and tokens[last + 1].text == "]" and index > 0 and tokens[index - 1].text == "[":
        pass
    return index, last


def _initials(scan: _Scan, index: int) -> int | None:
    """"N. V. Roshchin", "Yu. Andropov", "I.V. Stalin"."""
    tokens = scan.tokens
    last = index
    while last < len(tokens) and tokens[last].initial and last - index < 3:
        last += 1
    if last == index or last >= len(tokens):
        return None
    surname = tokens[last]
    if not (surname.capitalised and surname.word and len(surname.bare) > 2) or surname.bare in NOT_NAMES:
        return None
    _add_person(scan, index, last, (), "pattern", 0.85)
    return last + 1


def _family_first(scan: _Scan, index: int) -> int | None:
    """"Zhou Enlai", "Kim Il Sung", "Pak Jeong-ae": a family name that comes first, then the given name."""
    tokens = scan.tokens
    token = tokens[index]
    if not token.capitalised or token.bare.lower() not in FAMILY_FIRST or index + 1 >= len(tokens):
        return None
    given = tokens[index + 1]
    if not (given.capitalised and given.word) or given.bare in NOT_NAMES or given.bare in ORG_HEADS or \
            given.bare in DEMONYMS or not same_line_gap(scan.text, token, given) or token.text != token.bare:
        return None
    last = index + 1
    if last + 1 < len(tokens) and tokens[last + 1].capitalised and len(tokens[last + 1].bare) <= 4 and \
            tokens[last + 1].bare not in NOT_NAMES and same_line_gap(scan.text, given, tokens[last + 1]) and \
            given.text == given.bare:
        last += 1
    _add_person(scan, index, last, (), "pattern", 0.8)
    return last + 1


def _known(scan: _Scan, index: int) -> int | None:
    """A name the authority knows, matched over one to four words (any case)."""
    tokens = scan.tokens
    for length in range(_MAX_NAME, 0, -1):
        last = index + length - 1
        if last >= len(tokens) or not all(t.word or t.initial for t in tokens[index : last + 1]):
            continue
        printed = scan.text[tokens[index].start : tokens[last].end]
        if not tokens[index].capitalised or key(printed) not in scan.known.persons:
            continue
        _add_person(scan, index, last, (), "authority", 0.9)
        return last + 1
    return None


def _add_person(scan: _Scan, first: int, last: int, titles: tuple[str, ...], method: str, confidence: float) -> None:
    tokens = scan.tokens
    start, end = tokens[first].start, tokens[last].end
    if not scan.free(start, end):
        return
    printed = scan.text[start:end]
    name = _person_name(printed)
    if not name or name in NOT_NAMES:
        return
    scan.add(Mention("person", printed, start, end, name, titles=titles, method=method, confidence=confidence,
                     source=scan.source))


def _person_name(printed: str) -> str:
    """The reading of a printed name: brackets as completions, possessive dropped, capitals tamed."""
    name = re.sub(r"\[\s*([^\]]+?)\s*\]", r"\1", printed)
    name = re.sub(r"['\u2019]s$", "", tidy(name))
    if name.isupper() and len(name) > 3:
        name = " ".join(part.capitalize() if len(part) > 2 else part for part in name.split())
    return tidy(name)


# --- places --------------------------------------------------------------------------------------

def _places(scan: _Scan) -> None:
    tokens = scan.tokens
    index = 0
    while index < len(tokens):
        consumed = _place_at(scan, index)
        index = consumed if consumed else index + 1


def _place_at(scan: _Scan, index: int) -> int | None:
    tokens = scan.tokens
    if not (tokens[index].capitalised and tokens[index].word):
        return None
    for length in range(_MAX_NAME, 0, -1):
        last = index + length - 1
        if last >= len(tokens) or not all(t.word and (t.capitalised or t.text in CONNECTORS)
                                          for t in tokens[index : last + 1]):
            continue
        if tokens[last].text in CONNECTORS:
            continue
        printed = scan.text[tokens[index].start : tokens[last].end]
        bare = re.sub(r"['\u2019]s$", "", printed)
        place = _place_name(scan, bare)
        if place is None:
            continue
        name, geonameid = place
        end = last
        if end + 3 < len(tokens) and tokens[end + 1].text == "[" and tokens[end + 3].text == "]":
            end += 3
        start_offset, end_offset = tokens[index].start, tokens[end].end
        if not all(end_offset <= s or start_offset >= e for s, e in
                   ((m.start, m.end) for m in scan.found if m.kind == "person")):
            return None
        scan.add(Mention("place", scan.text[start_offset:end_offset], start_offset, end_offset, name,
                         method="gazetteer" if geonameid else "authority", confidence=0.85,
                         source=scan.source, geonameid=geonameid), take=False)
        return end + 1
    return None


def _place_name(scan: _Scan, printed: str) -> tuple[str, str | None] | None:
    if printed in NOT_NAMES or printed in DEMONYMS:
        return None
    if key(printed) in scan.known.places:
        return printed, None
    found = gazetteer().find(printed)
    if found is None:
        return None
    return printed, found.geonameid
