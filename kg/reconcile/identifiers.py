"""External identifiers of actors (GND, VIAF, GeoNames, Wikidata, LoC): recognised, written one way, and ranked.

Sources spell one identifier several ways (``http://d-nb.info/gnd/118609807``,
``https://d-nb.info/gnd/118609807``; ``http://www.geonames.org/2761369``,
``https://sws.geonames.org/2761369/``). :func:`canonical` gives the one form
kg writes in ``skos:exactMatch`` and compares on; :data:`SCHEMES` lists the
authorities whose identifiers are global, so that an actor carrying one is
the same node wherever it appears. Identifiers of other kinds (an edition's
persons list) are kept as links but never decide identity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Scheme:
    """A global authority: how to recognise its identifiers, and how to write them."""

    name: str
    pattern: re.Pattern[str]
    template: str


#: Global authorities, in the order an actor's identity is taken from them.
SCHEMES: tuple[Scheme, ...] = (
    Scheme("gnd", re.compile(r"^https?://d-nb\.info/gnd/([0-9X-]+)/?$", re.I), "https://d-nb.info/gnd/{}"),
    Scheme("viaf", re.compile(r"^https?://(?:www\.)?viaf\.org/viaf/(\d+)/?$", re.I), "http://viaf.org/viaf/{}"),
    Scheme("wikidata", re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q\d+)$", re.I),
           "http://www.wikidata.org/entity/{}"),
    Scheme("lccn", re.compile(r"^https?://id\.loc\.gov/authorities/names/([a-z]+\d+)(?:\.html)?$", re.I),
           "http://id.loc.gov/authorities/names/{}"),
    Scheme("geonames", re.compile(r"^https?://(?:www\.|sws\.)?geonames\.org/(\d+)(?:/.*)?$", re.I),
           "https://sws.geonames.org/{}/"),
)


@dataclass(frozen=True)
class Identifier:
    """One recognised identifier: its scheme, its local id and its canonical IRI."""

    scheme: str
    local: str
    iri: str

    @property
    def slug(self) -> str:
        """The name an actor's IRI is minted from (``gnd-118609807``)."""
        return f"{self.scheme}-{self.local.lower()}"


def recognise(iri: str) -> Identifier | None:
    """The identifier ``iri`` spells, or ``None`` if no global authority's.

    >>> recognise("http://d-nb.info/gnd/118609807")
    Identifier(scheme='gnd', local='118609807', iri='https://d-nb.info/gnd/118609807')
    >>> recognise("http://www.geonames.org/2761369").iri, recognise("https://history.state.gov/x") is None
    ('https://sws.geonames.org/2761369/', True)
    """
    for scheme in SCHEMES:
        match = scheme.pattern.match(iri.strip())
        if match:
            return Identifier(scheme.name, match.group(1), scheme.template.format(match.group(1)))
    return None


_WEB_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f]+$", re.I)


def is_web_iri(text: str) -> bool:
    """Whether ``text`` is an absolute http(s) IRI every RDF store reads alike (no spaces, no characters
    N-Triples forbids, shorter than the 1,800 characters some stores cut IRIs at).

    >>> is_web_iri("https://d-nb.info/gnd/118609807"), is_web_iri("http://x.org/a b"), is_web_iri("GND 1")
    (True, False, False)
    """
    return len(text) < 1800 and _WEB_IRI.match(text) is not None


def canonical(iri: str) -> str:
    """The one spelling of an identifier kg writes (unrecognised IRIs unchanged).

    >>> canonical("https://sws.geonames.org/2761369"), canonical("https://history.state.gov/x")
    ('https://sws.geonames.org/2761369/', 'https://history.state.gov/x')
    """
    found = recognise(iri)
    return found.iri if found else iri.strip()


def identity(ids: tuple[str, ...]) -> Identifier | None:
    """The identifier an actor's node is minted from: the first global one, in :data:`SCHEMES` order.

    >>> identity(("https://history.state.gov/x", "http://viaf.org/viaf/1", "http://d-nb.info/gnd/2")).slug
    'gnd-2'
    """
    found = [f for f in map(recognise, ids) if f is not None]
    order = [scheme.name for scheme in SCHEMES]
    return min(found, key=lambda f: (order.index(f.scheme), f.local)) if found else None
