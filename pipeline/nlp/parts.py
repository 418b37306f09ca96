"""Texts of any length through spaCy: cut into paragraph-aligned parts, parsed, joined into one Doc.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and the parser's memory grows with
the text it sees at once, so a 400-page report is parsed as parts of at most ``part_chars``
characters. Each part is parsed exactly as a file with that text would be; the whitespace between
parts stays outside every part, and :func:`join_parts` puts parts and separators back together with
``Doc.from_docs``. The extraction components then run over the whole document, so back references
(„so Schramm“) and organisation abbreviations resolve across part boundaries and every offset
indexes the whole clean text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Where a part may end, best first: after a paragraph, after a sentence, after a word.
_WHITESPACE = re.compile(r"\s*")
_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"(?<=[.!?…“\"])\s+(?=\S)"), re.compile(r"\s+"))


def part_bounds(text: str, part_chars: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts of ``text``: each at most ``part_chars`` long and without the
    whitespace that separates it from the next; the whole text when it is short enough."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > part_chars:
        window = text[start : start + part_chars + 1]
        end = start + part_chars  # no whitespace at all: a hard cut
        for cut in _CUTS:
            found = [m for m in cut.finditer(window) if m.start() > 0]
            if found:
                end = start + found[-1].start()
                break
        bounds.append((start, end))
        start = _WHITESPACE.match(text, end).end()
    bounds.append((start, len(text)))
    return bounds


def pieces(text: str, part_chars: int) -> Iterator[tuple[str, bool]]:
    """The text as ``(piece, is_part)``: parts to parse and the whitespace between them."""
    previous_end = None
    for start, end in part_bounds(text, part_chars):
        if previous_end is not None:
            yield text[previous_end:start], False
        yield text[start:end], True
        previous_end = end


def join_parts(nlp: Language, docs: Sequence[Doc], separators: Sequence[str]) -> Doc:
    """One Doc from parsed parts and the whitespace between them (one separator fewer than parts).
    A separator joins the sentence before it, as spaCy attaches whitespace inside one text."""
    from spacy.tokens import Doc

    if len(docs) == 1:
        return docs[0]
    joined: list[Doc] = [docs[0]]
    for separator, doc in zip(separators, docs[1:], strict=True):
        if separator:  # empty after a hard cut inside a word
            space = nlp.make_doc(separator)
            space[0].is_sent_start = False
            joined.append(space)
        joined.append(doc)
    return Doc.from_docs(joined, ensure_whitespace=False, exclude=["tensor", "user_data"])
