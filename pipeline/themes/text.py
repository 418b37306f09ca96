"""Light German text analysis for the theme model: tokens, lookup lemmas and sentences.

Uses ``spacy.blank("de")`` with the lookup lemmatizer from spacy-lookups-data and a rule-based
sentencizer, so theme scores do not change with the NER model that is installed and a paragraph is
analysed in well under a millisecond.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from spacy.language import Language


ANALYSIS_CACHE = 2048
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
    sentences: tuple[tuple[int, int], ...]
    words: tuple[tuple[int, int, str], ...]  # start, end and lemma of each word token

    @cached_property
    def lemmas(self) -> str:
        """Space-separated lower-case lemmas of the word tokens (the classifier's input)."""
        return " ".join(lemma for _, _, lemma in self.words)

    def within(self, start: int, end: int) -> Analysis:
        """The analysis of ``text[start:end]`` for a span on token boundaries (sentences): the
        tokenizer works on whitespace-separated chunks and the lemmas are looked up word by word, so
        slicing gives what analysing the slice would, without tokenizing it again."""
        words = tuple((s - start, e - start, lemma) for s, e, lemma in self.words if start <= s and e <= end)
        return Analysis(
            tuple(
                Part(p.form, p.lemma, p.start - start, p.end - start)
                for p in self.parts
                if start <= p.start and p.end <= end
            ),
            tuple((s - start, e - start) for s, e in self.sentences if start <= s and e <= end),
            words,
        )


@cache
def german_nlp() -> Language:
    """Blank German pipeline with lookup lemmas and sentence boundaries (loaded once per process)."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    nlp.initialize()
    return nlp


def normalize(text: str) -> str:
    """NFC so that „ä“ written as a + combining mark matches the codebook's „ä“."""
    return unicodedata.normalize("NFC", text)


Value = TypeVar("Value")


class BoundedMemo(Generic[Value]):
    """Thread-safe least-recently-used memo of at most ``size`` texts (the theme model runs in a
    thread beside spaCy; bounded so memory stays flat over a corpus)."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[str, Value] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, text: str) -> bool:
        return text in self._entries

    def get(self, text: str) -> Value | None:
        with self._lock:
            found = self._entries.get(text)
            if found is not None:
                self._entries.move_to_end(text)
            return found

    def put(self, text: str, value: Value) -> Value:
        with self._lock:
            self._entries[text] = value
            self._entries.move_to_end(text)
            if len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    @contextmanager
    def resized(self, size: int):
        """Hold up to ``size`` texts within the block, then shrink back to the usual size."""
        usual, self.size = self.size, max(size, self.size)
        try:
            yield
        finally:
            with self._lock:
                self.size = usual
                while len(self._entries) > usual:
                    self._entries.popitem(last=False)


_ANALYSES: BoundedMemo[Analysis] = BoundedMemo(ANALYSIS_CACHE)


def analyses_kept(size: int):
    """Within the block, keep up to ``size`` analyses: training featurises the same few thousand
    paragraphs and their windows in every cross-validation fit (training 105 s → 79 s on two cores,
    at 0.1 GB more peak memory)."""
    return _ANALYSES.resized(size)


def analyse(text: str) -> Analysis:
    """Parts, lemma string and sentence offsets of ``text`` (offsets index ``text`` itself).

    Memoised for the few thousand texts a batch or a training run analyses repeatedly (paragraphs,
    their sentence windows, evidence candidates)."""
    found = _ANALYSES.get(text)
    return found if found is not None else _ANALYSES.put(text, _analyse(text))


def analyse_spans(text: str, spans: Iterable[tuple[int, int]]) -> None:
    """Memoise the analyses of ``text[start:end]`` for sentence spans of ``text``, cut from the
    analysis of ``text`` (:meth:`Analysis.within`) — a paragraph's sentences are then not analysed
    a second time when they are scored on their own."""
    analysis = analyse(text)
    for start, end in spans:
        if text[start:end] not in _ANALYSES:  # a paragraph scored again keeps its sentences' analyses
            _ANALYSES.put(text[start:end], analysis.within(start, end))


def _analyse(text: str) -> Analysis:
    doc = german_nlp()(normalize(text))
    parts: list[Part] = []
    words: list[tuple[int, int, str]] = []
    for token in doc:
        if not _WORD.search(token.text):
            continue
        lemma = (token.lemma_ or token.text).lower()
        words.append((token.idx, token.idx + len(token), lemma))
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
    return Analysis(tuple(parts), sentences, tuple(words))
