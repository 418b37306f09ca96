"""Token-level helpers shared by the people, role and organisation rules."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from pipeline.extract.lexicons import PersonNames, lexicons_of
from pipeline.nlp.sentences import closes_sentence


def glued(doc: Doc, i: int, accept: Callable[[str], bool], max_tokens: int = 4) -> int | None:
    """End index of the longest run of tokens from ``i`` written without spaces that ``accept`` takes.

    The tokenizer splits „i.R.“, „Dr.-Ing.“ or „Leiter:in“ into several tokens; this sees the word.
    """
    best = None
    text = ""
    for j in range(i, min(i + max_tokens, len(doc))):
        text += doc[j].text
        if accept(text):
            best = j + 1
        if doc[j].whitespace_ or doc[j].is_space:
            break
    return best


# An article's topic person (its first, named at least twice) is what a word refers back to only if
# last named fewer sentences before than this: a long report's first person is not the topic of its
# later chapters (roles: „Der Gewerkschaftsboss …“; pronouns: „… galt er als …“).
TOPIC_SENTENCES = 8
_TEXT_KEY = "projektradar.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins all tokens again on every access, and the rules
    read slices of the text per mention and quote."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def article_before(doc: Doc, i: int) -> Token | None:
    """The determiner of the noun at ``i``, past the adjectives before it („der Vorsitzende Richter“)."""
    k = i - 1
    while k >= 0 and doc[k].pos_ == "ADJ":
        k -= 1
    return doc[k] if k >= 0 and doc[k].pos_ == "DET" else None


def plural_noun(doc: Doc, i: int) -> bool:
    """Whether the noun at ``i`` is plural: as its article says where the article's number is clear
    („des Staatspräsidenten“ is singular whatever the tagger reads in the noun), else as the noun's
    own morphology says."""
    article = article_before(doc, i)
    number = article.morph.get("Number") if article is not None else []
    return (number or doc[i].morph.get("Number")) == ["Plur"]


def _sentences(doc: Doc, names: PersonNames) -> list[Span]:
    """The parser's sentences, rejoined where a boundary follows no sentence-final punctuation.

    A statistical parser sometimes splits inside an apposition („…, Kaufmännische | Leiterin der …“)
    or after a title („Dr. | Jens Krüger“); a boundary after a line break or punctuation that can end a
    sentence is kept.
    """
    if not doc.has_annotation("SENT_START"):
        return [doc[:]]
    starts = [0]
    for sent in list(doc.sents)[1:]:
        before = doc[sent.start - 1]
        if names.is_title(before.text):  # „Dr. | Jens Krüger“: a title's period ends no sentence
            continue
        if closes_sentence(before):
            starts.append(sent.start)
    return [doc[s:e] for s, e in zip(starts, [*starts[1:], len(doc)], strict=True)]


_ENTS_KEY = "projektradar.ents"
_SENTENCES_KEY = "projektradar.sentences"


def _entity_index(doc: Doc) -> tuple[list[int], list[Span]]:
    """The doc's entities and their start tokens, built once per Doc: ``doc.ents`` and ``span.ents``
    build every entity of the doc on each call, which made the rules quadratic in the length of a
    report (the extraction components run after every component that sets entities)."""
    index = doc.user_data.get(_ENTS_KEY)
    if index is None:
        ents = list(doc.ents)
        index = doc.user_data[_ENTS_KEY] = ([e.start for e in ents], ents)
    return index


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that starts at token ``i``."""
    starts, ents = _entity_index(doc)
    k = bisect_left(starts, i)
    return ents[k] if k < len(starts) and starts[k] == i else None


def entities_in(span: Span) -> list[Span]:
    """The doc's entities inside ``span`` (what ``span.ents`` gives, from the index)."""
    starts, ents = _entity_index(span.doc)
    found = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found


def sentences_of(doc: Doc) -> Sentences:
    """The one :class:`Sentences` of ``doc`` (built once: it walks the whole document), with the titles of
    the lexicons attached to ``doc``."""
    sentences = doc.user_data.get(_SENTENCES_KEY)
    if sentences is None:
        sentences = doc.user_data[_SENTENCES_KEY] = Sentences(doc, lexicons_of(doc).names)
    return sentences


class Sentences:
    """Sentence index and text for any token of a ``Doc``.

    Docs without sentence boundaries (a blank pipeline) count as a single sentence.
    """

    def __init__(self, doc: Doc, names: PersonNames):
        self.spans: list[Span] = _sentences(doc, names)
        self._starts = [s.start for s in self.spans]

    def index(self, token_i: int) -> int:
        return max(bisect_right(self._starts, token_i) - 1, 0)

    def __getitem__(self, index: int) -> Span:
        return self.spans[index]
