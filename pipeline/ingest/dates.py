"""German (and e-mail) date expressions to ISO 8601, without dateparser's import cost.

Every function returns ``YYYY-MM-DD``, ``YYYY-MM`` (month known, day not) or "" and never raises:
dates come from untrusted text and a bad one must only cost the date, not the document.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re

from pipeline.ingest.rules import load_rules

MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_BYLINE_CHARS = 200
DATELINE_PREFIX = re.compile(r"[*_]*[A-ZÄÖÜ][^\W\d_]*(?:[ -/][A-ZÄÖÜ(]?[^\W\d_).]*){0,4},\s*(?:den\s+)?")


@functools.cache
def _patterns() -> list[re.Pattern[str]]:
    months = "|".join(sorted((re.escape(m) for m in load_rules().months), key=len, reverse=True))
    return [
        re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
        re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4}|\d{2})(?![\d])"),
        re.compile(
            rf"(?:(?<![\d.])(?P<day>\d{{1,2}})\.?\s*)?\b(?P<name>{months})\b\.?\s*(?P<year>\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
    ]


def _iso(match: re.Match[str]) -> str:
    """ISO form of a matched date, or "" if it names no real calendar day."""
    parts = match.groupdict()
    year = int(parts["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    month = load_rules().months[parts["name"].lower()] if parts.get("name") else int(parts["month"])
    day = int(parts["day"]) if parts.get("day") else None
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return ""
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def _all_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every valid date in ``text`` with its match, in text order."""
    found = [(m.start(), _iso(m), m) for pattern in _patterns() for m in pattern.finditer(text)]
    return [(iso, m) for _, iso, m in sorted(found, key=lambda item: item[0]) if iso]


def _first_match(text: str) -> tuple[str, re.Match[str] | None]:
    """Earliest valid date in ``text`` with its match."""
    valid = _all_matches(text)
    return valid[0] if valid else ("", None)


def find_date(text: str) -> str:
    """The first date anywhere in ``text``."""
    return _first_match(text)[0]


def parse_date(value: str) -> str:
    """A metadata date value: ISO, German forms or an RFC 2822 e-mail date."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None and MIN_YEAR <= parsed.year <= MAX_YEAR:
        return parsed.date().isoformat()
    return find_date(value)


def date_only(line: str) -> str:
    """The date if ``line`` is nothing but a date (allowing "Stand:", a weekday, punctuation)."""
    if len(line) > 60:
        return ""
    iso, match = _first_match(line)
    if match is None:
        return ""
    rest = re.sub(r"[\W_]+", " ", line[: match.start()] + " " + line[match.end() :]).split()
    return iso if all(load_rules().date_line_words.fullmatch(word) for word in rest) else ""


def dateline_date(paragraph: str) -> str:
    """Date of a press-release dateline at the start of a paragraph ("Görlitz, 3. März 2021 – …")."""
    prefix = DATELINE_PREFIX.match(paragraph)
    if prefix is None:
        return ""
    iso, match = _first_match(paragraph[prefix.end() : prefix.end() + 40])
    return iso if match is not None and match.start() == 0 else ""


def byline_date(paragraph: str) -> str:
    """Date closing a byline („Pressemitteilung der X, Arnsberg, 05.09.2016“, „… vom 21.11.2018“).

    Only a paragraph with exactly one date counts, so a period such as „Laufzeit 01.01.2015 bis
    31.12.2017“ in a title is not mistaken for the publication date.
    """
    if len(paragraph) > MAX_BYLINE_CHARS:
        return ""
    dates = _all_matches(paragraph)
    if len(dates) != 1:
        return ""
    iso, match = dates[0]
    closes = not paragraph[match.end() :].strip(" .")
    return iso if closes and load_rules().byline_date_joiner.search(paragraph[: match.start()]) else ""
