"""Every example record (and the seed) is read and interpreted as its layout and variations require.

One row per file: the layout detected, the kind inferred, the dates, ids, credits,
languages and routing read. Together the rows cover every layout and variation
listed in examples/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.record import extract_record
from kg.ingest import read_file

from corpus import EXAMPLES, seed_path

# file: (layout, kind, date, record id, reference, publisher, url scheme, languages,
#        translators, contributors, funders, senders, recipients, sent to, urgency, classification,
#        dispatch number, date in the text)
EXPECTED = {
    "seed": ("text-export", "Cable", "1962-04-25", "118186", "PRC FMA 118-01154-06, 10",
             "Wilson Center Digital Archive", "https", ("zh",), ["7Brands"], [], ["MacArthur Foundation"],
             ["Ministry of Foreign Affairs"],
             ["Xu Huang", "Yili Office of the Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region"],
             ["Wulumqi"], "Extremely Urgent", None, None, "1962-04-25"),
    "900101": ("text-export", "Telegram", "1962-05-02", "900101", "PRC FMA 118-01154-09, 21-22",
               "Wilson Center Digital Archive", "https", ("zh",), ["Lin Meiyu"], [], ["MacArthur Foundation"],
               ["Ministry of Foreign Affairs"],
               ["Xu Huang", "Yili Office of the Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region"],
               ["Yining"], "Extremely Urgent", "Secret", None, "1962-05-03"),
    "900102": ("page", "MemorandumOfConversation", "1962-04-24", "900102", "PRC FMA 109-02345-03, 1-4",
               None, "https", ("zh",), ["Lin Meiyu"], ["Daniel Hartley"],
               ["MacArthur Foundation", "Henry Luce Foundation"], ["Ministry of Foreign Affairs"], [], [],
               None, "Secret", None, "1962-04-24"),
    "900103": ("legacy-page", "Note", "1962-08-09", "900103", "AVPRF f. 0100, op. 55, d. 7, papka 480, ll. 15-17",
               "History and Public Policy Program Digital Archive", "https", (), ["Pavel Sokolov"], [], [],
               ["Embassy of the USSR in the PRC"], ["Ministry of Foreign Affairs of the PRC"], [], None, None, None,
               "1962-08-09"),
    "900104": ("text-export", "Instruction", "1962-05-12", "900104", "PRC FMA 118-01155-02, 33-35",
               "Wilson Center Digital Archive", "https", ("zh",), ["Meridian Translations"], [],
               ["MacArthur Foundation", "Henry Luce Foundation"],
               ["Ministry of Foreign Affairs", "Ministry of Public Security"],
               ["Party Committee of the Xinjiang Uyghur Autonomous Region",
                "Public Security Department of the Autonomous Region", "Xu Huang", "Yili Office"],
               [], "Urgent", "Secret", "1962-0417", "1962-05-12"),
    "900105": ("page", "Cable", "1962-04-28", "900105", "PRC FMA 109-03180-02, 5-7", None, None, ("zh",),
               ["Daniel Hartley"], [], ["Henry Luce Foundation"], ["Ministry of Foreign Affairs"],
               ["Liu Xiao", "Embassy of the People's Republic of China in the Soviet Union"], [], None, "Top Secret",
               None, "1962-04-28"),
    "900106": ("legacy-page", "Report", "1962-08", "900106", "MOL XIX-J-1-j Korea, 1962, 11. doboz, 5/b, 002269/1962",
               "History and Public Policy Program Digital Archive", "https", (), ["Ágnes Kertész"], [], [],
               ["Embassy of Hungary in North Korea"], ["Hungarian Foreign Ministry"], [], None, "Top Secret", None,
               None),
    "900107": ("page", "Memorandum", "1960-07-30", "900107", "AVPRF f. 0102, op. 16, d. 6, ll. 88-93", None, "https",
               ("ru",), ["Martin Fielding"], [], ["Korea Foundation"], ["A. Puzanov"],
               ["Department of the CC CPSU for Liaison with Communist and Workers' Parties of Socialist Countries"],
               [], None, "Secret", None, None),
    "900108": ("legacy-page", "Diary", "1958-09-27", "900108", "AVPRF f. 0102, op. 14, d. 6, ll. 201-203",
               "History and Public Policy Program Digital Archive", "http", (), ["Martin Fielding"], [], [],
               ["A. Puzanov"], [], [], None, None, None, "1958-09-27"),
    "900109": ("text-export", "Letter", "1961-07-20", "900109", "APRF f. 3, op. 65, d. 829, ll. 1-3",
               "History and Public Policy Program Digital Archive", "http", ("ko", "ru"), ["Martin Fielding"], [],
               ["Korea Foundation"], ["Kim Il Sung"], ["Nikita Khrushchev"], [], None, None, None, "1961-07-20"),
    "900110": ("page", "Telegram", "1950-10-14", "900110", "APRF f. 45, op. 1, d. 335, l. 3", None, "https",
               ("ru",), ["Helen Ashworth"], [], ["Korea Foundation"], ["Filippov"], ["Shtykov"], ["Pyongyang"],
               "Special", "Top Secret", "4581", "1950-10-14"),
    "900111": ("text-export", "Minutes", "1950-08-31", "900111", "AVPRF f. 0100, op. 43, d. 43, papka 302, ll. 70-73",
               "Wilson Center Digital Archive", "https", ("ru", "zh"), ["Thomas Brandt"], [],
               ["Carnegie Corporation of New York"], ["N. Roshchin"], [], [], None, None, None, "1950-08-31"),
    "900112": ("legacy-page", "RecordOfConversation", "1962-02-26", "900112", "SAPMO-BArch, DY 30/3510, 1-12",
               "History and Public Policy Program Digital Archive", None, (), ["Jürgen Albers"], [], [], [], [], [],
               None, None, None, "1962-02-26"),
    "900113": ("page", "Letter", "1961-09-15", "900113", "BArch DY 30/3605, 14-17", None, "https", ("de", "ru"),
               ["Jürgen Albers"], [], ["Carnegie Corporation of New York"], ["W. Ulbricht"], ["Khrushchev"], [],
               None, "Secret", None, None),
    "900114": ("text-export", "Cable", "1956-10-28", "900114", "AVPRF f. 059a, op. 4, d. 6, papka 5, ll. 31-33",
               "Wilson Center Digital Archive", "https", ("ru",), ["Clara Whitcombe"], [], ["Leon Levy Foundation"],
               ["Yu. Andropov"], ["CPSU Central Committee"], [], None, "TOP SECRET", None, None),
    "900115": ("text-export", "Statement", "1956-11-01", "900115", "PRC FMA 109-01041-01, 1-3",
               "Wilson Center Digital Archive", "https", ("zh",), [], [], ["MacArthur Foundation"],
               ["Government of the People's Republic of China"], [], [], None, None, None, "1956-11-01"),
    "900116": ("legacy-page", "Speech", "1961-08-04", "900116", "SAPMO-BArch, DY 30/3478, 112-140",
               "History and Public Policy Program Digital Archive", "https", (), ["Katrin Lessing"], [], [],
               ["N. S. Khrushchev"], [], [], None, None, None, None),
    "900117": ("text-export", "Draft", "1962", "900117", "PRC FMA 118-01156-04, 1-5", "Wilson Center Digital Archive",
               "https", ("zh",), ["Meridian Translations"], [], ["MacArthur Foundation"],
               ["Ministry of Foreign Affairs of the People's Republic of China"], [], [], None, None, None, "1962-08"),
    "900118": ("page", "Report", "1960-12-08", "900118",
               "Vietnam National Archives Center III, Office of the Prime Minister collection, file 8612", None,
               "https", ("vi",), ["Richard Haldane"], [], ["Leon Levy Foundation"], ["Trần Tử Bình"],
               ["Pham Van Dong", "Ministry of Foreign Affairs of the Democratic Republic of Vietnam"], [], None,
               "Secret", None, None),
    "900119": ("legacy-page", "Instruction", "1950-07-05", "900119", "RGASPI f. 17, op. 162, d. 45, ll. 5-6",
               "History and Public Policy Program Digital Archive", "https", (), ["Pavel Sokolov"], [], [],
               ["VKP(b) Politburo"], ["N. V. Roshchin"], [], None, "Strictly Secret", None, None),
    "900120": ("page", "Note", "1963-06-24", "900120", "RGANI f. 5, op. 49, d. 650, ll. 21-23", None, "https",
               ("ru",), ["Pavel Sokolov"], [], ["MacArthur Foundation", "Henry Luce Foundation"], ["Yu. Andropov"],
               ["CPSU Central Committee"], [], None, "Top Secret", None, None),
}


def _path(name: str) -> Path:
    return seed_path() if name == "seed" else EXAMPLES / f"wilson-{name}.txt"


def test_every_example_has_a_row():
    assert {p.stem.removeprefix("wilson-") for p in EXAMPLES.glob("wilson-*.txt")} == set(EXPECTED) - {"seed"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_record(name: str):
    (layout, kind, date, record_id, reference, publisher, scheme, languages, translators, contributors, funders,
     senders, recipients, sent_to, urgency, classification, dispatch, text_date) = EXPECTED[name]
    [source] = read_file(_path(name))
    extraction = extract_record(source)
    record = extraction.record
    assert record is not None, extraction.problems
    routing = record.routing
    assert source.layout == layout
    assert record.kind == kind
    assert record.date.iso == date
    assert record.record_id == record_id and record.key == f"wilson-{record_id}"
    assert record.reference == reference
    assert record.publisher == publisher
    assert (record.url.split(":")[0] if record.url else None) == scheme
    assert record.languages == languages
    assert [a.name for a in record.translators] == translators
    assert [a.name for a in record.contributors] == contributors
    assert [a.name for a in record.funders] == funders
    assert [a.name for a in routing.senders] == senders
    assert [a.name for a in routing.recipients] == recipients
    assert [a.name for a in routing.destinations] == sent_to
    assert routing.urgency == urgency
    assert record.classification == classification
    assert routing.dispatch_number == dispatch
    assert (routing.text_date.iso if routing.text_date else None) == text_date


def test_layouts_each_covered_at_least_four_times():
    counts: dict[str, int] = {}
    for row in EXPECTED.values():
        counts[row[0]] = counts.get(row[0], 0) + 1
    assert min(counts.values()) >= 4 and set(counts) == {"text-export", "page", "legacy-page"}


def test_header_date_disagreeing_with_citation_is_kept_and_reported():
    [source] = read_file(EXAMPLES / "wilson-900101.txt")
    extraction = extract_record(source)
    assert extraction.record.date.iso == "1962-05-02"
    assert extraction.record.header_date.iso == "1962-05-03"
    [problem] = [p for p in extraction.problems if p.code == "date-disagrees"]
    assert problem.line == source.date.line and "May 3, 1962" in problem.message


def test_capital_title_of_the_older_layout_gives_way_to_the_citation():
    [source] = read_file(EXAMPLES / "wilson-900108.txt")
    assert source.title.value.isupper()
    assert extract_record(source).record.title == "Diary of Soviet Ambassador in the DPRK A. M. Puzanov (Excerpt)"


def test_heading_with_empty_value_and_value_without_heading():
    [empty] = read_file(EXAMPLES / "wilson-900111.txt")
    assert empty.summary is None and empty.languages is not None
    [headless] = read_file(EXAMPLES / "wilson-900117.txt")
    assert headless.citation is not None and headless.citation.value.startswith('"Draft Reply')


def test_reference_from_the_first_line_of_the_body():
    [source] = read_file(EXAMPLES / "wilson-900114.txt")
    assert source.body.lstrip().startswith("[Source: AVPRF")


def test_body_is_kept_verbatim_with_its_first_line():
    [source] = read_file(seed_path())
    lines = seed_path().read_text("utf-8").split("\n")
    assert source.body.split("\n")[0] == lines[source.body_line - 1].rstrip()
    assert source.body.endswith("[...]")


def test_a_header_date_less_precise_than_the_citation_is_no_disagreement(tmp_path):
    text = (EXAMPLES / "wilson-900103.txt").read_text("utf-8").replace("August 09, 1962\n", "August 1962\n", 1)
    path = tmp_path / "wilson-900103.txt"
    path.write_text(text, "utf-8")
    [source] = read_file(path)
    extraction = extract_record(source)
    assert extraction.record.date.iso == "1962-08-09" and extraction.record.header_date is None
    assert not [p for p in extraction.problems if p.code == "date-disagrees"]
