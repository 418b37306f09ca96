"""The ``projektradar_quotes`` component: direct and indirect quotes with their speakers.

Direct quotes come from paired quotation marks (:mod:`pipeline.extract.quotes_direct`), indirect
and reported speech from cue verbs and prepositional cues in the remaining text
(:mod:`pipeline.extract.quotes_indirect`); speakers are resolved through the people component
(:mod:`pipeline.extract.speakers`), which therefore runs first. The rules read their speech cues from
the lexicons attached to the ``Doc`` (:func:`pipeline.extract.lexicons.lexicons_of`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.extract.addressees import find_addressee
from pipeline.extract.cues import cue_phrase
from pipeline.extract.lexicons import MODEL_ANNOTATIONS, LexiconComponent, attach_lexicons, lexicons_of
from pipeline.extract.quotes_direct import find_direct
from pipeline.extract.quotes_indirect import find_indirect
from pipeline.extract.records import Quote
from pipeline.extract.speakers import Speaker
from pipeline.extract.tokens import doc_text, sentences_of
from pipeline.settings import RESOURCES_DIR


def _quote(
    kind: str,
    message: list[Token],
    text: str,
    start: int,
    end: int,
    speaker: Speaker | None,
    cue: list[Token],
    sentence: int,
) -> Quote:
    form = "free_indirect" if kind == "indirect" and not cue else kind
    quote = Quote(kind=kind, form=form, text=text, start=start, end=end, sentence_index=sentence)
    blocked = set() if kind == "reported" else {t.i for t in message}  # reported: the whole sentence
    if speaker is not None:
        quote.speaker, quote.speaker_start, quote.speaker_end = speaker.text, speaker.start, speaker.end
        quote.speaker_type = speaker.type
        quote.person_local_id, quote.org_local_id = speaker.person_local_id, speaker.org_local_id
        phrase = message[0].doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        blocked |= {t.i for t in phrase or ()}
    if cue:
        phrase = cue_phrase(sorted(cue, key=lambda t: t.i))
        first, last = phrase[0], phrase[-1]
        quote.cue = " ".join(t.text for t in phrase)
        quote.cue_start, quote.cue_end = first.idx, last.idx + len(last)
        if addressee := find_addressee(cue, blocked):
            quote.addressee_start = addressee[0].idx
            quote.addressee_end = addressee[-1].idx + len(addressee[-1])
            quote.addressee = doc_text(first.doc)[quote.addressee_start : quote.addressee_end]
    if speaker is not None:
        quote.speaker_confidence = lexicons_of(message[0].doc).speaker_confidence.of(quote.attribution)
    return quote


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes of ``doc`` in text order."""
    sentence_of = sentences_of(doc).index  # the sentence numbers of person and organisation mentions
    quotes: list[Quote] = []
    blocked: set[int] = set()
    speakers_at: dict[int, Speaker] = {}
    titles: set[int] = set()  # quoted names, titles and mottos: „Tu Gutes und sprich darüber“
    for first, last, attribution, kind in find_direct(doc):
        span = doc.char_span(first.open, last.close + 1, alignment_mode="expand")
        if span is None:
            continue
        speaker = attribution.speaker if attribution is not None else None
        if kind == "direct":
            blocked |= {t.i for t in span}
            if speaker is not None:
                speakers_at[span[-1].i] = speaker
        else:
            titles |= {t.i for t in span}
        parts = [doc_text(doc)[first.start : first.end]]
        if last is not first:
            parts.append(doc_text(doc)[last.start : last.end])
        quotes.append(
            _quote(
                kind,
                list(span),
                " ".join(parts),
                first.start,
                last.end,
                speaker if kind == "direct" else None,
                attribution.cue if attribution is not None and kind == "direct" else [],
                sentence_of(span[0].i),
            )
        )
    for event in find_indirect(doc, blocked, speakers_at, titles):
        words = [t for t in event.message if not t.is_space]  # a paragraph break may end a sentence
        if not words:
            continue
        first, last = words[0], words[-1]
        start, end = first.idx, last.idx + len(last)
        quotes.append(
            _quote(
                event.kind,
                event.message,
                doc_text(doc)[start:end],
                start,
                end,
                event.speaker,
                event.cue,
                sentence_of(first.i),
            )
        )
    return sorted(quotes, key=lambda q: (q.start, q.end))


class QuotesComponent(LexiconComponent):
    """spaCy component: sets ``doc._.quotes``, with speakers resolved to the people component's records."""

    def __call__(self, doc: Doc) -> Doc:
        attach_lexicons(doc, self.lexicons)
        doc._.quotes = find_quotes(doc)
        return doc


@Language.factory(
    "projektradar_quotes",
    requires=["doc._.persons", "doc._.organisations", "doc._.roles", *MODEL_ANNOTATIONS],
    assigns=["doc._.quotes"],
    default_config={"lexicons": str(RESOURCES_DIR)},
)
def make_quotes_component(nlp: Language, name: str, lexicons: str) -> QuotesComponent:
    """``lexicons``: the folder with the lexicon files (:data:`pipeline.extract.lexicons.LEXICON_FILES`);
    add after ``projektradar_people`` so speakers can be resolved."""
    return QuotesComponent(lexicons)
