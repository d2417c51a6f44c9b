"""People in running text: a title or honorific before a name, initials before a surname, a
family-name-first name, or a name the authority file knows.
"""

from __future__ import annotations

import re

from kg.extract.gazetteer import gazetteer
from kg.extract.lexicon import DEMONYMS, GIVEN_NAMES, NOT_NAMES, ORG_HEADS, TITLES
from kg.extract.names import FAMILY_FIRST, tidy
from kg.extract.scan import Scan, key
from kg.extract.tokens import Token, same_line_gap
from kg.model import Mention

_TITLE_WORDS = {title: title.split() for title in TITLES}
#: The longest name, in words.
MAX_NAME = 4


def find_persons(scan: Scan) -> None:
    tokens = scan.tokens
    index = 0
    while index < len(tokens):
        consumed = (_titled(scan, index) or _completed(scan, index) or _initials(scan, index) or _family_first(scan, index)
                    or _known(scan, index) or _given_name(scan, index) or _bracketed_holder(scan, index))
        index = consumed if consumed else index + 1
    _by_clauses(scan)
    _coordinated(scan)


#: "Drafted by McSweeney and Veliotes", "approved by Parsons": the clearance lines of a source note.
_BY_CLAUSE = re.compile(r"\b(?:[Dd]rafted|[Aa]pproved|[Cc]leared|[Ss]igned|[Ii]nitialed|[Tt]ransmitted)"
                        r"(?:\s+in\s+\w+)?\s+by\s+")


def _by_clauses(scan: Scan) -> None:
    tokens = scan.tokens
    starts = {token.start: index for index, token in enumerate(tokens)}
    for match in _BY_CLAUSE.finditer(scan.text):
        index = starts.get(match.end())
        if index is not None and _title_at(scan, index) is not None:
            continue  # "Drafted by Deputy Director of the Office of ...": a post, not a name
        while index is not None and index < len(tokens) and _name_word(scan, index):
            last = index
            while _name_word(scan, last + 1) and same_line_gap(scan.text, tokens[last], tokens[last + 1]):
                last += 1
            _add_person(scan, index, last, (), "pattern", 0.8)
            index = last + 2 if last + 2 < len(tokens) and tokens[last + 1].text in ("and", ",") else None


def _coordinated(scan: Scan) -> None:
    """Surnames listed or paired with a person ("Rusk, Thompson, Harriman, and Bundy"; "between Rusk and
    Kennedy"; "from Rusk to Kennedy") are people too."""
    tokens = scan.tokens
    people = {m.start for m in scan.found if m.kind == "person"}
    changed = True
    while changed:
        changed = False
        for index, token in enumerate(tokens):
            if token.start in people or not _surname_like(scan, index):
                continue
            if any(tokens[n].start in people and _surname_like(scan, n, listed=True) for n in _coordinates(tokens, index)):
                _add_person(scan, index, index, (), "coreference", 0.6)
                people.add(token.start)
                changed = True


def _surname_like(scan: Scan, index: int, listed: bool = False) -> bool:
    """A single capitalised word shaped like a family name, not a place, an acronym or a title."""
    token = scan.tokens[index]
    if listed:
        return token.word and token.capitalised
    return (_name_word(scan, index) and token.text[1:].islower() and len(token.bare) > 2 and token.bare not in DEMONYMS
            and _title_at(scan, index) is None and key(token.bare) not in scan.known.places
            and gazetteer().find(token.bare) is None)


def _coordinates(tokens: list[Token], index: int) -> list[int]:
    """Words joined to ``index`` as a pair ("X and Y", "from X to Y") or within a list ending "..., and Z"."""
    found = []
    for step in (-2, 2):
        joint, other = index + step // 2, index + step
        if 0 <= other < len(tokens) and 0 <= joint < len(tokens) and tokens[joint].text in ("and", "to"):
            found.append(other)
    in_list = _list_end(tokens, index) is not None
    for step in (-2, 2):
        joint, other = index + step // 2, index + step
        if in_list and 0 <= other < len(tokens) and tokens[joint].text == ",":
            found.append(other)
    return found


def _list_end(tokens: list[Token], index: int) -> int | None:
    """The index of the last item of the comma list ``index`` belongs to, if it closes with ", and"."""
    probe = index
    while probe + 2 < len(tokens) and tokens[probe + 1].text == ",":
        if tokens[probe + 2].text == "and" and probe + 3 < len(tokens):
            return probe + 3
        probe += 2
    return None


def _title_at(scan: Scan, index: int) -> tuple[str, int] | None:
    """The longest title starting at ``index`` and the index after it."""
    tokens = scan.tokens
    for title, words in _TITLE_WORDS.items():
        end = index + len(words)
        if end <= len(tokens) and [t.text for t in tokens[index:end]] == words:
            return title, end
    return None


def _titled(scan: Scan, index: int) -> int | None:
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
        at_end = probe >= len(tokens)
        if probe - (after + 1) >= 2 and tokens[probe - 1].bare not in NOT_NAMES and \
                (at_end or (tokens[probe].text != "[" and not _name_start(scan, probe, strict=True))):
            probe -= 1  # "Secretary of Defense McNamara": the last word of the run is the holder's name
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


