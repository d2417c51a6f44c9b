"""Extraction stage: dates, citations and credits, languages, names, document kinds and routing."""

from __future__ import annotations

import pytest

from kg.extract.citation import funders, parse_citation, translators
from kg.extract.dates import bounds, parse_date
from kg.extract.doctype import KINDS, kind_of
from kg.extract.languages import codes
from kg.extract.names import readings, uninvert
from kg.extract.routing import extract_routing


@pytest.mark.parametrize(
    ("printed", "context", "iso", "precision", "problem"),
    [
        ("April 25, 1962", None, "1962-04-25", "day", None),
        ("August 09, 1962", None, "1962-08-09", "day", None),
        ("25 April 1962", None, "1962-04-25", "day", None),
        ("Sept. 3, 1962", None, "1962-09-03", "day", None),
        ("August 1962", None, "1962-08", "month", None),
        ("1962", None, "1962", "year", None),
        ("1962-04-25", None, "1962-04-25", "day", None),
        ("31.8.50", None, "1950-08-31", "day", None),
        ("10/14/50", None, "1950-10-14", "day", None),
        ("5/6/50", 1950, "1950-05-06", "day", "ambiguous-date"),
        ("5.6.50", 1950, "1950-06-05", "day", "ambiguous-date"),
        ("27 September", 1958, "1958-09-27", "day", None),
        ("3.2.05", 1998, "2005-02-03", "day", "ambiguous-date"),
    ],
)
def test_dates(printed, context, iso, precision, problem):
    reading = parse_date(printed, context)
    assert (reading.value.iso, reading.value.precision, reading.problem) == (iso, precision, problem)
    assert reading.value.printed == printed


@pytest.mark.parametrize("printed", ["February 30, 1962", "13/14/50", "Smarch 3, 1962", "27 September", "soon"])
def test_dates_that_cannot_be_read(printed):
    reading = parse_date(printed)
    assert reading.value is None and reading.problem == "unparsed-date" and reading.detail


def test_bounds_of_each_precision():
    assert bounds(parse_date("1962").value) == ("1962-01-01T00:00:00Z", "1962-12-31T23:59:59Z")
    assert bounds(parse_date("February 1960").value) == ("1960-02-01T00:00:00Z", "1960-02-29T23:59:59Z")


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        ('"Cable", April 25, 1962, Wilson Center Digital Archive, PRC FMA 118-01154-06, 10. Translated by 7Brands. '
         "https://digitalarchive.wilsoncenter.org/document/118186",
         ("Cable", "April 25, 1962", "Wilson Center Digital Archive", "PRC FMA 118-01154-06, 10",
          "Translated by 7Brands", "https://digitalarchive.wilsoncenter.org/document/118186")),
        ('"Note," August 09, 1962, History and Public Policy Program Digital Archive, RGASPI f. 17, op. 162, d. 18. '
         "Obtained by A. B. and translated by C. D. http://digitalarchive.wilsoncenter.org/document/1",
         ("Note", "August 09, 1962", "History and Public Policy Program Digital Archive",
          "RGASPI f. 17, op. 162, d. 18", "Obtained by A. B. and translated by C. D",
          "http://digitalarchive.wilsoncenter.org/document/1")),
        ('"Statement", 1956, Wilson Center Digital Archive, PRC FMA 109-01041-01, 1-3.',
         ("Statement", "1956", "Wilson Center Digital Archive", "PRC FMA 109-01041-01, 1-3", None, None)),
        ('"Speech", August 4, 1961, Wilson Center Digital Archive. Translated by K. L.',
         ("Speech", "August 4, 1961", "Wilson Center Digital Archive", None, "Translated by K. L", None)),
    ],
)
def test_citations(citation, expected):
    c = parse_citation(citation)
    assert (c.title, c.date, c.publisher, c.reference, c.credits, c.url) == expected


@pytest.mark.parametrize(
    ("credits", "translated", "others"),
    [
        ("Translated by Gary Example", ["Gary Example"], []),
        ("Translated for NKIDP by Jae Example", ["Jae Example"], []),
        ("Obtained by Ann Example and translated by Bo Example", ["Bo Example"], ["Ann Example"]),
        ("Contributed, transcribed, and translated by Cy Example", ["Cy Example"], []),
        ("Obtained and translated by Di Example", ["Di Example"], []),
        ("Transcribed by nobody in particular", [], []),
    ],
)
def test_translator_wordings(credits, translated, others):
    assert translators(credits) == (translated, others)


def test_several_funders():
    text = "This document was made possible with support from MacArthur Foundation and Henry Luce Foundation"
    assert funders(text) == ["MacArthur Foundation", "Henry Luce Foundation"]
    assert funders("Donors: Leon Levy Foundation, Korea Foundation and Carnegie Corporation of New York") == [
        "Leon Levy Foundation", "Korea Foundation", "Carnegie Corporation of New York"]


def test_languages():
    assert codes("Chinese") == (("zh",), [])
    assert codes("Russian and German") == (("ru", "de"), [])
    assert codes("Chinese, Russian; chi") == (("zh", "ru"), [])
    assert codes("rus") == (("ru",), [])
    assert codes("Elvish") == ((), ["Elvish"])


