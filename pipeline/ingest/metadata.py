"""Publisher, Projektträger and funder stated in running text, as clean organisation names.

Reports and press releases name these facts in bylines („Pressemitteilung der Handwerkskammer X,
Arnsberg, 05.09.2016“) and in sentences („Gefördert wurde das Projekt aus Mitteln des Europäischen
Sozialfonds (ESF) und des Landes Sachsen-Anhalt mit 486.000 Euro.“). Funders want the names, in
the nominative, not the sentence; cue patterns and word lists are in ``resources/ingest.yml``.
"""

from __future__ import annotations

import re

from pipeline.ingest.dates import byline_date
from pipeline.ingest.rules import load_rules

MAX_NAME_WORDS = 14
# „für Familie, Senioren, Frauen und Jugend“: commas inside a name, not between names.
ENUMERATION_IN_NAME = re.compile(r"\bfür\s+[A-ZÄÖÜ][\w-]*(?:,\s+[A-ZÄÖÜ][\w-]*)+\s+und\s+[A-ZÄÖÜ][\w-]*")
LIST_END = re.compile(r";|:|\||\s[–—]\s")  # ends a whole enumeration of names
NAME_END = re.compile(rf",|{LIST_END.pattern}")
# Several names in one statement: „des ESF und des Landes X“, „des Bundes, der Länder“, „… und Landesmitteln“.
NEXT_NAME = re.compile(
    r"(?:,|\s+(?:und|sowie))\s+(?=(?:aus|vom|von|durch|des|der|dem|den|die|das)\s|\w+mitteln?\b)"
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"»])")
SHORT_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-ZÄÖÜ]?[a-zäöü]{0,2}|[A-ZÄÖÜ])\.$")  # Co., Dr., Nr., e., V.
DOTTED_ABBREVIATION = re.compile(r"(?:\b\w\.){2,}$")  # e.V., a.D. keep their final period
SPACED_EV = re.compile(r"\be\.\s+V\.")
ADJECTIVE = re.compile(r"(?P<stem>[A-ZÄÖÜ][\w-]*isch)(?:e|en|er|es|em)\s+(?P<rest>\S.*)")
EDGE_PUNCTUATION = " ,;:.–—-"


def _cut_name_end(text: str) -> str:
    """``text`` up to the first separator that is not inside a name's own enumeration."""
    protected = [m.span() for m in ENUMERATION_IN_NAME.finditer(text)]
    for match in NAME_END.finditer(text):
        if not any(start <= match.start() < end for start, end in protected):
            return text[: match.start()]
    return text


def _is_legal_form(word: str) -> bool:
    forms = load_rules().name_legal_forms
    return word.rstrip(",;:") in forms or word.rstrip(".,;:") in forms


def _is_name_word(word: str) -> bool:
    """Capitalised, a number, an abbreviation with dots, a legal form or a word found inside names."""
    core = word.strip('„“”"»«‚‘’()[]')
    if not core:
        return False
    capitalised = core[0].isupper() or core[0].isdigit() or "." in core[:-1]
    return capitalised or core in load_rules().name_inner_words or _is_legal_form(core)


def _noun_nominative(name: str) -> str:
    """„Freistaats Bayern“ -> „Freistaat Bayern“ by the table of inflected first words."""
    for inflected, nominative in load_rules().nominative.items():
        if re.match(rf"{re.escape(inflected)}(?=[\s(]|$)", name):
            return nominative + name[len(inflected) :]
    return name


def _nominative(name: str) -> str:
    """Nominative without article, also with an adjective before the noun („des Sächsischen
    Staatsministeriums“ -> „Sächsisches Staatsministerium“); unknown nouns are left as written."""
    rules = load_rules()
    match = ADJECTIVE.fullmatch(name)
    if match is None:
        return _noun_nominative(name)
    rest = _noun_nominative(match.group("rest"))
    noun = rest.split(" ", 1)[0].lower()
    gender = next((g for ending, g in rules.noun_genders if noun.endswith(ending)), None)
    return f"{match.group('stem')}{rules.adjective_endings[gender]} {rest}" if gender else name


