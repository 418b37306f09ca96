"""Light German text analysis for the theme model: tokens, lookup lemmas and sentences.

Uses ``spacy.blank("de")`` with the lookup lemmatizer from spacy-lookups-data and a rule-based
sentencizer, so theme scores do not change with the NER model that is installed and a paragraph is
analysed in well under a millisecond.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import spacy
from spacy.language import Language

ANALYSIS_CACHE = 8192
_SPLIT_PARTS = re.compile(r"[-/]")
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Part:
    """A word or one part of a hyphenated/slashed word, lower-cased, with character offsets."""

    form: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True)
class Analysis:
    parts: tuple[Part, ...]
    lemmas: str  # space-separated lower-case lemmas of the word tokens (feature input)
    sentences: tuple[tuple[int, int], ...]


@cache
def german_nlp() -> Language:
    """Blank German pipeline with lookup lemmas and sentence boundaries (loaded once per process)."""
    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    nlp.initialize()
    return nlp


def normalize(text: str) -> str:
    """NFC so that „ä“ written as a + combining mark matches the codebook's „ä“."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=ANALYSIS_CACHE)
def analyse(text: str) -> Analysis:
    """Parts, lemma string and sentence offsets of ``text`` (offsets index ``text`` itself).

    Memoised for the few thousand texts a batch or a training run analyses repeatedly (paragraphs,
    their sentence windows, evidence candidates); bounded so memory stays flat over a corpus."""
    doc = german_nlp()(normalize(text))
    parts: list[Part] = []
    lemmas: list[str] = []
    for token in doc:
        if not _WORD.search(token.text):
            continue
        lemma = (token.lemma_ or token.text).lower()
        lemmas.append(lemma)
        pieces = _SPLIT_PARTS.split(token.text)
        if len(pieces) == 1:
            parts.append(Part(token.lower_, lemma, token.idx, token.idx + len(token)))
            continue
        offset = token.idx
        for piece in pieces:
            if _WORD.search(piece):
                parts.append(Part(piece.lower(), piece.lower(), offset, offset + len(piece)))
            offset += len(piece) + 1
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return Analysis(tuple(parts), " ".join(lemmas), sentences)
