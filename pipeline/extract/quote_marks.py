"""Pair quotation marks in raw text, tolerant of the mismatched styles real documents use.

German text mixes „…“, „…”, "…", »…«, «…», ‚…‘, “…” and typewriter quotes, and scrapes break the
pairs. Marks are paired with a stack per family (double / single); glyphs whose direction depends
on the style (“ ” " » « ‘ ’) open or close by context. Apostrophes (geht’s, M’s) are skipped.
A paragraph break ends every open quote, so one stray mark cannot swallow the rest of a document.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE = '„“”"»«″'
SINGLE = "‚‘’‹›"
OPEN_ONLY = "„‚"
QUOTE_CHARS = DOUBLE + SINGLE


@dataclass
class QuotedSpan:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    depth: int  # 0 = outermost

    @property
    def start(self) -> int:
        """Start of the content (after the opening mark)."""
        return self.open + 1

    @property
    def end(self) -> int:
        """End of the content (the closing mark's offset)."""
        return self.close


def _family(char: str) -> str:
    return "double" if char in DOUBLE else "single"


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All paired quotations in ``text``, sorted by position; nested ones carry ``depth > 0``."""
    spans: list[QuotedSpan] = []
    stack: list[tuple[int, str]] = []  # (offset, family)
    for i, char in enumerate(text):
        if char == "\n" and text[i + 1 : i + 2] == "\n":
            stack.clear()
            continue
        if char not in QUOTE_CHARS:
            continue
        left = text[i - 1] if i else " "
        right = text[i + 1] if i + 1 < len(text) else " "
        family = _family(char)
        if family == "single" and left.isalnum() and (right.isalnum() or not stack):
            continue  # apostrophe: geht’s, M’s, Grass’
        can_open = not right.isspace() and right not in ",.;:!?"
        can_close = not left.isspace()
        if char in OPEN_ONLY:
            if can_open:
                stack.append((i, family))
            continue
        match = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == family), None)
        if match is not None and can_close and not (can_open and left in "([„‚ \n"):
            opening, _ = stack[match]
            del stack[match:]
            spans.append(QuotedSpan(open=opening, close=i, depth=match))
        elif can_open:
            stack.append((i, family))
    return sorted(spans, key=lambda s: s.open)


def quoted_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of ``text[start:end]`` inside outermost quotation marks, marks included.

    A merged interrupted quote („A“, sagte sie, „B“) spans the attribution; the segments leave it
    out. Text without marks is one segment.
    """
    segments = [
        (s.open, s.close + 1) for s in find_quoted_spans(text[max(0, start - 1) : end + 1]) if s.depth == 0
    ]
    offset = max(0, start - 1)
    return [(a + offset, b + offset) for a, b in segments] or [(start, end)]
