"""The IRI patterns of the knowledge graph: every IRI the export contains is minted here.

IRIs are absolute, under a configurable base, deterministic (slugs and SHA-256
digests, never counters or Python's ``hash()``), and their last segments are
plain slugs, so every prefixed name in the Turtle needs no escaping.

>>> m = Minter("https://data.example.org/kg/")
>>> m.document("wilson-118186"), m.graph("wilson-118186")
('https://data.example.org/kg/doc/wilson-118186', 'https://data.example.org/kg/graph/doc/wilson-118186')
>>> m.actor("place", "Urumqi"), m.classification("Top Secret", "prc")
('https://data.example.org/kg/place/urumqi', 'https://data.example.org/kg/classification/prc-top-secret')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import ActorKind
from kg.reconcile.slug import digest, slug

DEFAULT_BASE = "https://data.example.org/kg/"
_BASE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+[/#]$")

#: Path segment of each actor kind.
ACTOR_PATHS: dict[ActorKind, str] = {"person": "person", "organization": "organization", "place": "place"}

#: The prefix bound to each IRI kind in every serialisation, and its path under the base.
PREFIX_PATHS: dict[str, str] = {
    "doc": "doc/",
    "person": "person/",
    "organization": "organization/",
    "place": "place/",
    "collection": "collection/",
    "urgency": "urgency/",
    "classification": "classification/",
    "subject": "subject/",
    "scheme": "scheme/",
    "graph": "graph/doc/",
    "ann": "annotation/",
    "post": "post/",
    "event": "event/",
    "kggraph": "graph/",
    "run": "run/",
    "software": "software/",
    "dataset": "dataset/",
}


@dataclass(frozen=True)
class Minter:
    """Mints the IRIs of one export under ``base``."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not _BASE.match(self.base):
            raise ValueError(
                f"base IRI {self.base!r} must be an absolute http(s) IRI ending in '/' or '#', "
                f"e.g. {DEFAULT_BASE!r}"
            )

    def _under(self, path: str, key: str) -> str:
        return f"{self.base}{path}{key}"

    def prefixes(self) -> dict[str, str]:
        """The namespace of every IRI kind, for serialisers' prefix maps."""
        return {prefix: self.base + path for prefix, path in PREFIX_PATHS.items()}

    def document(self, key: str) -> str:
        return self._under("doc/", slug(key))

    def graph(self, key: str) -> str:
        """The named graph holding one document's statements."""
        return self._under("graph/doc/", slug(key))

    def shared_graph(self, name: str) -> str:
        """One of the shared graphs: ``vocabulary``, ``links`` or ``dataset``.

        >>> Minter().shared_graph("vocabulary")
        'https://data.example.org/kg/graph/vocabulary'
        """
        if name not in ("vocabulary", "links", "dataset"):
            raise ValueError(f"unknown shared graph {name!r}; known: dataset, links, vocabulary")
        return self._under("graph/", name)

    def actor(self, kind: ActorKind, name_or_slug: str) -> str:
        return self._under(f"{ACTOR_PATHS[kind]}/", slug(name_or_slug))

    def collection(self, name_or_slug: str) -> str:
        return self._under("collection/", slug(name_or_slug))

    def urgency(self, wording: str) -> str:
        return self._under("urgency/", slug(wording))

    def classification(self, wording: str, state: str | None) -> str:
        return self._under("classification/", f"{slug(state or 'unknown')}-{slug(wording)}")

    def subject(self, heading: str) -> str:
        return self._under("subject/", slug(heading))

    def scheme(self, kind: str, state: str | None = None) -> str:
        """The corpus scheme of urgency, subject or (per issuing state) classification concepts.

        >>> Minter().scheme("classification", "prc")
        'https://data.example.org/kg/scheme/classification-prc'
        """
        if kind == "classification":
            return self._under("scheme/", f"classification-{slug(state or 'unknown')}")
        if kind not in ("urgency", "subject"):
            raise ValueError(f"unknown scheme {kind!r}; known: classification, subject, urgency")
        return self._under("scheme/", kind)

    def text(self, key: str, source: str) -> str:
        """The text a span counts into: the document itself for its body, else its title, summary or notes.

        >>> Minter().text("wilson-1", "title")
        'https://data.example.org/kg/doc/wilson-1--title'
        """
        if source == "body":
            return self.document(key)
        if source not in ("title", "summary", "notes"):
            raise ValueError(f"unknown text {source!r}; known: body, notes, summary, title")
        return self._under("doc/", f"{slug(key)}--{source}")

    def annotation(self, key: str, source: str, start: int, end: int, body: str = "") -> str:
        """One mention's annotation; ``body`` disambiguates two annotations of one span.

        >>> Minter().annotation("wilson-1", "body", 12, 19)
        'https://data.example.org/kg/annotation/wilson-1--12-19'
        """
        where = f"{start}-{end}" if source == "body" else f"{source}-{start}-{end}"
        suffix = f"-{digest(body, length=8)}" if body else ""
        return self._under("annotation/", f"{slug(key)}--{where}{suffix}")

    def annotation_part(self, annotation: str, part: str) -> str:
        """The target, position or quote selector of an annotation."""
        if part not in ("target", "position", "quote"):
            raise ValueError(f"unknown annotation part {part!r}; known: position, quote, target")
        return f"{annotation}--{part}"

    def post(self, organization_slug: str, role: str) -> str:
        """A post: one role in one organisation.

        >>> Minter().post("ministry-of-foreign-affairs-prc", "Vice Minister")
        'https://data.example.org/kg/post/ministry-of-foreign-affairs-prc--vice-minister'
        """
        return self._under("post/", f"{slug(organization_slug)}--{slug(role)}")

    def event(self, key: str, kind: str, when: str | None, start: int, end: int) -> str:
        """A meeting or delivery of one document.

        >>> Minter().event("wilson-1", "delivery", "1962-04-24", 10, 60)
        'https://data.example.org/kg/event/wilson-1--delivery-1962-04-24-b4532ba6'
        """
        return self._under("event/", f"{slug(key)}--{slug(kind)}-{when or 'undated'}-{digest(str(start), str(end), length=8)}")

    def cited(self, description: str, when: str | None, citing: str = "") -> str:
        """A document known only from a reference to it ("the attached Chinese memorandum").

        A dated reference is one document wherever it is cited in the same words; an
        undated one ("the ambassador's memorandum") is only known within the citing
        document ``citing``, so two documents never share it by accident.

        >>> m = Minter()
        >>> m.cited("Soviet note", "1962-04-25", "a") == m.cited("Soviet note", "1962-04-25", "b")
        True
        >>> m.cited("the memorandum", None, "a") == m.cited("the memorandum", None, "b")
        False
        """
        scope = "" if when else citing
        return self._under("doc/", f"ref-{digest(' '.join(description.split()), when or '', scope)}")

    def geonames(self, geonameid: str) -> str:
        """The GeoNames IRI of a place (an external identity, linked with ``skos:exactMatch``)."""
        if not geonameid.isdigit():
            raise ValueError(f"not a GeoNames id: {geonameid!r}")
        return f"https://sws.geonames.org/{geonameid}/"

    def software(self, version: str) -> str:
        return self._under("software/", slug(f"kg {version}"))

    def run(self, version: str, configuration: str) -> str:
        """The export activity: a digest of the tool version and its configuration."""
        return self._under("run/", digest(version, configuration, length=16))

    def dataset(self) -> str:
        return self._under("dataset/", "corpus")

    def distribution(self, filename: str) -> str:
        return self._under("dataset/", f"corpus--{slug(filename)}")

    def dump(self, filename: str) -> str:
        """Where a dump file is published, relative to the base (a VoID ``dataDump``)."""
        if not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", filename):
            raise ValueError(f"not a dump file name: {filename!r}")
        return self._under("dump/", filename)
