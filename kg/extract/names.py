"""Names of people, organisations and places as printed: brackets, titles, inversion, kind.

Translated archival text marks editorial additions with square brackets:
"Wulumqi [Urumqi]" (the editor's variant), "[Xinjiang Uyghur] Autonomous
Region" (a completion). :func:`readings` gives every reading of such a name so
that reconciliation can match whichever one an authority knows.
"""

from __future__ import annotations

import re
import unicodedata

from kg.model import ActorKind, AgentName, Span

#: Titles and honorifics that precede a person's name (longest first when matching).
TITLES = (
    "Chargé d'affaires", "Charge d'affaires", "Chargé d’affaires", "First Secretary", "Vice Premier",
    "Vice Minister", "Deputy Minister", "Vice Chairman", "Deputy Director", "Prime Minister",
    "Foreign Minister", "General Secretary", "First Secretary", "Ambassador", "Minister", "Premier",
    "Chairman", "President", "General", "Marshal", "Director", "Secretary", "Counsellor", "Counselor",
    "Consul", "Comrades", "Comrade", "Cde.", "Cde", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs",
    "Respected", "Esteemed", "Dear",
)
_TITLE = re.compile(
    r"^(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")(?=\s)\s*"
)
#: Words that make a name an organisation.
ORG_WORDS = re.compile(
    r"\b(?:Ministry|Ministries|Department|Office|Embassy|Consulate|Legation|Mission|Committee|"
    r"Bureau|Government|Council|Party|Commission|Section|Division|Agency|Administration|Archives?|"
    r"Foundation|Corporation|Institute|Translations|Program(?:me)?|Project|Center|Centre|University|Presidium|"
    r"Politburo|Secretariat|Directorate|Command|Army|Headquarters|Inc|Ltd|Company|Brands|Press|"
    r"Association|Union of|Congress|Assembly|Cabinet|Staff)\b"
)
_TITLE_WORDS = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True) if not t.endswith("."))
_POST = re.compile(
    rf"^(?:[A-Z][\w'\u2019-]*\s+){{0,2}}?(?:{_TITLE_WORDS})(?:\s+a\.i\.)?"
    r"(?:\s+(?:of|in|to|at|for|with)\b.*)?\.?$"
)
#: A post followed by a name written with initials: "Soviet Ambassador in Beijing N. V. Roshchin".
_POST_THEN_NAME = re.compile(
    rf"^(?P<post>.*\b(?:{_TITLE_WORDS})\b.*?)\s+(?P<name>(?:[A-Z][a-z]?\.\s*){{1,3}}[A-Z][\w'\u2019-]+)$"
)
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\u2026\]")
#: A bracket that completes rather than replaces: after a one-syllable family name, or an initial.
_COMPLETION = re.compile(r"(?:^|\s)\w{1,3}\s*\[[^\[\]]+\]|\[[^\[\]]*\.\]")
_LIFE_DATES = re.compile(r",?\s*(?:\d{4}\s*-\s*(?:\d{4})?|b\.\s*\d{4}|d\.\s*\d{4})\s*$")
_SPACES = re.compile(r"\s+")


def tidy(text: str) -> str:
    """Collapse whitespace and trim punctuation around a name.

    >>> tidy("  Xu   Huang, ")
    'Xu Huang'
    """
    return _SPACES.sub(" ", text).strip(" \t,;:.")


def readings(printed: str) -> tuple[str, tuple[str, ...]]:
    """The main reading of a printed name and its other readings.

    The main reading drops the editor's variants and keeps completions made at
    the start of a name; every reading is returned in the second element.

    >>> readings("Wulumqi [Urumqi]")
    ('Wulumqi', ('Urumqi', 'Wulumqi'))
    >>> readings("[Xinjiang Uyghur] Autonomous Region")
    ('Xinjiang Uyghur Autonomous Region', ('Autonomous Region', 'Xinjiang Uyghur Autonomous Region'))
    >>> readings("Ji [Pengfei]")
    ('Ji', ('Ji', 'Ji Pengfei', 'Pengfei'))
    """
    text = tidy(_ELLIPSIS.sub(" ", printed))
    if "[" not in text:
        return text, (text,)
    bare = tidy(_BRACKET.sub(" ", text))
    inserted = tidy(_BRACKET.sub(lambda m: f" {m.group(1)} ", text))
    substituted = tidy(re.sub(r"\S+\s*\[([^\[\]]*)\]", lambda m: f"{m.group(1)} ", text))
    completes = text.startswith("[") or bool(_COMPLETION.search(text))
    main = inserted if text.startswith("[") else bare
    forms = {bare, inserted if completes else substituted} | ({substituted} if not completes else set())
    if completes and not text.startswith("["):
        forms.add(substituted)
    identified = re.fullmatch(r"(\S+\s+\S+.*?)\s*\[([A-Z][^\[\]]*)\]", text)
    if identified:
        forms.add(tidy(identified.group(2)))  # "Feng Xi [Stalin]": the editor names the person behind a cover name
    return main, tuple(sorted(form for form in forms if form))