def _leading_name_words(words: list[str]) -> list[str]:
    """The words a name consists of, up to the first word that cannot be part of it."""
    rules = load_rules()
    kept: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        # „Fonds für regionale Entwicklung“: an adjective between a preposition and a noun
        adjective = bool(kept) and kept[-1] in rules.name_adjective_after and following[:1].isupper()
        if not (_is_name_word(word) or adjective):
            break
        kept.append(word)
        if _is_legal_form(word) and following != "&":
            break
    while kept and kept[-1] in rules.name_inner_words:
        kept.pop()
    return kept


def organisation_name(text: str) -> str:
    """The organisation name ``text`` starts with, without article, in the nominative, else ""."""
    rules = load_rules()
    words = _cut_name_end(SPACED_EV.sub("e.V.", " ".join(text.split()))).split(" ")
    while words and words[0].lower() in rules.name_articles:
        words = words[1:]
    kept = _leading_name_words(words)
    name = " ".join(kept)
    if name.count("(") > name.count(")"):
        name = name[: name.rindex("(")]
    name = name.strip(EDGE_PUNCTUATION) + ("." if DOTTED_ABBREVIATION.search(name.rstrip(",;:")) else "")
    name = _nominative(name)
    for pattern in rules.redundant_type_words:
        if match := pattern.fullmatch(name):
            name = match.group("name")
    valid = name[:1].isupper() and len(kept) <= MAX_NAME_WORDS and not rules.not_names.fullmatch(name)
    return name if valid else ""


def organisation_names(text: str) -> list[str]:
    """All names of an enumeration („des ESF und des Landes X“ -> ESF, Land X), in order, once."""
    names = (organisation_name(part) for part in NEXT_NAME.split(LIST_END.split(text, 1)[0]))
    return list(dict.fromkeys(name for name in names if name))


def publisher_name(value: str) -> str:
    """A publisher without the department that sent the text („IHK X Pressestelle“ -> „IHK X“)."""
    departments = load_rules().department_words.pattern
    inner = load_rules().name_inner_words
    for pattern in (
        rf"(?:{departments})\b\s*[-–|:,]?\s*(?:(?:der|des|vom|von der)\s+)?(?P<rest>(?-i:[A-ZÄÖÜ]).*)",
        rf"(?P<rest>.+?)\s*[-–|:,(]?\s*\b(?:{departments})\)?",
    ):
        match = re.fullmatch(pattern, value.strip(), re.IGNORECASE)
        rest = match.group("rest").strip() if match else ""
        if rest[:1].isupper() and rest.split()[-1] not in inner:
            return _nominative(rest)
    return value


def byline_publisher(paragraph: str) -> str:
    """The issuing organisation if ``paragraph`` is a byline („Pressemitteilung der X vom …“), else ""."""
    for pattern in load_rules().publisher_bylines:
        if match := pattern.fullmatch(paragraph):
            return organisation_name(match.group("org"))
    return ""


def is_byline(paragraph: str) -> bool:
    """A line saying who issued the document or when, not what it is about."""
    return bool(byline_publisher(paragraph) or byline_date(paragraph))


def stated_fields(paragraphs: list[str]) -> dict[str, str]:
    """Projektträger and funders stated in sentences, several joined by „; “ in text order."""
    found: dict[str, list[str]] = {}
    for paragraph in paragraphs:
        for sentence in _sentences(SPACED_EV.sub("e.V.", paragraph)):
            for field, patterns in load_rules().statements.items():
                for pattern in patterns:
                    if match := pattern.search(sentence):
                        found.setdefault(field, []).extend(organisation_names(match.group("value")))
    return {field: "; ".join(_without_repeats(names)) for field, names in found.items() if names}


def _sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not split after short abbreviations („Co. KG“, „Dr. Krüger“)."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        if not SHORT_ABBREVIATION.search(paragraph[start : match.start()]):
            sentences.append(paragraph[start : match.start()])
            start = match.end()
    return [*sentences, paragraph[start:]]


def _without_repeats(names: list[str]) -> list[str]:
    """Each organisation once, also when it is named again by its abbreviation alone."""
    abbreviations = {m.group(1) for name in names for m in re.finditer(r"\(([^()]+)\)$", name)}
    return [name for name in dict.fromkeys(names) if name not in abbreviations]
