"""The authority file: canonical names and slugs of known actors, archives, states and concept ladders.

The bundled file (``authorities.toml`` beside this module) can be extended or
overridden with the user's own files; a later file's entry with the same
``slug`` replaces an earlier one. Lookups normalise case, whitespace,
punctuation and a leading "the".

Format, one table per entry::

    [[actor]]
    slug = "ministry-of-foreign-affairs-prc"
    kind = "organization"                 # person | organization | place
    label = "Ministry of Foreign Affairs of the People's Republic of China"
    forms = ["Chinese Foreign Ministry"]  # other names, anywhere in the corpus
    state_forms = ["Foreign Ministry"]    # names that mean this only in documents of `state`
    state = "prc"
    parent = "state-council-prc"          # slug of the organisation above it
    reference_prefixes = ["PRC FMA"]      # for archives: call numbers that start so are held here
    geonames = "1529102"                  # for places: the GeoNames id (linked with skos:exactMatch)
    same_as = ["http://www.wikidata.org/entity/Q..."]   # other authority IRIs (Wikidata, VIAF, GND), skos:exactMatch

plus the tables ``[states]`` (state key -> names and adjectives), ``[ladders.urgency]``
and ``[ladders.classification]`` (generic level -> printed wordings),
``[language_states]`` (ISO 639-1 code -> the state a document in that language
most likely comes from, used only when the archive says nothing) and
``[source_collections]`` (reader name -> the collection its records belong to).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.coref import compatible, family
from kg.extract.mentions import KnownNames, key
from kg.reconcile.identifiers import canonical

BUNDLED = Path(__file__).with_name("authorities.toml")
_KINDS = ("person", "organization", "place", "collection")


@dataclass(frozen=True)
class Entry:
    """One known actor (or the publishing collection)."""

    slug: str
    kind: str
    label: str
    forms: tuple[str, ...] = ()
    state_forms: tuple[str, ...] = ()
    state: str | None = None
    parent: str | None = None
    reference_prefixes: tuple[str, ...] = ()
    geonames: str | None = None
    same_as: tuple[str, ...] = ()


def normal(text: str) -> str:
    """The lookup key of a name.

    >>> normal("The  Ministry of Foreign Affairs.") == normal("ministry of foreign affairs")
    True
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[\u2019'`\u2018]", "'", text)
    text = re.sub(r"[^\w']+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass
class Authority:
    """Indexes over the authority entries; see the module docstring for the file format."""

    entries: dict[str, Entry] = field(default_factory=dict)
    states: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ladders: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    language_states: dict[str, str] = field(default_factory=dict)
    source_collections: dict[str, str] = field(default_factory=dict)
    _forms: dict[tuple[str, str], str] = field(default_factory=dict)
    _state_forms: dict[tuple[str, str, str], str] = field(default_factory=dict)
    _state_names: dict[str, str] = field(default_factory=dict)
    _families: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _ids: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Authority:
        """The bundled authority file, extended by ``extra`` files in order.

        >>> a = Authority.load()
        >>> a.find("organization", "Ministry of Foreign Affairs", "prc").slug
        'ministry-of-foreign-affairs-prc'
        >>> a.find("place", "Wulumqi").label
        'Urumqi'
        """
        authority = cls()
        for path in (BUNDLED, *extra):
            authority.add_file(path)
        return authority

    def add_file(self, path: Path) -> None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ValueError(f"{path}: cannot read the authority file: {err}") from None
        for state, names in data.get("states", {}).items():
            self.states[state] = tuple(names)
            for name in names:
                self._state_names[normal(name)] = state
        for ladder, levels in data.get("ladders", {}).items():
            self.ladders.setdefault(ladder, {}).update({k: tuple(v) for k, v in levels.items()})
        self.language_states.update(data.get("language_states", {}))
        self.source_collections.update(data.get("source_collections", {}))
        for table in data.get("actor", []):
            self.add(_entry(path, table))

    def add(self, entry: Entry) -> None:
        self.entries[entry.slug] = entry
        kind = entry.kind
        for name in (entry.label, *entry.forms):
            self._forms[(kind, normal(name))] = entry.slug
            if kind == "person" and len(name.split()) > 1:
                self._families.setdefault(family(name), []).append((name, entry.slug))
        for name in entry.state_forms:
            self._state_forms[(kind, entry.state or "", normal(name))] = entry.slug
        for link in (*entry.same_as, *((f"https://sws.geonames.org/{entry.geonames}/",) if entry.geonames else ())):
            self._ids[canonical(link)] = entry.slug

    def find(self, kind: str, name: str, state: str | None = None) -> Entry | None:
        """The entry a name denotes, trying the document's state for generic names."""
        key = normal(name)
        slug = self._forms.get((kind, key))
        if slug is None and state:
            slug = self._state_forms.get((kind, state, key))
        return self.entries[slug] if slug else None

    def find_id(self, ids: Iterable[str]) -> Entry | None:
        """The entry one of ``ids`` (GND, VIAF, GeoNames... in any spelling) belongs to, if any.

        >>> authority = Authority()
        >>> authority.add(Entry("vienna", "place", "Vienna", geonames="2761369"))
        >>> authority.find_id(["http://www.geonames.org/2761369"]).slug
        'vienna'
        """
        return next((self.entries[self._ids[c]] for c in map(canonical, ids) if c in self._ids), None)

    def find_fuller(self, name: str) -> Entry | None:
        """The one person whose label or a form is a compatible reading of ``name``: same family name,
        given names or initials agreeing ("Nikita S. Khrushchev" is "Nikita Sergeyevich Khrushchev");
        ``None`` when no person or several fit, or ``name`` is a bare family name.

        >>> authority = Authority.load()
        >>> authority.find_fuller("Nikita S. Khrushchev").slug, authority.find_fuller("Robert F. Kennedy")
        ('nikita-khrushchev', None)
        """
        if len(name.split()) < 2:
            return None
        slugs = {slug for form, slug in self._families.get(family(name), ()) if compatible(form, name)}
        return self.entries[slugs.pop()] if len(slugs) == 1 else None

    def find_any(self, name: str, state: str | None = None) -> Entry | None:
        """The entry a name denotes whatever its kind (places before organisations before people)."""
        for kind in ("place", "organization", "person"):
            found = self.find(kind, name, state)
            if found is not None:
                return found
        return None

    def state_of(self, name: str) -> str | None:
        """The state key of a printed country name or adjective ("China", "Soviet").

        >>> Authority.load().state_of("Soviet Union")
        'ussr'
        """
        return self._state_names.get(normal(name))

    def archive_for_reference(self, reference: str) -> Entry | None:
        """The holding archive whose call numbers start like ``reference``.

        >>> Authority.load().archive_for_reference("RGASPI f. 17, op. 162, d. 18").slug
        'rgaspi'
        """
        best: tuple[int, Entry] | None = None
        for entry in self.entries.values():
            for prefix in entry.reference_prefixes:
                if re.match(rf"\[?\s*{re.escape(prefix)}\b", reference.strip(), re.IGNORECASE):
                    if best is None or len(prefix) > best[0]:
                        best = (len(prefix), entry)
        return best[1] if best else None

    def known_names(self) -> KnownNames:
        """Every name and form the authority knows, by kind, for the mention finder.

        >>> "khrushchev" in Authority.load().known_names().persons
        True
        """
        names: dict[str, set[str]] = {"person": set(), "organization": set(), "place": set()}
        for entry in self.entries.values():
            if entry.kind in names:
                names[entry.kind].update(key(form) for form in (entry.label, *entry.forms, *entry.state_forms))
        return KnownNames(frozenset(names["person"]), frozenset(names["organization"]), frozenset(names["place"]))

    def ladder_level(self, ladder: str, wording: str) -> str | None:
        """The generic level (a ``dip:`` individual's local name) a printed marking falls under.

        >>> Authority.load().ladder_level("classification", "TOP SECRET")
        'topSecret'
        """
        key = normal(wording)
        for level, wordings in self.ladders.get(ladder, {}).items():
            if key in {normal(w) for w in wordings}:
                return level
        return None


def _entry(path: Path, table: dict[str, object]) -> Entry:
    missing = [name for name in ("slug", "kind", "label") if name not in table]
    if missing or table.get("kind") not in _KINDS:
        raise ValueError(
            f"{path}: authority entry {table.get('slug', table)!r} needs slug, label and a kind in {_KINDS}"
            + (f"; missing {', '.join(missing)}" if missing else "")
        )
    return Entry(
        slug=str(table["slug"]), kind=str(table["kind"]), label=str(table["label"]),
        forms=tuple(table.get("forms", ())),  # type: ignore[arg-type]
        state_forms=tuple(table.get("state_forms", ())),  # type: ignore[arg-type]
        state=table.get("state"),  # type: ignore[arg-type]
        parent=table.get("parent"),  # type: ignore[arg-type]
        reference_prefixes=tuple(table.get("reference_prefixes", ())),  # type: ignore[arg-type]
        geonames=str(table["geonames"]) if "geonames" in table else None,
        same_as=tuple(_identifier(path, str(iri)) for iri in table.get("same_as", ())),  # type: ignore[union-attr]
    )


def _identifier(path: Path, iri: str) -> str:
    """An external identifier (Wikidata, VIAF, GND, GeoNames...) as an absolute http(s) IRI."""
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", iri):
        raise ValueError(f"{path}: same_as values must be http(s) IRIs, e.g. http://www.wikidata.org/entity/Q1; got {iri!r}")
    return iri