def strip_titles(name: str) -> tuple[str, tuple[str, ...]]:
    """Remove titles and honorifics before a name; return the name and the titles.

    >>> strip_titles("Comrade Ambassador Liu Xiao")
    ('Liu Xiao', ('Comrade', 'Ambassador'))
    """
    titles: list[str] = []
    while True:
        match = _TITLE.match(name)
        if not match or not name[match.end() :][:1].isupper() and name[match.end() :][:1] != "[":
            return name, tuple(titles)
        titles.append(match.group(0).strip())
        name = name[match.end() :]


def uninvert(heading: str) -> str:
    """Turn a catalogue heading "Surname, Given, 1898-1976" into "Given Surname".

    Chinese, Korean and Vietnamese names keep the family name first.

    >>> uninvert("Chervonenko, Stepan Vasilyevich, 1915-2003"), uninvert("Zhou, Enlai, 1898-1976")
    ('Stepan Vasilyevich Chervonenko', 'Zhou Enlai')
    """
    text = _LIFE_DATES.sub("", heading.strip())
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if len(parts) < 2 or ORG_WORDS.search(text):
        return tidy(text)
    family, given = parts[0], parts[1]
    if _ascii(family).lower() in FAMILY_FIRST:
        return f"{family} {given}"
    return f"{given} {family}"


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("\u0110", "D").replace("\u0111", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Family names that come first in the name as written (Chinese, Korean, Vietnamese).
FAMILY_FIRST = frozenset(
    """bai cao chen deng ding dong du fan fang feng gao geng gu guo han he hu hua huang ji jiang kang
    kong lei li liang liao lin liu lu luo ma mao pan peng qian qiao shen song sun tan tang wang wei wu
    xi xia xiao xie xu yan yang yao ye yu yuan zeng zhang zhao zheng zhou zhu kim pak park choe choi
    ri rim ho nam jang jong han o yun nguyen pham tran le vo dang truong chiang chou teng hsu kao kuo tsai hsieh
    tung chu chen peng""".split()
)


def is_post(text: str) -> bool:
    """Whether a name is only a post or role, with no personal name ("Secretary of the CC").

    >>> [is_post(t) for t in ("Ambassador of the USSR in the DPRK", "Soviet Ambassador", "A. Puzanov",
    ...                       "Ministry of Foreign Affairs", "Soviet Ambassador A. M. Puzanov")]
    [True, True, False, False, False]
    """
    return bool(_POST.match(tidy(text)))


def kind_of(name: str, titles: tuple[str, ...] = ()) -> ActorKind:
    """Guess whether a name denotes a person or an organisation (places are known by authority).

    >>> kind_of("Department of Foreign Affairs"), kind_of("Xu Huang", ("Comrade",))
    ('organization', 'person')
    """
    if ORG_WORDS.search(name) or re.search(r"\d", name):
        return "organization"
    return "person"


def agent(printed: str, kind: ActorKind | None = None, span: Span | None = None) -> AgentName | None:
    """An :class:`AgentName` from a printed name, titles stripped and kind guessed.

    >>> agent("Comrade Xu Huang")
    AgentName(name='Xu Huang', kind='person', forms=(), span=None, parent=None, state=None, ids=())
    >>> agent("Wulumqi [Urumqi]", "place").forms
    ('Urumqi',)
    >>> agent("[...]") is None
    True
    """
    main, forms = readings(printed)
    name, titles = strip_titles(main)
    name = tidy(name)
    initials = _POST_THEN_NAME.match(name)
    if initials:
        name, titles = initials["name"], (*titles, initials["post"])
    if not re.search(r"[^\W\d_]", name):
        return None
    others = tuple(form for form in (strip_titles(f)[0] for f in forms) if form != name)
    return AgentName(name, kind or kind_of(name, titles), tuple(sorted(set(others))), span)
