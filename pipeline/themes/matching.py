"""Compound-aware matching of codebook terms: the weak labels, the evidence and the masked evaluation.

German glues words together („Fachkräftemangel“, „Nachwuchsfachkräfte“), so a term matches a word
(or its lemma) when it starts the word or a hyphen part, or begins inside a compound after at least
:data:`MIN_MODIFIER` letters. A leading ``=`` asks for the whole word, for short abbreviations (=ESF).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.themes.codebook import MIN_STEM, Codebook
from pipeline.themes.text import BoundedMemo, Part, analyse

MIN_MODIFIER = 3
MASK = "_"
HITS_CACHE = 4096  # texts; a batch of 32 documents scores ~450 paragraphs and sentences


class WordPatterns:
    """All single-word patterns of a set of terms, indexed so one word is checked in a few look-ups."""

    def __init__(self, patterns: Iterable[str]):
        self.whole = frozenset(p[1:] for p in patterns if p.startswith("="))
        self.short = tuple(p for p in patterns if not p.startswith("=") and len(p) < MIN_STEM)
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        for p in sorted({p for p in patterns if not p.startswith("=") and len(p) >= MIN_STEM}):
            self.by_prefix[p[:MIN_STEM]].append(p)
        self.matches = lru_cache(maxsize=200_000)(self._matches)

    def _matches(self, word: str) -> frozenset[str]:
        """Patterns (``=``-prefixed for whole-word ones) that match ``word``."""
        found = {f"={word}"} if word in self.whole else set()
        found.update(p for p in self.short if word.startswith(p))
        for k in (0, *range(MIN_MODIFIER, len(word) - MIN_STEM + 1)):
            for p in self.by_prefix.get(word[k : k + MIN_STEM], ()):
                if word.startswith(p, k):
                    found.add(p)
        return frozenset(found)

    def of(self, part: Part) -> frozenset[str]:
        return self.matches(part.form) | self.matches(part.lemma)


@cache
def _by_first_word(terms: tuple[str, ...]) -> dict[str, list[tuple[str, list[str]]]]:
    by_first: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for term in terms:
        words = term.split()
        by_first[words[0]].append((term, words))
    return dict(by_first)


def find_terms(terms: tuple[str, ...], matched: Sequence[frozenset[str]]) -> dict[str, list[tuple[int, int]]]:
    """Where each (possibly multi-word) term occurs: index ranges ``[i, j)`` of the parts, given the
    patterns each part matched. Only terms whose first word matched somewhere are checked."""
    by_first = _by_first_word(terms)
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, patterns in enumerate(matched):
        for pattern in patterns:
            for term, words in by_first.get(pattern, ()):
                n = len(words)
                if i + n <= len(matched) and all(words[k] in matched[i + k] for k in range(1, n)):
                    found[term].append((i, i + n))
    return found


@dataclass(frozen=True)
class Hit:
    theme: str
    term: str
    start: int  # character offsets in the analysed text
    end: int


@cache
def _patterns(codebook: Codebook) -> WordPatterns:
    terms = [t for th in codebook.themes for t in (*th.indicators, *th.exclusions, *th.requires)]
    return WordPatterns({w for t in terms for w in t.split()})


class IndicatorMatcher:
    """Applies a codebook's indicators, exclusions and ``requires`` terms to a text.

    Use :func:`matcher_for` to share one matcher (and its memo of hits) per codebook."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.patterns = _patterns(codebook)
        self.terms = tuple(
            sorted({t for th in codebook.themes for t in (*th.indicators, *th.exclusions, *th.requires)})
        )
        self.indicators = tuple(sorted({t for th in codebook.themes for t in th.indicators}))
        self._hits: BoundedMemo[tuple[Hit, ...]] = BoundedMemo(HITS_CACHE)

    def _matched(self, parts: Sequence[Part]) -> list[frozenset[str]]:
        return [self.patterns.of(p) for p in parts]

    def hits(self, text: str) -> tuple[Hit, ...]:
        """Indicator occurrences per theme, minus those inside an exclusion, in text order
        (memoised: the theme model asks for a paragraph's and a sentence's hits more than once)."""
        found = self._hits.get(text)
        if found is None:
            parts = analyse(text).parts
            found = self._hits.put(text, self._hits_of(parts, self._matched(parts)))
        return found

    def remember_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> None:
        """Memoise the hits of ``text[start:end]`` for sentence spans of ``text`` from the patterns
        ``text``'s parts matched: a sentence's parts are a slice of its paragraph's parts (see
        :meth:`~pipeline.themes.text.Analysis.within`), and terms are found within the slice only."""
        missing = [(start, end) for start, end in spans if text[start:end] not in self._hits]
        if not missing:  # a single sentence, or a paragraph scored before
            return
        parts = analyse(text).parts
        matched = self._matched(parts)
        starts = [p.start for p in parts]
        for start, end in missing:
            i = bisect_left(starts, start)
            j = i
            while j < len(parts) and parts[j].end <= end:
                j += 1
            own = analyse(text[start:end]).parts  # the same parts, offsets relative to the span
            self._hits.put(text[start:end], self._hits_of(own, matched[i:j]))

    def _hits_of(self, parts: Sequence[Part], matched: Sequence[frozenset[str]]) -> tuple[Hit, ...]:
        where = find_terms(self.terms, matched)
        found: list[Hit] = []
        for theme in self.codebook.themes:
            if theme.requires and not any(t in where for t in theme.requires):
                continue
            excluded = {k for t in theme.exclusions for i, j in where.get(t, ()) for k in range(i, j)}
            for term in theme.indicators:
                for i, j in where.get(term, ()):
                    if not excluded.intersection(range(i, j)):
                        found.append(Hit(theme.id, term, parts[i].start, parts[j - 1].end))
        return tuple(sorted(found, key=lambda h: (h.start, h.theme, h.term)))

    def weak_labels(self, text: str) -> set[str]:
        """Themes whose indicators occur in ``text`` (the weak, rule-based label)."""
        return {hit.theme for hit in self.hits(text)}

    def mask(self, text: str) -> str:
        """``text`` with every word that matches any indicator (ignoring exclusions) replaced by ``_``.

        Used to test whether the model recognises a theme from its context rather than its keywords.
        """
        parts = analyse(text).parts
        where = find_terms(self.indicators, self._matched(parts))
        spans = sorted(
            {
                (parts[k].start, parts[k].end)
                for found in where.values()
                for i, j in found
                for k in range(i, j)
            }
        )
        out, last = [], 0
        for start, end in spans:
            out.append(text[last:start])
            out.append(MASK)
            last = end
        out.append(text[last:])
        return "".join(out)


@cache
def matcher_for(codebook: Codebook) -> IndicatorMatcher:
    """The one matcher of ``codebook`` in this process (the classifier's features, the evidence and
    the paragraph rows ask it for the same texts' hits)."""
    return IndicatorMatcher(codebook)
