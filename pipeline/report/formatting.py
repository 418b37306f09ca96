"""German number and date formats for the report („1.234“, „12,5 %“, „17.09.2015“)."""

from __future__ import annotations

import re

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def format_int(value: float) -> str:
    """Whole number with a dot as thousands separator: 12345 → „12.345“."""
    return f"{round(value):,}".replace(",", ".")


def format_percent(part: float, whole: float) -> str:
    """Share as German percentage with one decimal when it matters: „12,5 %“, „40 %“."""
    if not whole:
        return "–"
    share = 100 * part / whole
    text = f"{share:.0f}" if abs(share - round(share)) < 0.05 else f"{share:.1f}".replace(".", ",")
    return f"{text}\u202f%"


def format_date(iso: str | None) -> str:
    """ISO date (full or month only) in German: „17.09.2015“, „September 2015“, „2015“."""
    match = _ISO_DATE.match(iso or "")
    if not match:
        return ""
    year, month, day = match.groups()
    if day:
        return f"{day}.{month}.{year}"
    if month:
        return f"{MONTHS[int(month) - 1]} {year}"
    return year
