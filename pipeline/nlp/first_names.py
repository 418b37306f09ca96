"""First names and their gender from ``gender-guesser`` (its name dictionary by Jörg Michael covers
German, Austrian and Swiss first names with frequencies): evidence for PER entities in the entity rules
and for people extraction, and a feature of the NER's training data."""

from __future__ import annotations

from functools import cache

import gender_guesser.detector

GERMAN_SPEAKING = ("germany", "austria", "swiss")
_GENDERS = {"female": "female", "mostly_female": "female", "male": "male", "mostly_male": "male"}


@cache
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def _first(name: str) -> str:
    """The given name that counts: the first word, a double name by its first part („Hans-Peter“)."""
    words = name.split()
    return words[0].split("-")[0].lower() if words else ""


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


def first_name_list() -> list[str]:
    """Every one-word first name of gender-guesser's dictionary (all countries), as written in text."""
    return sorted({capitalised(name) for name in _detector().names if " " not in name})


def capitalised(name: str) -> str:
    return "-".join(part.capitalize() for part in name.split("-"))