def _name_start(scan: Scan, index: int, strict: bool = False) -> bool:
    token = scan.tokens[index]
    if token.initial:
        return True
    if strict:
        return key(token.bare) in scan.known.persons or token.bare.lower() in FAMILY_FIRST
    return token.capitalised and token.word and token.bare not in NOT_NAMES


def _name_run(scan: Scan, index: int) -> tuple[int, int] | None:
    """Up to four name words (initials, capitalised words, a bracketed completion) from ``index``."""
    tokens = scan.tokens
    if index >= len(tokens) or not _name_start(scan, index) or _title_at(scan, index) is not None:
        return None
    last = index
    while last + 1 < len(tokens) and last - index < MAX_NAME:
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


def _initials(scan: Scan, index: int) -> int | None:
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
    if _name_word(scan, last + 1) and same_line_gap(scan.text, surname, tokens[last + 1]) and surname.text == surname.bare:
        last += 1  # "J. Graham Parsons"
    first = index
    if index > 0 and _name_word(scan, index - 1) and same_line_gap(scan.text, tokens[index - 1], tokens[index]):
        first = index - 1  # "John F. Kennedy"
    _add_person(scan, first, last, (), "pattern", 0.85)
    return last + 1


def _completed(scan: Scan, index: int) -> int | None:
    """"[Stepan V.] Chervonenko": the editor's completion of a name, then the name as printed."""
    tokens = scan.tokens
    if tokens[index].text != "[":
        return None
    close = index + 1
    while close < len(tokens) and (tokens[close].initial or _name_word(scan, close)) and close - index <= 3:
        close += 1
    if close == index + 1 or close + 1 >= len(tokens) or tokens[close].text != "]" or \
            not _name_word(scan, close + 1):
        return None
    _add_person(scan, index, close + 1, (), "pattern", 0.8)
    return close + 2


def _given_name(scan: Scan, index: int) -> int | None:
    """"Fidel Castro", "Dean Rusk": a common given name, then a family name."""
    tokens = scan.tokens
    if tokens[index].text not in GIVEN_NAMES or not _name_word(scan, index + 1) or \
            not same_line_gap(scan.text, tokens[index], tokens[index + 1]):
        return None
    last = index + 1
    if _name_word(scan, last + 1) and same_line_gap(scan.text, tokens[last], tokens[last + 1]) and \
            tokens[last].text == tokens[last].bare and tokens[last + 1].text[:1].isupper() and \
            (last + 2 >= len(tokens) or tokens[last + 2].text in ".,;:)'\u2019" or not tokens[last + 2].capitalised):
        last += 1
    _add_person(scan, index, last, (), "pattern", 0.75)
    return last + 1


def _bracketed_holder(scan: Scan, index: int) -> int | None:
    """"the Assistant Secretary of State for Far Eastern Affairs (Parsons)": a post, then the holder in brackets."""
    tokens = scan.tokens
    if tokens[index].text != "(" or index + 2 >= len(tokens):
        return None
    last = index + 1
    while last < len(tokens) and _name_word(scan, last) and last - index <= 2:
        last += 1
    if last == index + 1 or last >= len(tokens) or tokens[last].text != ")":
        return None
    if not any(t.text in _TITLE_WORDS or t.text.split("-")[0] in _TITLE_WORDS for t in tokens[max(0, index - 10) : index]):
        return None
    _add_person(scan, index + 1, last - 1, (), "pattern", 0.8)
    return last + 1


def _name_word(scan: Scan, index: int) -> bool:
    """A capitalised word that can be part of a personal name."""
    if index < 0 or index >= len(scan.tokens):
        return False
    token = scan.tokens[index]
    return token.capitalised and token.word and not token.initial and token.bare not in NOT_NAMES and \
        token.bare not in ORG_HEADS and token.bare not in DEMONYMS and scan.free(token.start, token.end) and \
        token.text not in _TITLE_WORDS


def _family_first(scan: Scan, index: int) -> int | None:
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
    if last + 3 < len(tokens) and tokens[last + 1].text == "[" and tokens[last + 3].text == "]" and \
            tokens[last + 2].capitalised:
        last += 3  # "Feng Xi [Stalin]": a cover name and the editor's identification
    _add_person(scan, index, last, (), "pattern", 0.8)
    return last + 1


def _known(scan: Scan, index: int) -> int | None:
    """A name the authority knows, matched over one to four words (any case)."""
    tokens = scan.tokens
    for length in range(MAX_NAME, 0, -1):
        last = index + length - 1
        if last >= len(tokens) or not all(t.word or t.initial for t in tokens[index : last + 1]):
            continue
        printed = scan.text[tokens[index].start : tokens[last].end]
        if not tokens[index].capitalised or key(printed) not in scan.known.persons:
            continue
        _add_person(scan, index, last, (), "authority", 0.9)
        return last + 1
    return None


def _add_person(scan: Scan, first: int, last: int, titles: tuple[str, ...], method: str, confidence: float) -> None:
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
        name = " ".join(part.capitalize() if len(part) > 1 else part for part in name.split())
    return tidy(name)
