"""Lexicon look-ups the statistical models cannot learn from 2,000 treebank sentences.

* First-name gender from ``gender-guesser`` (its name dictionary by Jörg Michael covers German, Austrian
  and Swiss first names with frequencies): evidence for PER entities and for people extraction.
* Noun gender and verb mood (Konjunktiv I/II) from LanguageTool's German full-form lexicon, reduced at
  training time to a small table stored inside the model directory.
* Word-class and name-kind features of capitalised forms (common noun, first name, surname, city, …),
  the NER's static vectors (``vectors.py``): German capitalises every noun, so only a lexicon tells
  „Marktplatz“ from „Schlatter“.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from functools import cache
from pathlib import Path

import gender_guesser.detector

GERMAN_SPEAKING = ("germany", "austria", "swiss")
_GENDERS = {"female": "female", "mostly_female": "female", "male": "male", "mostly_male": "male"}
_LT_GENDER = {"MAS": "Masc", "FEM": "Fem", "NEU": "Neut"}
_LT_MOOD = {"PRÄ": "Ind", "PRT": "Ind", "KJ1": "Sub", "KJ2": "Sub"}
_LT_TENSE = {"PRÄ": "Pres", "PRT": "Past", "KJ1": "Pres", "KJ2": "Past"}
_LT_NUMBER = {"SIN": "Sing", "PLU": "Plur"}
LEXICON_FEATURES = (
    "noun",
    "adjective",
    "verb",
    "function_word",
    "first_name",
    "surname",
    "city",
    "country",
    "region",
    "nature",
    "famous",
    "other_name",
)
_LT_WORD_CLASS = {"SUB": "noun", "ADJ": "adjective", "PA1": "adjective", "PA2": "adjective", "VER": "verb"}
_LT_NAME_KIND = {
    "VOR": "first_name",
    "NAC": "surname",
    "STD": "city",
    "COU": "country",
    "GEB": "region",
    "WAT": "nature",
    "MOU": "nature",
    "GEO": "nature",
    "PER": "famous",
}


@cache
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def _first(name: str) -> str:
    """The given name that counts: the first word, a double name by its first part („Hans-Peter“)."""
    return name.strip().split("-")[0].split()[0].lower() if name.strip() else ""


def known_first_name(name: str) -> bool:
    """Whether gender-guesser's dictionary lists the (first part of the) name, any country, unisex too."""
    return _first(name) in _detector().names


def first_name_verdict(name: str) -> str:
    """gender-guesser's verdict (``female``, ``mostly_female``, ``male``, ``mostly_male``, ``andy`` or
    ``unknown``), German usage first: the first of Germany, Austria and Switzerland with figures for the
    name decides, else the figure over all countries. (For a country without figures gender-guesser
    answers ``andy``, which would hide „Mehmet“ as unisex.)"""
    first = _first(name)
    detector = _detector()
    if first not in detector.names:
        return "unknown"
    for country in GERMAN_SPEAKING:
        i = detector.COUNTRIES.index(country)
        if any(i < len(v) and v[i] != " " for v in detector.names[first].values()):
            return detector.get_gender(first, country)
    return detector.get_gender(first)


def first_name_gender(name: str) -> str:
    """``"female"``, ``"male"`` or ``""`` (unknown or unisex) for a first name; ``mostly_*`` count, see
    :func:`first_name_verdict` for telling them apart."""
    return _GENDERS.get(first_name_verdict(name), "")


@cache
def german_first_names() -> frozenset[str]:
    """Lower-cased first names that gender-guesser records as used in Germany, Austria or Switzerland."""
    detector = _detector()
    columns = [detector.COUNTRIES.index(country) for country in GERMAN_SPEAKING]
    return frozenset(
        name
        for name, genders in detector.names.items()
        if any(value[i] != " " for value in genders.values() for i in columns if i < len(value))
    )


def build_morph_table(lexicon_path: Path, out_path: Path) -> dict[str, int]:
    """Reduce the LanguageTool lexicon to the readings that are unambiguous:

    ``N<TAB>form<TAB>Gender`` for nouns with one grammatical gender, and
    ``V<TAB>form<TAB>Person<TAB>Number<TAB>Mood<TAB>Tense`` for finite verb forms whose person/number
    reading has exactly one mood (e.g. „habe“ 3rd singular is only Konjunktiv I)."""
    noun_genders: dict[str, set[str]] = defaultdict(set)
    verb_moods: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    with gzip.open(lexicon_path, "rt", encoding="utf-8") as lexicon:
        for line in lexicon:
            form, _lemma, tag = line.rstrip("\n").split("\t")
            parts = tag.split(":")
            if parts[0] == "SUB" and len(parts) >= 4:
                noun_genders[form].add(parts[3])
            elif parts[0] == "VER":
                if parts[1] in ("AUX", "MOD"):
                    parts = [parts[0], *parts[2:]]
                if len(parts) >= 4 and parts[1] in ("1", "2", "3") and parts[3] in _LT_MOOD:
                    verb_moods[(form.lower(), parts[1], parts[2])].add(parts[3])
    out_path.parent.mkdir(parents=True, exist_ok=True)
    counts = {"nouns": 0, "verbs": 0}
    with gzip.open(out_path, "wt", encoding="utf-8") as table:
        for form, genders in sorted(noun_genders.items()):
            if len(genders) == 1 and (gender := _LT_GENDER.get(next(iter(genders)))):
                table.write(f"N\t{form}\t{gender}\n")
                counts["nouns"] += 1
        for (form, person, number), moods in sorted(verb_moods.items()):
            if len(moods) == 1 and number in _LT_NUMBER:
                mood = next(iter(moods))
                table.write(
                    f"V\t{form}\t{person}\t{_LT_NUMBER[number]}\t{_LT_MOOD[mood]}\t{_LT_TENSE[mood]}\n"
                )
                counts["verbs"] += 1
    return counts


def read_morph_table(path: Path) -> tuple[dict[str, str], dict[tuple[str, str, str], tuple[str, str]]]:
    """``(noun_gender, verb_mood)`` dictionaries from a table written by :func:`build_morph_table`."""
    nouns: dict[str, str] = {}
    verbs: dict[tuple[str, str, str], tuple[str, str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as table:
        for line in table:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "N":
                nouns[fields[1]] = fields[2]
            else:
                verbs[(fields[1], fields[2], fields[3])] = (fields[4], fields[5])
    return nouns, verbs


def _lexicon_feature(tag: str) -> str:
    """Proper names (``EIG:…:NAC``) by their kind — the last tag field; other words by their class."""
    parts = tag.split(":")
    if parts[0] == "EIG":
        return _LT_NAME_KIND.get(parts[-1].rstrip("*#"), "other_name")
    return _LT_WORD_CLASS.get(parts[0], "function_word")


def lexicon_features(lexicon_path: Path) -> dict[str, set[str]]:
    """``LEXICON_FEATURES`` of every capitalised form (and of capitalised function words, which start
    sentences); first names also come from gender-guesser's dictionary."""
    features: dict[str, set[str]] = defaultdict(set)
    with gzip.open(lexicon_path, "rt", encoding="utf-8") as lexicon:
        for line in lexicon:
            form, _lemma, tag = line.rstrip("\n").split("\t")
            feature = _lexicon_feature(tag)
            if form[:1].isupper():
                features[form].add(feature)
            elif feature == "function_word":
                features[form[:1].upper() + form[1:]].add(feature)
    for name in _detector().names:
        if " " not in name:  # one token, as the NER sees it
            features["-".join(part.capitalize() for part in name.split("-"))].add("first_name")
    return features
