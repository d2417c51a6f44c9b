"""Language names and codes as archives print them, mapped to ISO 639-1.

>>> codes("Russian and German")
(('ru', 'de'), [])
"""

from __future__ import annotations

import re

#: English names, endonyms and ISO 639-2/B and 639-3 codes seen in archival metadata.
_LANGUAGES: dict[str, str] = {
    "chinese": "zh", "mandarin": "zh", "chi": "zh", "zho": "zh", "zh": "zh",
    "russian": "ru", "rus": "ru", "ru": "ru",
    "english": "en", "eng": "en", "en": "en",
    "german": "de", "ger": "de", "deu": "de", "de": "de",
    "french": "fr", "fre": "fr", "fra": "fr", "fr": "fr",
    "korean": "ko", "kor": "ko", "ko": "ko",
    "japanese": "ja", "jpn": "ja", "ja": "ja",
    "vietnamese": "vi", "vie": "vi", "vi": "vi",
    "hungarian": "hu", "hun": "hu", "hu": "hu",
    "polish": "pl", "pol": "pl", "pl": "pl",
    "czech": "cs", "cze": "cs", "ces": "cs", "cs": "cs",
    "slovak": "sk", "slo": "sk", "slk": "sk", "sk": "sk",
    "romanian": "ro", "rum": "ro", "ron": "ro", "ro": "ro",
    "bulgarian": "bg", "bul": "bg", "bg": "bg",
    "serbian": "sr", "croatian": "hr", "serbo-croatian": "sh", "slovenian": "sl",
    "albanian": "sq", "alb": "sq", "sqi": "sq",
    "mongolian": "mn", "mon": "mn",
    "uyghur": "ug", "uighur": "ug", "uig": "ug",
    "kazakh": "kk", "kaz": "kk",
    "spanish": "es", "spa": "es", "es": "es",
    "portuguese": "pt", "por": "pt",
    "italian": "it", "ita": "it",
    "arabic": "ar", "ara": "ar",
    "persian": "fa", "farsi": "fa", "per": "fa", "fas": "fa",
    "hebrew": "he", "heb": "he",
    "hindi": "hi", "hin": "hi",
    "indonesian": "id", "ind": "id",
    "turkish": "tr", "tur": "tr",
    "finnish": "fi", "fin": "fi",
    "swedish": "sv", "swe": "sv",
    "ukrainian": "uk", "ukr": "uk",
    "georgian": "ka", "geo": "ka",
    "lao": "lo", "khmer": "km", "thai": "th", "burmese": "my",
    "greek": "el", "gre": "el", "ell": "el",
    "dutch": "nl", "dut": "nl", "nld": "nl",
}
_SEPARATORS = re.compile(r"\s*(?:,|;|/|\band\b|&|\n)\s*", re.IGNORECASE)


def codes(text: str) -> tuple[tuple[str, ...], list[str]]:
    """ISO 639-1 codes for a printed list of languages, and the names not recognised.

    >>> codes("Chinese, Russian")
    (('zh', 'ru'), [])
    >>> codes("Klingon")
    ((), ['Klingon'])
    """
    found: list[str] = []
    unknown: list[str] = []
    for name in _SEPARATORS.split(text.strip().rstrip(".")):
        name = name.strip()
        if not name:
            continue
        code = _LANGUAGES.get(name.casefold())
        if code is None:
            unknown.append(name)
        elif code not in found:
            found.append(code)
    return tuple(found), unknown