def test_bracket_readings_and_catalogue_headings():
    assert readings("Yili [Ili] Office") == ("Yili Office", ("Ili Office", "Yili Office"))
    assert readings("[Stepan V.] Chervonenko")[0] == "Stepan V. Chervonenko"
    assert uninvert("Kim, Il-sung, 1912-1994") == "Kim Il-sung"
    assert uninvert("Leuschner, Bruno, 1910-1965") == "Bruno Leuschner"
    assert uninvert("Phạm, Văn Đồng, 1906-2000") == "Phạm Văn Đồng"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Cable from the Chinese Foreign Ministry", "Cable"),
        ("Telegram from Liu Xiao to the Ministry of Foreign Affairs", "Telegram"),
        ("Memorandum from the Soviet Embassy", "Memorandum"),
        ("Memorandum of Conversation between Zhang Hanfu and Chervonenko", "MemorandumOfConversation"),
        ("Minutes of Conversation between Zhou Enlai and Roshchin", "Minutes"),
        ("Record of Conversation between Khrushchev and Ulbricht", "RecordOfConversation"),
        ("Letter from Kim Il Sung to Nikita Khrushchev", "Letter"),
        ("Note from the Soviet Embassy in Beijing", "Note"),
        ("Report on the Situation in the Border Areas", "Report"),
        ("Statement of the Government of the PRC", "Statement"),
        ("Speech by N. S. Khrushchev at the Conference", "Speech"),
        ("Diary of Soviet Ambassador Puzanov", "Diary"),
        ("Instructions from the VKP(b) Politburo", "Instruction"),
        ("Draft Reply of the Chinese Ministry of Foreign Affairs to the Soviet Embassy's Note", "Draft"),
        ("Report on the Memorandum of the Soviet Embassy", "Report"),
        ("Untitled Document", "Document"),
    ],
)
def test_kind_from_the_title(title, kind):
    assert kind_of(title) == kind


def test_every_kind_is_reachable():
    assert len(KINDS) == 14


def test_telegram_form_on_separate_lines():
    body = ("To: Party Committee of the Autonomous Region; Public Security Department\nLevel: Urgent\n"
            "Receiver: Comrade Xu Huang\nDispatch No. 4581\nSent: 10/14/50, 01:20 Moscow time\n\nText.\n")
    routing = extract_routing(body, 1950)
    assert [a.name for a in routing.recipients] == [
        "Party Committee of the Autonomous Region", "Public Security Department", "Xu Huang"]
    assert (routing.urgency, routing.dispatch_number, routing.sent_on.iso) == ("Urgent", "4581", "1950-10-14")
    assert routing.destinations == ()


def test_addressee_line_classification_and_spans():
    body = "[To] Comrade Xu Huang, Yili [Ili] Office, Department of Foreign Affairs:\n\n(Top Secret)\n\nText."
    routing = extract_routing(body, 1962)
    person, office = routing.recipients
    assert body[person.span.start:person.span.end] == "Comrade Xu Huang"
    assert body[office.span.start:office.span.end] == "Yili [Ili] Office, Department of Foreign Affairs"
    assert office.parent.name == "Department of Foreign Affairs"
    assert routing.classification == "Top Secret"


def test_minutes_header():
    body = ("Date: 31.8.50\nVenue: Office of the Premier, Zhongnanhai\nInterpreter: Shi Zhe\n"
            "Minutes prepared by: Comrade Werner Example\n\nZhou Enlai said that the talks went well.")
    routing = extract_routing(body, 1950)
    assert routing.meeting_date.iso == "1950-08-31"
    assert routing.venue.name == "Office of the Premier, Zhongnanhai" and routing.venue.kind == "place"
    assert [a.name for a in routing.interpreters] == ["Shi Zhe"]
    assert [a.name for a in routing.recorded_by] == ["Werner Example"]


@pytest.mark.parametrize(
    ("ending", "senders", "signed", "origins"),
    [
        ("Ministry of Foreign Affairs 25 April 1962", ["Ministry of Foreign Affairs"], "1962-04-25", []),
        ("Ministry of Foreign Affairs, 3 May 1962\n\n[...]", ["Ministry of Foreign Affairs"], "1962-05-03", []),
        ("Ministry of Foreign Affairs  Ministry of Public Security\n12 May 1962",
         ["Ministry of Foreign Affairs", "Ministry of Public Security"], "1962-05-12", []),
        ("Ministry of Foreign Affairs and Ministry of Public Security 12 May 1962",
         ["Ministry of Foreign Affairs", "Ministry of Public Security"], "1962-05-12", []),
        ("Ministry of Foreign Affairs\nMinistry of Public Security\n12 May 1962",
         ["Ministry of Foreign Affairs", "Ministry of Public Security"], "1962-05-12", []),
        ("With communist greetings,\nKim Il Sung\nPyongyang, 20 July 1961", ["Kim Il Sung"], "1961-07-20",
         ["Pyongyang"]),
        ("Ambassador of the USSR in the DPRK\nA. Puzanov", ["A. Puzanov"], None, []),
        ("Secretary of the CC", [], None, []),
        ("The conversation lasted an hour. Both sides agreed to meet again.", [], None, []),
    ],
)
def test_closing_signature(ending, senders, signed, origins):
    routing = extract_routing(f"Some text of the document.\n\n{ending}", 1962)
    assert [a.name for a in routing.senders] == senders
    assert (routing.signed_on.iso if routing.signed_on else None) == signed
    assert [a.name for a in routing.origins] == origins


def test_signature_date_without_year_takes_the_record_year():
    routing = extract_routing("Text.\n\nMinistry of Foreign Affairs\n27 September", 1958)
    assert routing.signed_on.iso == "1958-09-27"
