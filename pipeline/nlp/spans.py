"""Where an entity span may begin and end: one rule for the gold spans of the training corpora
(``convert.py``) and the entities the pipeline predicts (``projektradar_entity_trim``), so a model is
neither trained nor scored on a comma or hashtag at a name's edge."""

from __future__ import annotations

from spacy.tokens import Span

_SENTENCE_PUNCTUATION = set(".,;:!?…")
# Each bracket or quote token with its pair (opening, closing).
_BRACKETS = {bracket: pair for pair in ("()", "[]", "„“", "‚‘", '""', "«»") for bracket in pair}


def trimmed(span: Span) -> Span | None:
    """The span without the tokens at its edges that are never part of a name: whitespace (offsets
    that include a line break would make the NER oracle fail), sentence punctuation that annotators
    swept in („Staatssekretär Krämer.“, „Wolfgang Bittner,“), a hashtag or mention sign before the
    name („#Lucke“) and a bracket whose partner lies outside the span. Abbreviation dots inside a
    token („Jr.“, „e.V.“) and balanced brackets or quotes stay; None when nothing is left."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and _edge_noise(doc[start].text, doc[start:end].text, leading=True):
        start += 1
    while end > start and _edge_noise(doc[end - 1].text, doc[start:end].text, leading=False):
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label) if end > start else None


def _edge_noise(token: str, text: str, leading: bool) -> bool:
    if token.isspace() or (token and all(c in _SENTENCE_PUNCTUATION for c in token)):
        return True
    if leading and token in ("#", "@"):
        return True
    if token not in _BRACKETS:
        return False
    opening, closing = _BRACKETS[token]
    if opening == closing:
        return text.count(opening) % 2 == 1
    return text.count(opening) != text.count(closing)
