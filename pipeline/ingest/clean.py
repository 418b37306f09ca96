"""Text normalisation shared by all readers: one clean text whose offsets every later stage uses.

German typography („…“, ß, –, Leiter*in) is kept; only invisible characters go. Paragraphs end
up separated by exactly one blank line.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.ingest.rules import load_rules

# Control and invisible characters (soft hyphen, zero-width space/joiners, BOM) carry no text.
INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
SPACES = re.compile(r"[^\S\n]+")
BLANK_LINES = re.compile(r"\n\s*\n")
HYPHEN_AT_END = re.compile(r"(?<=[^\W\d_])-$")
LIST_ITEM = re.compile(r"([-*•–+]|\d{1,3}[.)])\s")
SENTENCE_END = re.compile(r"[.,;:]$")
HARD_WRAP_MAX = 100  # plain-text lines never longer than this suggest a hard-wrapped file
MAX_HEADING_CHARS = 160
MAX_HEADING_WORDS = 22


def normalise(text: str) -> str:
    """NFC, ``\\n`` line breaks, invisible characters removed."""
    text = LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text))
    return INVISIBLE.sub("", text)


def plain_text_blocks(text: str) -> str:
    """Mark paragraph breaks in plain text (files, e-mail bodies, table cells).

    Hard-wrapped text (short lines, blank lines between paragraphs) keeps its single line breaks as
    soft wraps; in other text, such as web scrapes with one paragraph per line, every line break
    ends a paragraph.
    """
    text = normalise(text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    hard_wrapped = len(lines) >= 3 and BLANK_LINES.search(text) and max(map(len, lines)) <= HARD_WRAP_MAX
    return text if hard_wrapped else text.replace("\n", "\n\n")


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join soft-wrapped lines into paragraphs, repairing end-of-line hyphenation.

    „Netz-/werk“ becomes „Netzwerk“, but „Beteiligungs-/und“ keeps its hyphen and a space and
    „ESF-/Richtlinie“ its hyphen. A list item or a line much shorter than its neighbours (a heading
    directly above the body) starts or ends a paragraph of its own.
    """
    conjunctions = load_rules().hyphen_before_conjunction
    width = max(map(len, lines))
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if current and LIST_ITEM.match(line):
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif HYPHEN_AT_END.search(current):
            next_word = line.split(" ", 1)[0]
            if next_word.lower() in conjunctions:
                current = f"{current} {line}"
            elif next_word[:1].islower():
                current = current[:-1] + line
            else:
                current += line
        else:
            current = f"{current} {line}"
        if len(line) < 0.6 * width and not SENTENCE_END.search(line) and not HYPHEN_AT_END.search(line):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def split_paragraphs(text: str) -> list[str]:
    """Clean paragraphs of an :class:`Extracted` text (blank line = break, line break = wrap)."""
    paragraphs: list[str] = []
    for block in BLANK_LINES.split(normalise(text)):
        lines = [SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.extend(_join_wrapped(lines))
    return paragraphs


def join_paragraphs(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The clean text and the (start, end) offsets of its paragraphs."""
    offsets: list[tuple[int, int]] = []
    position = 0
    for paragraph in paragraphs:
        offsets.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return "\n\n".join(paragraphs), offsets


def clean_line(value: str) -> str:
    """A metadata value on one line: normalised, whitespace collapsed."""
    return SPACES.sub(" ", normalise(value or "").replace("\n", " ")).strip()


def is_heading_like(paragraph: str) -> bool:
    """Short, few words, no sentence punctuation at the end: a headline rather than body text."""
    return (
        3 <= len(paragraph) <= MAX_HEADING_CHARS
        and len(paragraph.split()) <= MAX_HEADING_WORDS
        and any(ch.isalpha() for ch in paragraph)
        and not SENTENCE_END.search(paragraph)
    )
