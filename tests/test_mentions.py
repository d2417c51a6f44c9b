"""Actors in running text: every form of name the archives print, coreference, and exact spans."""

from __future__ import annotations

import pytest

from kg.extract.coref import entities
from kg.extract.mentions import find_mentions
from kg.reconcile.authority import Authority

KNOWN = Authority.load().known_names()


def people(text: str) -> dict[str, tuple[str, ...]]:
    """Person entities of a text: canonical name -> the titles the text gives them."""
    return {e.name: e.titles for e in entities(text, find_mentions(text, "body", KNOWN)) if e.kind == "person"}


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Vice Minister Zhang Hanfu received him.", "Zhang Hanfu", "Vice Minister"),
    ("He met Ambassador Liu Xiao in Moscow.", "Liu Xiao", "Ambassador"),
    ("Premier Zhou Enlai spoke first.", "Zhou Enlai", "Premier"),
    ("Chairman Mao Zedong agreed.", "Mao Zedong", "Chairman"),
    ("Comrade Xu Huang reported.", "Xu Huang", None),
    ("Cde. Pak Jeong-ae was present.", "Pak Jeong-ae", None),
    ("Mr. Bundy telephoned.", "Bundy", None),
    ("General Peng Dehuai arrived.", "Peng Dehuai", "General"),
    ("Marshal Malinovsky objected.", "Malinovsky", "Marshal"),
    ("President Kennedy wrote back.", "Kennedy", "President"),
    ("The Chargé d'affaires Kovács called on him.", "Kovács", "Chargé d'affaires"),
    ("Soviet Ambassador to China Chervonenko arrived.", "Chervonenko", "Soviet Ambassador to China"),
])
def test_titles_and_honorifics(text, name, title):
    found = people(text)
    assert name in found, found
    assert (title in found[name]) if title else True


@pytest.mark.parametrize(("text", "name"), [
    ("Comrade Ji [Pengfei] was present.", "Ji Pengfei"),
    ("He saw [Stepan V.] Chervonenko twice.", "Stepan V. Chervonenko"),
    ("Premier Zhou [Enlai] agreed.", "Zhou Enlai"),
    ("The telegram of N.V. Roshchin was read.", "N.V. Roshchin"),
    ("A message from I.V. Stalin arrived.", "I.V. Stalin"),
    ("KIM IL SUNG replied at once.", "Kim Il Sung"),
    ("Yu. Andropov's cable was delivered.", "Yu. Andropov"),
    ("Then Kim Il Sung and Pak Jeong-ae left.", "Pak Jeong-ae"),
])
def test_brackets_initials_capitals_possessives_and_family_first_names(text, name):
    assert name in people(text)


def test_cover_name_with_the_editors_identification():
    found = entities("Feng Xi [Stalin] approved the plan.", find_mentions("Feng Xi [Stalin] approved the plan.", "body", KNOWN))
    person = next(e for e in found if e.kind == "person")
    assert "Stalin" in {person.name, *person.forms}


def test_coreference_of_short_forms_and_roles():
    text = ("Vice Minister Zhang Hanfu handed a note to Ambassador of the Soviet Union [Stepan Chervonenko]. "
            "The ambassador [Chervonenko] said that Zhang's note would be studied. Comrade Zhang insisted.")
    found = {e.name: e for e in entities(text, find_mentions(text, "body", KNOWN)) if e.kind == "person"}
    assert set(found) == {"Zhang Hanfu", "Stepan Chervonenko"}
    assert len(found["Zhang Hanfu"].mentions) == 3
    assert any(m.text == "The ambassador" for m in found["Stepan Chervonenko"].mentions)


def test_two_people_of_one_family_name_stay_apart():
    text = "President John F. Kennedy and Attorney General Robert Kennedy met. Kennedy spoke first."
    found = people(text)
    assert {"John F. Kennedy", "Robert Kennedy"} <= set(found)


def test_organisations_with_their_hierarchy_and_places_inside_them():
    text = ("[To] Comrade Xu Huang, Yili [Ili] Office, Department of Foreign Affairs of the Xinjiang Uyghur "
            "Autonomous Region: please inform the [Xinjiang Uyghur] Autonomous Region Party Committee and the "
            "Government of the Soviet Union.")
    found = {(e.kind, e.name) for e in entities(text, find_mentions(text, "body", KNOWN))}
    assert ("organization", "Xinjiang Uyghur Autonomous Region Party Committee") in found
    assert ("organization", "Government of the Soviet Union") in found
    assert ("organization", "Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region") in found
    assert {("place", "Soviet Union"), ("place", "Yili")} <= found


def test_places_with_editorial_variants_and_gazetteer_ids():
    text = ("To: Wulumqi [Urumqi]. The residents of Tacheng [Qoqek] and Yining [Gulja] left for the Soviet Union "
            "by way of Andong.")
    places = {e.name: e for e in entities(text, find_mentions(text, "body", KNOWN)) if e.kind == "place"}
    assert {"Wulumqi", "Tacheng", "Yining", "Soviet Union", "Andong"} <= set(places)
    assert "Urumqi" in places["Wulumqi"].forms and "Qoqek" in places["Tacheng"].forms
    assert places["Andong"].geonameid == "2037886"  # a place the authority does not know: GeoNames' Dandong


def test_extraction_survives_texts_cut_anywhere():
    """Every rule looks ahead; a text ending mid-name, mid-title or mid-list must never break one."""
    from corpus import EXAMPLES
    from kg.extract.record import text_entities
    from kg.extract.routing import extract_routing

    for path in sorted(EXAMPLES.glob("wilson-*.txt")):
        text = path.read_text("utf-8")
        for cut in range(1, len(text), 199):
            piece = text[:cut]
            text_entities(piece, extract_routing(piece), known=KNOWN)
