"""Indirect and reported speech, sentence by sentence.

Constructions (the clause boundary is the comma, which German sets around every complement clause):

- cue verb + complement clause: „X sagte, dass …“, „X betonte, die Zusammenarbeit sei …“ (the clause
  must be a dass/ob/w-clause, a zu-infinitive or in the subjunctive), also fronted („Dass …, betonte
  X“), postposed („…, sagte X“ / „…, so X“) and „Wie X mitteilte, …“;
- prepositional cues: „Laut X …“, „Nach Angaben von X …“, „X zufolge …“, „Demnach …“;
- stance verbs without a clause („sprachen sich für … aus“, „kritisierte …“): kind ``reported``,
  the sentence is the message;
- a following sentence in the subjunctive without a cue of its own continues the last speaker's
  indirect speech (the SpkAtt guidelines' free indirect speech).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.cues import REPORTATIVE_MODALS, is_subjunctive, is_verb, lexicon, match_verb, sentences
from pipeline.extract.speakers import Speaker, make_speaker, noun_phrase, phrase_after, subject_phrase

_COMPLEMENTIZERS = {"dass", "daß", "ob", "wie", "warum", "weshalb", "wieso", "wer", "was", "wann", "wo"}
_FRONTED = {"dass", "daß", "davon", "darüber", "darauf", "damit"}


@dataclass
class Event:
    kind: str  # indirect | reported
    message: list[Token]
    speaker: Speaker | None
    cue: list[Token]
    sentence: Span


def _is_finite(token: Token) -> bool:
    """Finite verb by morphology, STTS tag or, when the model gives neither, by not being an
    infinitive or participle."""
    if not is_verb(token):
        return False
    forms = token.morph.get("VerbForm")
    if forms:
        return "Fin" in forms
    return token.tag_.endswith("FIN") or not token.tag_.endswith(("INF", "PP", "IZU"))


def _finite_verbs(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if _is_finite(t) or is_subjunctive(t)]


def _is_complement(clause: list[Token]) -> bool:
    """A complement clause of a speech verb: dass/ob/w-clause, zu-infinitive or subjunctive."""
    if not clause:
        return False
    if clause[0].lower_ in _COMPLEMENTIZERS:
        return True
    if any(t.tag_ in {"PTKZU", "VVIZU"} or (t.lower_ == "zu" and t.pos_ == "PART") for t in clause):
        return True
    return any(is_subjunctive(t) for t in _finite_verbs(clause[:8]))


def _strip(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    return tokens


def _speaker(doc: Doc, verb: Token, blocked: set[int], postposed: bool) -> Speaker | None:
    return make_speaker(doc, subject_phrase(verb, blocked, postposed))


def _verb_event(doc: Doc, sent: Span, verb: Token, blocked: set[int]) -> Event | None:
    match = match_verb(verb)
    if match is None:
        return None
    cue, cue_tokens = match
    tokens = [t for t in sent if t.i not in blocked]
    before = [t for t in tokens if t.i < verb.i]
    previous = doc[verb.i - 1] if verb.i > sent.start else None
    # „…, sagte X.“ / „…, betonte der Minister.“ — the clause before is the message.
    wie = next((t for t in reversed(before) if t.lower_ == "wie" and (t.is_title or t.i == sent.start)), None)
    if previous is not None and previous.text == "," and wie is None:
        message = _strip([t for t in before if t.i < previous.i])
        if message and message[0].lower_ in _FRONTED:
            message = message[1:] if message[0].lower_ != "dass" else message
        if message and _finite_verbs(message):
            return Event("indirect", message, _speaker(doc, verb, blocked, True), cue_tokens, sent)
    # „Wie X mitteilte, …“
    if wie is not None and verb.i < sent.end - 1:
        comma = next((t for t in tokens if t.i > verb.i and t.text == ","), None)
        if comma is not None:
            message = _strip([t for t in tokens if t.i > comma.i])
            return Event("indirect", message, _speaker(doc, verb, blocked, False), cue_tokens, sent)
    # „X sagte (gestern), dass …“ / „X betonte, die Zusammenarbeit sei …“
    last_cue = max(t.i for t in cue_tokens)
    after = [t for t in tokens if t.i > last_cue]
    for k, token in enumerate(after):
        if token.text in {",", ":"}:
            clause = _strip(after[k + 1 :])
            if _is_complement(clause):
                return Event("indirect", clause, _speaker(doc, verb, blocked, False), cue_tokens, sent)
            break
        if _is_finite(token) and token.i > last_cue + 1:
            break
    if cue.reported and not any(t.i in blocked for t in sent):
        return Event("reported", list(sent), _speaker(doc, verb, blocked, False), cue_tokens, sent)
    return None


def _pp_object(prep: Token) -> Token | None:
    """The noun governed by a preposition or postposition in either dependency scheme."""
    for child in prep.children:
        if child.pos_ in {"NOUN", "PROPN", "PRON"}:
            return child
    if prep.dep_ == "case" and prep.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return prep.head
    return None


def _is_noun_cue(token: Token) -> bool:
    """„Angaben“, also in compounds („Polizeiangaben“)."""
    nouns = lexicon().noun_cues
    return token.text in nouns or any(token.text.endswith(n.lower()) for n in nouns)


def _prepositional_event(doc: Doc, sent: Span, prep: Token, blocked: set[int]) -> Event | None:
    """„Laut X …“, „Nach Angaben von X …“, „X zufolge …“, „Demnach …“."""
    lex = lexicon()
    spec = lex.prepositions.get(prep.lower_)
    if spec is None or prep.i in blocked:
        return None
    if spec.get("after_comma") and (prep.i == 0 or doc[prep.i - 1].text != "," or prep.i - 2 in blocked):
        return None  # „…, so X“ after a clause; after a quotation it belongs to the quote
    if spec["position"] == "alone":
        frame, source = [prep], []
    else:
        head = _pp_object(prep)
        source = noun_phrase(head, blocked | {prep.i}) if head is not None else []
        if not source and spec["position"] == "before":
            source = phrase_after(prep, blocked)
        if not source or (spec.get("needs_noun_cue") and not any(_is_noun_cue(t) for t in source[:3])):
            return None
        frame = sorted([prep, *source], key=lambda t: t.i)
    if not frame:
        return None
    frame_ids = {t.i for t in frame}
    tokens = [t for t in sent if t.i not in blocked]
    if frame[0].i <= tokens[0].i + 1:  # sentence-initial frame: the rest is the message
        message = _strip([t for t in tokens if t.i > frame[-1].i])
    elif frame[-1].i >= tokens[-1].i - 1:  # sentence-final frame („…, so die Polizei“)
        message = _strip([t for t in tokens if t.i < frame[0].i])
    else:
        message = _strip([t for t in tokens if t.i not in frame_ids])
    if not _finite_verbs(message):
        return None
    return Event("indirect", message, make_speaker(doc, source), [prep], sent)


def _main_verb(sent: Span, blocked: set[int]) -> Token | None:
    finite = _finite_verbs([t for t in sent if t.i not in blocked])
    return finite[0] if finite else None


def find_indirect(doc: Doc, blocked: set[int], speakers_at: dict[int, Speaker]) -> list[Event]:
    """Indirect, reported and continued events in text order.

    ``blocked`` are the tokens of direct quotes; ``speakers_at`` maps the last token of each direct
    quote to its speaker, so subjunctive sentences after a quote continue that speaker too.
    """
    events: list[Event] = []
    last_speaker: Speaker | None = None
    last_sentence_end = -1
    for sent in sentences(doc):
        quoted = [speakers_at[t.i] for t in sent if t.i in speakers_at]
        if quoted:
            last_speaker, last_sentence_end = quoted[-1], sent.end
        if all(t.i in blocked or t.is_punct for t in sent):
            continue
        found = None
        for token in sent:
            if token.i in blocked:
                continue
            found = _prepositional_event(doc, sent, token, blocked) or _verb_event(doc, sent, token, blocked)
            if found is not None:
                break
        if found is None and last_speaker is not None and sent.start - last_sentence_end <= 0:
            found = _continuation(sent, blocked, last_speaker)
            previous = events[-1] if events else None
            if (
                found is not None
                and previous is not None
                and not previous.cue
                and previous.speaker is last_speaker
                and previous.message[-1].i + 2 >= found.message[0].i
            ):
                previous.message.extend(found.message)  # one event over consecutive sentences
                last_sentence_end = sent.end
                continue
        if found is None:
            continue
        if found.speaker is not None and found.speaker.text:
            last_speaker = found.speaker
        last_sentence_end = sent.end
        if found.message:
            events.append(found)
    return events


def _continuation(sent: Span, blocked: set[int], speaker: Speaker) -> Event | None:
    """A subjunctive (or reportative „soll“) sentence right after a speech event of ``speaker``."""
    verb = _main_verb(sent, blocked)
    if verb is None or not (is_subjunctive(verb) or verb.lower_ in REPORTATIVE_MODALS):
        return None
    message = [t for t in sent if t.i not in blocked]
    return Event("indirect", message, speaker, [], sent)
