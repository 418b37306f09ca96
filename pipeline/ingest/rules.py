"""The ingest stage's line patterns and cue words, loaded from ``resources/ingest.yml``.

They are data so that a new corpus with new page furniture needs a YAML edit, not a code change.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.settings import RESOURCES_DIR

RULES_FILE = RESOURCES_DIR / "ingest.yml"


def _each(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``patterns`` (use with ``fullmatch``)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class IngestRules:
    scrape_markers: re.Pattern[str]
    scrape_noise: re.Pattern[str]
    logo_names: tuple[re.Pattern[str], ...]
    cues: dict[str, re.Pattern[str]]  # field -> cue at paragraph start, rest in group "value"
    date_line_words: re.Pattern[str]
    months: dict[str, int]  # lower-case name or abbreviation -> month number
    title_labels: re.Pattern[str]
    page_numbers: re.Pattern[str]
    hyphen_before_conjunction: frozenset[str]
    columns: dict[str, tuple[str, ...]]
    companion_files: tuple[str, ...]
    publisher_bylines: tuple[re.Pattern[str], ...]  # group "org", use with ``fullmatch``
    byline_date_joiner: re.Pattern[str]
    statements: dict[str, tuple[re.Pattern[str], ...]]  # field -> patterns, group "value", ``search``
    name_inner_words: frozenset[str]
    name_articles: frozenset[str]
    name_adjective_after: frozenset[str]
    name_legal_forms: frozenset[str]
    nominative: dict[str, str]  # inflected first word(s) of a name -> nominative
    adjective_endings: dict[str, str]  # grammatical gender -> strong nominative adjective ending
    noun_genders: tuple[tuple[str, str], ...]  # (lower-case noun ending, gender), longest first
    redundant_type_words: tuple[re.Pattern[str], ...]  # group "name", use with ``fullmatch``
    not_names: re.Pattern[str]
    department_words: re.Pattern[str]

    def logo_name(self, line: str) -> str:
        """Organisation named by a logo line ("EAF-Logo" -> "EAF"), else ""."""
        for pattern in self.logo_names:
            if match := pattern.fullmatch(line.strip()):
                return match.group("name").strip(" -:")
        return ""


@functools.cache
def load_rules(path: Path = RULES_FILE) -> IngestRules:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    cues = {
        field: re.compile(rf"(?:{'|'.join(patterns)})\b\s*:?\s*(?P<value>.*)", re.IGNORECASE)
        for field, patterns in data["metadata_cues"].items()
    }
    names = data["organisation_names"]
    months = {name.lower(): int(number) for number, names in data["months"].items() for name in names}
    return IngestRules(
        scrape_markers=_any_of(data["scrape_markers"]),
        scrape_noise=_any_of(data["scrape_markers"] + data["scrape_noise"]),
        logo_names=_each(data["logo_name"]),
        cues=cues,
        date_line_words=_any_of(data["date_line_words"]),
        months=months,
        title_labels=_any_of(data["title_labels"]),
        page_numbers=_any_of(data["page_numbers"]),
        hyphen_before_conjunction=frozenset(w.lower() for w in data["hyphen_before_conjunction"]),
        columns={field: tuple(n.lower() for n in names) for field, names in data["columns"].items()},
        companion_files=tuple(data["companion_files"]),
        publisher_bylines=_each(data["publisher_bylines"]),
        byline_date_joiner=re.compile(data["byline_date_joiner"], re.IGNORECASE),
        statements={field: _each(patterns) for field, patterns in data["metadata_statements"].items()},
        name_inner_words=frozenset(names["inner_words"]),
        name_articles=frozenset(names["articles"]),
        name_adjective_after=frozenset(names["adjective_after"]),
        name_legal_forms=frozenset(names["legal_forms"]),
        nominative=dict(names["nominative"]),
        adjective_endings=dict(names["adjective_endings"]),
        noun_genders=tuple(
            sorted(
                ((noun, gender) for gender, nouns in names["noun_genders"].items() for noun in nouns),
                key=lambda pair: -len(pair[0]),
            )
        ),
        redundant_type_words=_each(names["redundant_type_words"]),
        not_names=_any_of(names["not_names"]),
        department_words=_any_of(data["department_words"]),
    )
