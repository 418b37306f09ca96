"""Direct quotes: quotation marks paired in the text, attributed through the cue around them.

Attribution is tried in the order a German reader resolves it: a postposed cue right after the
closing mark („…“, so X / „…“, sagte X / „…“, heißt es in X), a colon introduction (X betonte: „…“),
then any cue verb of the sentence, and for a quote standing alone a cue in the next sentence that
opens by pointing back at it („Das musste X einräumen.“). A quote interrupted by its attribution
(„A“, sagte sie, „B“) is one quote. A speakerless quotation inside a sentence is a title or motto
(kind ``mention``); a speakerless quote standing as a sentence of its own continues the preceding
quote's speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.extract.cues import BACK_REFERENCES, is_verb, match_verb
from pipeline.extract.quote_marks import QUOTE_CHARS, QuotedSpan, find_quoted_spans
from pipeline.extract.speakers import (
    Speaker,
    after_preposition,
    can_speak,
    make_speaker,
    noun_phrase,
    phrase_after,
    subject_phrase,
)
from pipeline.extract.tokens import doc_text

_SENTENCE_END = ".!?"


@dataclass
class Attribution:
    speaker: Speaker | None
    cue: list[Token]
    last: Token  # last token of the attribution (cue or speaker), for merging interrupted quotes


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _attribution(doc: Doc, cue_tokens: list[Token], phrase: list[Token]) -> Attribution:
    speaker = make_speaker(doc, phrase)
    last = max([*cue_tokens, *phrase], key=lambda t: t.i)
    return Attribution(speaker, cue_tokens, last)


def _verb_attribution(doc: Doc, verb: Token, blocked: set[int], postposed: bool) -> Attribution | None:
    match = match_verb(verb)
    if match is None:
        return None
    _cue, cue_tokens = match
    cue_ids = {t.i for t in cue_tokens}  # „zeigte sich der Trainer zufrieden“: no predicate in the speaker
    return _attribution(doc, cue_tokens, subject_phrase(verb, blocked | cue_ids, postposed))


def _after(doc: Doc, span: QuotedSpan, blocked: set[int]) -> Attribution | None:
    """Postposed cue: „…“, so X / „…“, sagte X / „…“, heißt es in der Mitteilung."""
    close = _token_at(doc, span.close)
    if close is None:
        return None
    i = close.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    elif doc_text(doc)[span.close - 1 : span.close] != ",":
        return None
    if i >= len(doc):
        return None
    first = doc[i]
    if first.lower_ == "so":
        return _attribution(doc, [first], phrase_after(first, blocked))
    if first.lower_ == "heißt" or (first.lower_ == "hieß" and i + 1 < len(doc)):
        source = [t for t in phrase_after(doc[i + 1], blocked) if t.lower_ != "es"]
        return _attribution(doc, [first, doc[i + 1]], source)
    for verb in doc[i : min(len(doc), i + 3)]:
        if verb.i in blocked or verb.is_punct:
            break
        attribution = _verb_attribution(doc, verb, blocked, postposed=True)
        if attribution is not None:
            return attribution
    return None


def _before(doc: Doc, span: QuotedSpan, blocked: set[int]) -> Attribution | None:
    """Colon introduction: X betonte: „…“ / Die Teilnehmenden waren überzeugt: „…“ / Dazu X: „…“."""
    opening = _token_at(doc, span.open)
    if opening is None or opening.i == 0 or doc[opening.i - 1].text != ":":
        return None
    colon = doc[opening.i - 1]
    start = colon.i
    while (
        start > 0 and doc[start - 1].text not in {".", "!", "?", ";", ":"} and "\n" not in doc[start - 1].text
    ):
        start -= 1
    clause = [t for t in doc[start : colon.i] if t.i not in blocked]
    for verb in reversed(clause):
        attribution = _verb_attribution(doc, verb, blocked, postposed=False)
        if attribution is not None:
            return attribution
    # A colon before a quote introduces speech whatever the verb („sparte nicht mit Kritik:“);
    # without a verb the first noun phrase outside a prepositional phrase is the speaker („Dazu
    # Jentsch:“, „Ein Kommissar nach der Festnahme:“).
    verbs = [t for t in clause if is_verb(t)]
    phrase = subject_phrase(verbs[0], blocked, postposed=False) if verbs else []
    if not phrase and not verbs:
        nominals = [t for t in clause if t.pos_ in {"PROPN", "NOUN"} and not after_preposition(t)]
        phrase = noun_phrase(nominals[0], blocked) if nominals else []
    return _attribution(doc, [colon], phrase) if phrase else None


def _in_sentence(doc: Doc, span: QuotedSpan, blocked: set[int]) -> Attribution | None:
    """Any cue verb of the sentence(s) around the quote, nearest first („nannte es ein „…““)."""
    first, last = _token_at(doc, span.open), _token_at(doc, span.close)
    if first is None or last is None:
        return None
    tokens = [t for t in doc[first.sent.start : last.sent.end] if t.i not in blocked]
    for verb in sorted(tokens, key=lambda t: min(abs(t.i - first.i), abs(t.i - last.i))):
        attribution = _verb_attribution(doc, verb, blocked, postposed=verb.i > last.i)
        if attribution is not None:
            return attribution
    return None


def _following(doc: Doc, span: QuotedSpan, blocked: set[int]) -> Attribution | None:
    """A standalone quotation attributed by the next sentence, which opens with a word pointing back
    at it and holds a cue verb („Das musste Bundesfinanzminister Peer Steinbrück einräumen.“)."""
    last = _token_at(doc, span.close)
    if last is None or last.sent.end >= len(doc):
        return None
    opener = doc[last.sent.end]
    if opener.lower_ not in BACK_REFERENCES or opener.i in blocked:
        return None
    blocked = blocked | {opener.i}
    for verb in (t for t in opener.sent if t.i not in blocked):
        match = match_verb(verb)
        if match is None:
            continue
        # Verb second: the subject follows the finite verb right after the opener, which small
        # parsers often miss („Das musste Bundesfinanzminister Peer Steinbrück … einräumen“).
        cue_ids = {t.i for t in match[1]}
        inverted = phrase_after(doc[opener.i + 1], blocked | cue_ids) if opener.i + 1 < verb.i else []
        attribution = (
            _attribution(doc, match[1], inverted)
            if inverted and can_speak(inverted)
            else _verb_attribution(doc, verb, blocked, postposed=False)
        )
        if attribution is not None and attribution.speaker is not None:
            return attribution
    return None


def _standalone(text: str, span: QuotedSpan) -> bool:
    """The quotation is a sentence of its own (not a title inside a sentence)."""
    before = _neighbour(text, span.open, -1)
    after = _neighbour(text, span.close + 1, 1)
    content = text[span.start : span.end].strip()
    opens_sentence = not before or before in _SENTENCE_END + ":\n" + QUOTE_CHARS
    closes_sentence = not after or after in _SENTENCE_END + "\n" or content[-1:] in _SENTENCE_END
    return opens_sentence and closes_sentence and len(content.split()) >= 3


def _neighbour(text: str, at: int, step: int) -> str:
    """The first character before (``step`` -1) or from (1) ``at`` that is no space or tab; "" at the
    edge of the text. Scans only the blanks, never a copy of the text up to there (a 400-page report
    has thousands of quotations)."""
    i = at - 1 if step < 0 else at
    while 0 <= i < len(text) and text[i] in " \t":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _is_title(text: str, span: QuotedSpan) -> bool:
    """A short quotation of capitalised words is a name or title („Spiegel“, „Die Zeit“, „Yemen
    Observer“), not speech, unless a postposed or colon cue attributes it. After an article or
    „von“ the quotation fills a noun phrase, and a name may also contain function words and end in
    a motto's verb (Moritz Wohlrab von der „Aktion Deutschland hilft“, die „Polizei von DeLand“,
    „Ärzte ohne Grenzen“); quoted speech there has lower-case content words („eine „Stärkung der
    internationalen Diplomatie““)."""
    words = text[span.start : span.end].split()
    if not 0 < len(words) <= 5 or not _capitalised(words[0]):
        return False
    preceding = text[max(0, span.open - _WORD_WINDOW) : span.open].split()[-1:]
    if preceding and preceding[0].lower() in _NAME_INTRODUCERS and words[-1][-1:] not in _SENTENCE_END:
        return all(_capitalised(w) or w.lower() in _NAME_FUNCTION_WORDS for w in words[:-1])
    return len(words) <= 4 and all(_capitalised(w) for w in words)


_WORD_WINDOW = 200  # characters before a quotation in which its preceding word is looked for


def _capitalised(word: str) -> bool:
    return not word[0].isalnum() or word[0].isupper() or word[0].isdigit()


_NAME_INTRODUCERS = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "von", "vom",
}  # fmt: skip
_NAME_FUNCTION_WORDS = {
    "und", "von", "für", "ohne", "der", "die", "das", "des", "dem", "den", "zur", "zum",
    "of", "the", "and", "for", "de", "du", "la", "le", "e.v.",
}  # fmt: skip


def find_direct(doc: Doc) -> list[tuple[QuotedSpan, QuotedSpan, Attribution | None, str]]:
    """Top-level quotations as ``(first part, last part, attribution, kind)``, interruptions merged."""
    spans = [s for s in find_quoted_spans(doc_text(doc)) if s.depth == 0 and s.end > s.start]
    blocked = set()
    for span in spans:
        if _is_title(doc_text(doc), span):
            continue  # names and titles may be part of a speaker („die Zeitung „Guardian““)
        chars = doc.char_span(span.open, span.close + 1, alignment_mode="expand")
        if chars is not None:
            blocked |= {t.i for t in chars}
    results = []
    previous: Attribution | None = None
    previous_end = -1
    k = 0
    while k < len(spans):
        span = spans[k]
        attribution = _after(doc, span, blocked)
        last_span = span
        # „A“, sagte sie, „B“: the attribution sits between two parts of one quote.
        while attribution is not None and k + 1 < len(spans):
            following = spans[k + 1]
            gap = doc_text(doc)[attribution.last.idx + len(attribution.last) : following.open].strip()
            if gap not in {",", ":"}:
                break
            last_span, k = following, k + 1
        attribution = attribution or _before(doc, span, blocked)
        if attribution is None and not _is_title(doc_text(doc), span):
            attribution = _in_sentence(doc, span, blocked)
        kind = "direct"
        if attribution is None:
            close_to_previous = previous is not None and "\n\n" not in doc_text(doc)[previous_end : span.open]
            if _standalone(doc_text(doc), span):
                attribution = _following(doc, span, blocked) or (previous if close_to_previous else None)
            else:
                kind = "mention"
        results.append((span, last_span, attribution, kind))
        if kind == "direct":
            previous, previous_end = attribution, last_span.close
        k += 1
    return results
