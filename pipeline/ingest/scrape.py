"""Web-scrape furniture and the metadata it carries.

A scrape like the seed document starts with share buttons and logo lines („Projektträgerin“ /
„EAF-Logo“, „gefördert vom“ / „BMFSFJ-logo“) and a bare date. The lines are noise for the text but
their facts are the funder metadata evaluators need, so they are moved into fields. The same cue
lines are also read (but kept) in every other format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.ingest.clean import is_heading_like
from pipeline.ingest.dates import byline_date, date_only, dateline_date
from pipeline.ingest.metadata import byline_publisher, is_byline, organisation_name, stated_fields
from pipeline.ingest.rules import load_rules

MAX_VALUE_CHARS = 120
MAX_VALUE_WORDS = 12  # longer is a sentence, not an organisation name
MAX_CUE_PARAGRAPH_CHARS = 160
HEADER_PARAGRAPHS = 5  # where a dateline or the title is looked for


def is_scrape(text: str) -> bool:
    """Does the text contain a line only a web page has (share button, logo, cookie banner)?"""
    markers = load_rules().scrape_markers
    return any(markers.fullmatch(line.strip()) for line in text.splitlines())


@dataclass
class Header:
    """Metadata found in a document's paragraphs, and the paragraphs that remain."""

    paragraphs: list[str]
    fields: dict[str, str] = field(default_factory=dict)  # projekttraeger, funder, publisher
    date: str = ""
    title: str = ""


def _value(paragraph: str) -> str:
    """A metadata value: the organisation of a logo line, or the short paragraph itself."""
    name = load_rules().logo_name(paragraph)
    if name:
        return name
    value = paragraph.strip(" :–-")
    fits = 0 < len(value) <= MAX_VALUE_CHARS and len(value.split()) <= MAX_VALUE_WORDS
    return organisation_name(value) if fits else ""


def _cue(paragraph: str) -> tuple[str, str] | None:
    """(field, value on the same line or "") if the paragraph starts with a metadata cue word."""
    if len(paragraph) > MAX_CUE_PARAGRAPH_CHARS:
        return None
    for name, pattern in load_rules().cues.items():
        if match := pattern.fullmatch(paragraph):
            rest = match.group("value")
            if not rest:
                return name, ""
            # „Projektträger war die X.“ is a sentence, left to the statement rules
            return (name, value) if (value := _value(rest)) else None
    return None


def first_heading(paragraphs: list[str]) -> str:
    """The first heading-like paragraph near the top, skipping labels („Pressemitteilung“), dates
    and bylines („Landratsamt X – Pressemitteilung Nr. 87/2018 vom 21.11.2018“)."""
    labels = load_rules().title_labels
    for paragraph in paragraphs[:HEADER_PARAGRAPHS]:
        if labels.fullmatch(paragraph) or date_only(paragraph) or is_byline(paragraph):
            continue
        return paragraph if is_heading_like(paragraph) else ""
    return ""


def read_header(paragraphs: list[str], drop_furniture: bool) -> Header:
    """Collect metadata (cue lines first, then bylines and statements in sentences) and the date;
    drop scrape furniture when ``drop_furniture``."""
    noise = load_rules().scrape_noise
    header = Header(paragraphs=[])
    pending = ""  # field whose value is expected in the next paragraph
    for paragraph in paragraphs:
        furniture = bool(noise.fullmatch(paragraph))
        if pending:
            value = _value(paragraph)
            if value:
                header.fields.setdefault(pending, value)
                furniture = True
            pending = ""
        elif cue := _cue(paragraph):
            name, value = cue
            if value:
                header.fields.setdefault(name, value)
            else:
                pending, furniture = name, True
        elif not header.date and (found := date_only(paragraph)):
            header.date, furniture = found, True
        if not (drop_furniture and furniture):
            header.paragraphs.append(paragraph)
    top = paragraphs[:HEADER_PARAGRAPHS]
    if not header.date:
        header.date = next(filter(None, (byline_date(p) or dateline_date(p) for p in top)), "")
    if publisher := next(filter(None, map(byline_publisher, top)), ""):
        header.fields.setdefault("publisher", publisher)
    for name, value in stated_fields(paragraphs).items():
        header.fields.setdefault(name, value)
    header.title = first_heading(header.paragraphs)
    return header
