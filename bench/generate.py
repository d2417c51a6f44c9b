"""A deterministic generator of synthetic corpora in the Wilson Center text-export layout.

    python bench/generate.py N OUT_DIR [--seed S]

writes N records (``wilson-8NNNNNN.txt``) whose mix of document kinds, length,
routing and actors resembles the example corpus: senders, recipients and the
people named in the text are drawn from fixed pools, so that they repeat
across documents as in a real series. The same N and seed give the same files.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

KINDS = [("Cable", 5), ("Telegram", 5), ("Memorandum of Conversation", 3), ("Record of Conversation", 2),
         ("Letter", 3), ("Note", 2), ("Report", 3), ("Instructions", 1), ("Minutes", 1), ("Statement", 1)]
SENDERS = [("Ministry of Foreign Affairs", "PRC FMA"), ("Embassy of the USSR in the PRC", "AVPRF"),
           ("Ministry of Foreign Affairs", "AVPRF"), ("Central Committee of the CPSU", "RGANI"),
           ("Embassy of Hungary in North Korea", "MOL"), ("Ministry of Foreign Affairs", "SAPMO-BArch")]
PEOPLE = [("Vice Minister", "Zhang Hanfu"), ("Ambassador", "S. V. Chervonenko"), ("Comrade", "Xu Huang"),
          ("Premier", "Zhou Enlai"), ("Comrade", "Liu Xiao"), ("Ambassador", "A. M. Puzanov"),
          ("Comrade", "Kim Il Sung"), ("First Secretary", "N. S. Khrushchev"), ("Comrade", "W. Ulbricht"),
          ("Counsellor", "Ivan Mesyatsev"), ("Deputy Director", "Yu Zhan"), ("Comrade", "Pak Jeong-ae")]
PLACES = ["Urumqi", "Yining", "Tacheng", "Beijing", "Moscow", "Pyongyang", "Berlin", "Budapest", "Hanoi"]
ORGS = ["Government of the Soviet Union", "Xinjiang Uyghur Autonomous Region Party Committee",
        "Ministry of Public Security", "Korean Workers' Party", "Department of Foreign Affairs"]
SENTENCES = [
    "{title1} {person1} received {title2} {person2} at {place1} and discussed the situation on the border.",
    "{title1} {person1} handed {title2} {person2} a memorandum on the events in {place1}.",
    "The {org1} has asked for a full account of the matter before the end of the month.",
    "According to {title2} {person2}, the {org2} will consider the question again.",
    "Please report any further developments in {place2} to us without delay.",
    "{person1} stated that the delegation would travel to {place2} in the coming weeks.",
    "The figures for {place1} and {place2} will be sent separately by courier.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def record(number: int, rng: random.Random) -> str:
    """One record in the text-export layout."""
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    sender, archive = rng.choice(SENDERS)
    day = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 14))
    printed = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    (t1, p1), (t2, p2) = rng.sample(PEOPLE, 2)
    title = f"{kind} from the {sender} to {t2} {p2}" if kind not in ("Minutes", "Record of Conversation",
                                                                    "Memorandum of Conversation") \
        else f"{kind} between {t1} {p1} and {t2} {p2}"
    body = [f"[To] {t2} {p2}:", "", "(Secret)", ""]
    for _ in range(rng.randint(3, 8)):
        place1, place2 = rng.sample(PLACES, 2)
        org1, org2 = rng.sample(ORGS, 2)
        body.append(rng.choice(SENTENCES).format(title1=t1, person1=p1, title2=t2, person2=p2, place1=place1,
                                                 place2=place2, org1=org1, org2=org2))
        body.append("")
    body.append(f"{sender} {day.day} {MONTHS[day.month - 1]} {day.year}")
    reference = f"{archive} {rng.randint(100, 999)}-{rng.randint(10000, 99999)}-{rng.randint(1, 9):02d}, {rng.randint(1, 40)}"
    return "\n\n".join([
        printed, title, "Citation:",
        f'"{title}", {printed}, Wilson Center Digital Archive, {reference}. Translated by Meridian Translations. '
        f"https://digitalarchive.wilsoncenter.org/document/{number}",
        "Summary:", f"A synthetic {kind.lower()} for benchmarks.", "Credits:",
        "This document was made possible with support from MacArthur Foundation", "Original Language:",
        rng.choice(["Chinese", "Russian", "German", "Korean"]), "Contents:", "Translation - English",
    ]) + "\n\n" + "\n".join(body) + "\n"


def generate(count: int, folder: Path, seed: int = 1962) -> list[Path]:
    """Write ``count`` records into ``folder``; the same arguments give the same bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        number = 8_000_000 + index
        path = folder / f"wilson-{number}.txt"
        path.write_text(record(number, rng), "utf-8")
        paths.append(path)
    return paths


def corpus(count: int, work: Path) -> Path:
    """The benchmarks' corpus of ``count`` records, ``work/docs-COUNT``: generated unless already there."""
    folder = work / f"docs-{count}"
    if not folder.is_dir() or len(list(folder.iterdir())) != count:
        generate(count, folder)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1962)
    args = parser.parse_args()
    print(f"wrote {len(generate(args.count, args.out, args.seed))} records to {args.out}")


if __name__ == "__main__":
    main()
