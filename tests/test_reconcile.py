"""Reconciliation stage: slugs, minting, the authority file, the registry and the resolver."""

from __future__ import annotations

import pytest

from kg.model import AgentName, DateValue, DocumentRecord, Routing
from kg.reconcile.authority import Authority
from kg.reconcile.mint import Minter
from kg.reconcile.resolve import Resolver
from kg.reconcile.slug import MAX_LENGTH, slug

BASE = "https://data.example.org/kg/"


def record(key: str, reference: str | None = None, languages=(), **routing) -> DocumentRecord:
    return DocumentRecord(f"{key}.txt", "wilson", "text-export", key, key.split("-")[-1], "T", "Cable",
                          DateValue("1962", "1962", "year"), reference=reference, languages=languages,
                          routing=Routing(**routing))


def test_slugs_are_plain_and_bounded():
    for text in ("Ministry of Foreign Affairs", "Chargé d'affaires a.i.", "A--B", "x" * 300, "周恩来", "doc\\(1\\)"):
        value = slug(text)
        assert value == value.strip("-") and "--" not in value and len(value) <= MAX_LENGTH
        assert all(ch.isalnum() or ch == "-" for ch in value)
    assert slug("x" * 300) != slug("x" * 299)


def test_minted_iris_are_deterministic_and_under_the_base():
    minter = Minter(BASE)
    assert minter.document("wilson-118186") == f"{BASE}doc/wilson-118186"
    assert minter.run("0.1.0", "config") == Minter(BASE).run("0.1.0", "config")
    assert minter.run("0.1.0", "config") != minter.run("0.1.0", "other")
    with pytest.raises(ValueError, match="must be an absolute http"):
        Minter("data.example.org/kg")


def test_generic_names_resolve_by_the_documents_state():
    resolver = Resolver(Authority.load(), Minter(BASE))
    mfa = AgentName("Ministry of Foreign Affairs", "organization")
    chinese = resolver.resolve(record("wilson-1", "PRC FMA 1-2", senders=(mfa,)))
    soviet = resolver.resolve(record("wilson-2", "AVPRF f. 1, op. 2", senders=(mfa,)))
    by_language = resolver.resolve(record("wilson-3", None, ("hu",), senders=(mfa,)))
    unknown = resolver.resolve(record("wilson-4", None, senders=(mfa,)))
    east_german = resolver.resolve(record("wilson-5", "SAPMO-BArch, DY 30/3510", senders=(mfa,)))
    assert east_german.senders[0].iri == f"{BASE}organization/ministry-of-foreign-affairs-gdr"
    assert chinese.senders[0].iri == f"{BASE}organization/ministry-of-foreign-affairs-prc"
    assert soviet.senders[0].iri == f"{BASE}organization/ministry-of-foreign-affairs-ussr"
    assert by_language.senders[0].iri == f"{BASE}organization/ministry-of-foreign-affairs-hungary"
    assert unknown.senders[0].iri == f"{BASE}organization/ministry-of-foreign-affairs"
    assert chinese.holder.iri == f"{BASE}organization/archive-of-the-ministry-of-foreign-affairs-prc"


def test_variants_and_cover_names_meet_in_one_node():
    resolver = Resolver(Authority.load(), Minter(BASE))
    docs = [
        resolver.resolve(record("wilson-1", senders=(AgentName("Filippov", "person", ("Stalin",)),))),
        resolver.resolve(record("wilson-2", senders=(AgentName("I. V. Stalin", "person"),))),
        resolver.resolve(record("wilson-3", destinations=(AgentName("Wulumqi", "place", ("Urumqi",)),))),
    ]
    assert docs[0].senders[0].iri == docs[1].senders[0].iri == f"{BASE}person/joseph-stalin"
    assert docs[2].destinations[0].iri == f"{BASE}place/urumqi"


def test_labels_are_chosen_once_for_the_corpus_and_forms_stay_per_document():
    resolver = Resolver(Authority.load(), Minter(BASE))
    first = resolver.resolve(record("wilson-1", recipients=(AgentName("XU HUANG", "person"),)))
    second = resolver.resolve(record("wilson-2", recipients=(AgentName("Xu Huang", "person"),)))
    third = resolver.resolve(record("wilson-3", recipients=(AgentName("Xu Huang", "person"),)))
    finished = [resolver.finish(doc) for doc in (first, second, third)]
    assert {doc.recipients[0].label for doc in finished} == {"Xu Huang"}
    assert finished[0].recipients[0].alt_labels == ("XU HUANG",)
    assert finished[1].recipients[0].alt_labels == ()


def test_parents_come_with_their_units():
    resolver = Resolver(Authority.load(), Minter(BASE))
    office = AgentName("Yili Office", "organization")
    doc = resolver.finish(resolver.resolve(record("wilson-1", "PRC FMA 1", recipients=(office,))))
    [unit] = doc.recipients
    assert unit.parent == f"{BASE}organization/department-of-foreign-affairs-xinjiang"
    assert f"{BASE}organization/department-of-foreign-affairs-xinjiang" in {a.iri for a in doc.related}


def test_authority_files_extend_and_override(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[actor]]\nslug = "xu-huang"\nkind = "person"\nlabel = "Xu Huang (diplomat)"\n'
                     'forms = ["Comrade Xu"]\n', "utf-8")
    authority = Authority.load([extra])
    assert authority.find("person", "Comrade Xu").label == "Xu Huang (diplomat)"
    broken = tmp_path / "broken.toml"
    broken.write_text('[[actor]]\nslug = "x"\n', "utf-8")
    with pytest.raises(ValueError, match="needs slug, label and a kind"):
        Authority.load([broken])


def test_bundled_authority_slugs_are_slugs_and_unique():
    authority = Authority.load()
    assert all(slug(key) == key for key in authority.entries)
    parents = {e.parent for e in authority.entries.values() if e.parent}
    assert parents <= set(authority.entries), parents - set(authority.entries)
