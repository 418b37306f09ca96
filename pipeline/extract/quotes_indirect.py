"""Indirect and reported speech, sentence by sentence.

Constructions (the clause boundary is the comma, which German sets around every complement clause):

- cue verb + complement clause: „X sagte, dass …“, „X betonte, die Zusammenarbeit sei …“ (the clause
  must be a dass/ob/w-clause, a zu-infinitive or in the subjunctive), also fronted („Dass …, betonte
  X“), postposed („…, sagte X“ / „…, so X“) and „Wie X mitteilte, …“;
- prepositional cues: „Laut X …“, „Nach Angaben von X …“, „X zufolge …“, „Demnach …“;
- stance verbs without a clause („sprachen sich für … aus“, „kritisierte …“): kind ``reported``,
  the sentence is the message;
- a following sentence in the subjunctive without a cue of its own continues the last speaker's
  indirect speech (the SpkAtt guidelines' free indirect speech); a stated intention („X will …“)
  there is its own subject's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.cues import (
    BACK_REFERENCES,
    REPORTATIVE_MODALS,
    is_konjunktiv_one,
    is_noun_cue,
    is_subjunctive,
    is_verb,
    is_zu_infinitive,
    match_verb,
    sentences,
)
from pipeline.extract.lexicons import VerbCue, lexicons_of
from pipeline.extract.quote_marks import QUOTE_CHARS
from pipeline.extract.speakers import (
    Speaker,
    can_speak,
    make_speaker,
    noun_phrase,
    phrase_after,
    subject_phrase,
)

_COMPLEMENTIZERS = {"dass", "daß", "ob", "wie", "warum", "weshalb", "wieso", "wer", "was", "wann", "wo"}
_FRONTED = {"dass", "daß", "davon", "darüber", "darauf", "damit"}


@dataclass
class Event:
    kind: str  # indirect | reported
    message: list[Token]
    speaker: Speaker | None
    cue: list[Token]
    sentence: Span
    anaphoric: bool = False  # the speaker only points back („Demnach“) and names no one to carry over


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
    """A complement clause of a speech verb: dass/ob/w-clause, zu-infinitive, subjunctive or a
    verb-second main clause („sagte, Europa brauche die Engländer“) — relative and adverbial
    clauses put their finite verb last."""
    if not clause:
        return False
    if clause[0].lower_ in _COMPLEMENTIZERS:
        return True
    if lexicons_of(clause[0].doc).speech.prepositions.get(clause[0].lower_, {}).get("position") == "relative":
        return False  # „…, wonach …“ says what the noun before it says, not the verb
    if clause[0].pos_ == "ADP" and len(clause) > 1 and clause[1].lower_ in _RELATIVE_ONLY:
        return False  # „…, nach denen … sei“: a relative clause, also in Konjunktiv
    if any(t.tag_ == "PTKZU" or (t.lower_ == "zu" and t.pos_ == "PART") for t in clause):
        return True
    if any(is_zu_infinitive(t) for t in clause):
        return True
    finite = _finite_verbs(clause[:8])
    if any(is_subjunctive(t) for t in finite):
        return True
    if clause[0].pos_ == "SCONJ" or clause[0].lower_ in _SUBORDINATORS or _is_relative(clause[0]):
        return False
    if not finite or finite[0].i == clause[0].i:
        return False
    following = clause[finite[0].i - clause[0].i + 1 :]
    return bool(following) and following[0].text not in {",", ".", ";"}


def _strip(tokens: list[Token]) -> list[Token]:
    """The tokens without punctuation at either end; a paragraph break after the last word counts as
    its end (otherwise a message ending a paragraph kept its period, one ending the text lost it)."""
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    return tokens


def _speaker(doc: Doc, cue: list[Token], blocked: set[int], postposed: bool) -> Speaker | None:
    """The speaker phrase of the cue verb ``cue[0]``, never containing a cue word („zufrieden“)."""
    return make_speaker(doc, subject_phrase(cue[0], blocked | {t.i for t in cue}, postposed))


def _verb_event(doc: Doc, sent: Span, verb: Token, blocked: set[int]) -> Event | None:
    match = match_verb(verb)
    if match is None:
        return None
    cue, cue_tokens = match
    tokens = [t for t in sent if t.i not in blocked]
    before = [t for t in tokens if t.i < verb.i]
    previous = doc[verb.i - 1] if verb.i > sent.start else None
    # „…, sagte X.“ / „…, betonte der Minister.“ — the clause before is the message; it is a main
    # clause or a complement clause, not a subject with its relative clause („X, der … ist, wies …“).
    wie = next((t for t in reversed(before) if t.lower_ == "wie" and (t.is_title or t.i == sent.start)), None)
    if previous is not None and previous.text == "," and wie is None:
        message = _strip([t for t in before if t.i < previous.i])
        if message and message[0].lower_ in _FRONTED - {"dass", "daß"}:
            message = _strip(message[1:])
        if message and (message[0].lower_ in _COMPLEMENTIZERS or _main_clause_verbs(message, blocked)):
            return Event("indirect", message, _speaker(doc, cue_tokens, blocked, True), cue_tokens, sent)
    # „…, wie die Agentur ANSA berichtete.“ — the clause before the comma is the message.
    comma = next((t for t in reversed(before) if t.text in {",", ";", ":"}), None)
    if wie is None and comma is not None and doc[comma.i + 1].lower_ == "wie" and comma.i + 2 < verb.i:
        message = _strip([t for t in before if t.i < comma.i])
        if _finite_verbs(message):
            outside = blocked | {t.i for t in message}  # the speaker is inside the wie-clause
            return Event("indirect", message, _speaker(doc, cue_tokens, outside, False), cue_tokens, sent)
    # „Wie X mitteilte, …“
    if wie is not None and verb.i < sent.end - 1:
        comma = next((t for t in tokens if t.i > verb.i and t.text == ","), None)
        if comma is not None:
            message = _strip([t for t in tokens if t.i > comma.i])
            return Event("indirect", message, _speaker(doc, cue_tokens, blocked, False), cue_tokens, sent)
    # „X sagte (gestern), dass …“ / „X betonte, die Zusammenarbeit sei …“
    last_cue = max(t.i for t in cue_tokens)
    after = [t for t in tokens if t.i > last_cue]
    for k, token in enumerate(after):
        if token.text in {",", ":"}:
            clause = _strip(after[k + 1 :])
            if _is_complement(clause):
                return Event("indirect", clause, _speaker(doc, cue_tokens, blocked, False), cue_tokens, sent)
            # otherwise an apposition or adverbial between commas („sagte der Koordinator, X,
            # gegenüber der BBC, dass …“): look on until a finite verb ends the search
        if _is_finite(token) and token.i > last_cue + 1:
            break
    if cue.reported and not any(t.i in blocked for t in sent) and _reports_speech(verb, cue, sent):
        return Event("reported", list(sent), _speaker(doc, cue_tokens, blocked, False), cue_tokens, sent)
    return None


_CLAUSE_BOUNDARIES = {",", ";", ":", "(", ")", "–"}
_REASONS = {"weil", "da"}


def _reports_speech(verb: Token, cue: VerbCue, sent: Span) -> bool:
    """Whether a cue verb without a clause makes its sentence reported speech. The SpkAtt
    guidelines (3.5) annotate it only where the speaker's own statement comes through, not the
    author's summary, so not:

    - in a relative clause, which only describes a noun („…, das 73 Todesopfer forderte“);
    - in parentheses, a reference to earlier reports („(Wikinews berichtete)“, excluded in 5.3);
    - for an evaluative verb, unless the clause carries the speaker's verdict („als unangemessen
      kritisiert“) or is followed by a reason („…, weil …“): „kritisierte die Pläne“ alone only
      says that a stance was taken.
    """
    doc = verb.doc
    start, end = sent.start, sent.end
    first = next((t.i + 1 for t in reversed(doc[start : verb.i]) if t.text in _CLAUSE_BOUNDARIES), start)
    last = next((t.i for t in doc[verb.i : end] if t.text in _CLAUSE_BOUNDARIES), end)
    clause = doc[first:last]
    if first > start and doc[first - 1].text == "(" and last < end and doc[last].text == ")":
        return False
    opener = clause[1] if len(clause) > 1 and clause[0].pos_ == "ADP" else clause[0]
    if first > start and _is_relative(opener):
        return False
    if not cue.evaluative:
        return True
    verdict = any(t.lower_ == "als" for t in clause[1:])
    reason = last + 1 < end and doc[last].text == "," and doc[last + 1].lower_ in _REASONS
    return verdict or reason


def _pp_object(prep: Token) -> Token | None:
    """The noun governed by a preposition or postposition in either dependency scheme."""
    for child in prep.children:
        if child.pos_ in {"NOUN", "PROPN", "PRON"}:
            return child
    if (prep.dep_ == "case" or prep.head.i == prep.i - 1) and prep.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return prep.head
    return None


def _prepositional_event(doc: Doc, sent: Span, prep: Token, blocked: set[int]) -> Event | None:
    """„Laut X …“, „Nach Angaben von X …“, „Seiner Ansicht nach …“, „X zufolge …“, „Demnach …“,
    „Berichte, wonach …“."""
    spec = lexicons_of(doc).speech.prepositions.get(prep.lower_)
    if spec is None or prep.i in blocked:
        return None
    relative = _relative_event(doc, sent, prep, spec, blocked)
    if relative is not None or spec["position"] == "relative":
        return relative
    if spec.get("after_comma") and (prep.i == 0 or doc[prep.i - 1].text != "," or prep.i - 2 in blocked):
        return None  # „…, so X“ after a clause; after a quotation it belongs to the quote
    following = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
    if spec.get("after_comma") and (
        following is None or following.pos_ not in {"DET", "PROPN", "NOUN", "ADJ"}
    ):
        return None  # „so dass …“, „so auch …“, „so zum Beispiel …“ name no source
    if spec["position"] == "alone":
        # „Demnach …“ points back to a source named before; like a pronoun it is the Source itself
        frame, source = [prep], [prep]
    else:
        head = _pp_object(prep)
        source = noun_phrase(head, blocked | {prep.i}) if head is not None else []
        if spec.get("possessive") and _possessive_before(prep, blocked):
            source = _possessive_before(prep, blocked)  # „Seiner Ansicht nach“, not what follows
        if not source and spec["position"] == "before":
            source = phrase_after(prep, blocked)
        if not source and spec["position"] == "after":
            source = _phrase_before(prep, blocked)
        if not source or (spec.get("needs_noun_cue") and not any(is_noun_cue(t) for t in source[:3])):
            return None
        frame = sorted([prep, *source], key=lambda t: t.i)
    if not frame:
        return None
    frame_ids = {t.i for t in frame}
    tokens = [t for t in sent if t.i not in blocked]
    second = False  # the frame fills the prefield, so the verb after it is the finite one (V2)
    if frame[0].i <= tokens[0].i + 1:  # sentence-initial frame: the rest is the message
        message = _strip([t for t in tokens if t.i > frame[-1].i])
        second = bool(message) and is_verb(message[0])
    elif frame[-1].i >= tokens[-1].i - 1:  # sentence-final frame („…, so die Polizei“)
        message = _strip([t for t in tokens if t.i < frame[0].i])
    else:
        message = _strip([t for t in tokens if t.i not in frame_ids])
    # „…, so Boemi.“ closing the sentence attributes it even where the tagger misses its verb
    final_so = spec.get("after_comma") and frame[-1].i >= tokens[-1].i - 1 and len(message) > 2
    if not (_finite_verbs(message) or final_so or second):
        return None
    return Event("indirect", message, make_speaker(doc, source), [prep], sent, spec["position"] == "alone")


_POSSESSIVE = re.compile(r"(mein|dein|sein|ihr|unser|eue?r)(e|em|en|er|es)?")


def _possessive_before(prep: Token, blocked: set[int]) -> list[Token]:
    """„Seiner Ansicht nach“, „ihrer Meinung nach“: a statement noun with a possessive right before
    the postposed preposition is its Source, as the SpkAtt gold marks it."""
    doc = prep.doc
    if prep.i < 2 or {prep.i - 1, prep.i - 2} & blocked:
        return []
    possessive, noun = doc[prep.i - 2], doc[prep.i - 1]
    tagged = "Yes" in possessive.morph.get("Poss") or possessive.tag_ == "PPOSAT"
    if tagged or _POSSESSIVE.fullmatch(possessive.lower_):  # taggers also read „Seiner“ as a noun
        return [possessive, noun] if is_noun_cue(noun) else []
    return []


def _relative_event(doc: Doc, sent: Span, prep: Token, spec: dict, blocked: set[int]) -> Event | None:
    """A relative clause after a statement names what it says: „Berichte, wonach …“ (the
    antecedent is the Source; SpkAtt marks it even without a statement noun, and without a noun
    before the comma „wonach“ itself, like „Demnach“) and „Studien, nach denen …“ (the relative
    pronoun is the Source, as pronouns are). The source stays inside its sentence: the speaker of
    what follows is the main clause's."""
    if prep.i <= sent.start or doc[prep.i - 1].text != "," or prep.i - 1 in blocked:
        return None
    antecedent = _phrase_before(doc[prep.i - 1], blocked)
    following = doc[prep.i + 1] if prep.i + 1 < sent.end else None
    if spec["position"] == "relative":
        source, start = antecedent or [prep], prep.i + 1
    elif spec.get("relative") and following is not None and _is_relative(following):
        if not any(is_noun_cue(t) for t in antecedent):
            return None  # „das Spiel, nach dem …“ is a time, not a statement
        source, start = [following], prep.i + 2
    else:
        return None
    message = _relative_clause(doc, start, sent.end, blocked)
    if not _finite_verbs(message):
        return None
    return Event("indirect", message, make_speaker(doc, source), [prep], sent, anaphoric=True)


def _relative_clause(doc: Doc, start: int, end: int, blocked: set[int]) -> list[Token]:
    """The relative clause from ``start``: German puts its finite verb last, so the first comma
    or colon after a finite verb closes it."""
    tokens: list[Token] = []
    for token in doc[start:end]:
        if token.i in blocked:
            break
        if token.text in {",", ";", ":", "–"} and _finite_verbs(tokens):
            break
        tokens.append(token)
    return _strip(tokens)


def _phrase_before(prep: Token, blocked: set[int]) -> list[Token]:
    """The noun phrase right before a postposition („Ermittlungen der Polizei zufolge“, „dem
    „Figaro“ zufolge“) when the parser did not attach it."""
    doc = prep.doc
    last = prep.i - 1
    if last > 0 and len(doc[last].text) == 1 and doc[last].text in QUOTE_CHARS:
        last -= 1  # the closing mark of a quoted name
    if last < 0 or doc[last].pos_ not in {"NOUN", "PROPN"}:
        return []
    return [t for t in noun_phrase(doc[last], blocked | {prep.i}) if t.i < prep.i]


def _main_clause_verbs(sent: Iterable[Token], blocked: set[int]) -> list[Token]:
    """Finite verbs outside subordinate clauses (a clause opened by a subordinator or a relative
    pronoun after a comma, or at the start of the sentence)."""
    verbs = []
    subordinate = False
    clause_start = True
    for token in sent:
        if token.i in blocked:
            continue
        if clause_start:
            subordinate = token.pos_ == "SCONJ" or token.lower_ in _SUBORDINATORS or _is_relative(token)
            clause_start = token.pos_ == "ADP"  # „von denen …“: look at the next word too
            if subordinate:
                clause_start = False
        if token.text in {",", ";", ":", "–"}:
            clause_start = True
        elif not subordinate and (_is_finite(token) or is_subjunctive(token)):
            verbs.append(token)
    return verbs


def _is_relative(token: Token) -> bool:
    """A relative pronoun; „das“ or „die“ before a noun is the article, whatever the tagger says,
    whereas „denen“ is never one."""
    if token.lower_ in _RELATIVE_ONLY:
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.pos_ in {"NOUN", "PROPN", "ADJ"}:
        return False
    return "Rel" in token.morph.get("PronType") or token.tag_ == "PRELS"


_RELATIVE_ONLY = {"denen"}


def _is_hearsay(verbs: list[Token]) -> bool:
    """Reportative „soll“ with a perfect infinitive („soll … verlassen haben“): the author passes
    on what others claim (the guidelines' free indirect speech). Any verb before „haben“/„sein“
    counts, as taggers often read the participle as an infinitive."""
    if not any(v.lower_ in {"soll", "sollen"} for v in verbs):
        return False
    doc, sent = verbs[0].doc, verbs[0].sent
    return any(t.lower_ in {"haben", "sein"} and t.i > sent.start and is_verb(doc[t.i - 1]) for t in sent)


_SUBORDINATORS = _COMPLEMENTIZERS | {
    "weil",
    "da",
    "als",
    "wenn",
    "falls",
    "nachdem",
    "obwohl",
    "damit",
    "bevor",
}


def find_indirect(
    doc: Doc, blocked: set[int], speakers_at: dict[int, Speaker], titles: AbstractSet[int] = frozenset()
) -> list[Event]:
    """Indirect, reported and continued events in text order.

    ``blocked`` are the tokens of direct quotes; ``speakers_at`` maps the last token of each direct
    quote to its speaker, so subjunctive sentences after a quote continue that speaker too.
    ``titles`` are the tokens of quoted names, titles and mottos: they may stand in a message, but
    a verb in them („Tu Gutes und sprich darüber“) is no cue.
    """
    events: list[Event] = []
    last_speaker: Speaker | None = None
    last_sentence = -_SPEAKER_REACH - 1  # index of the last sentence with a speech event
    previous_sent: Span | None = None
    for number, sent in enumerate(sentences(doc)):
        summary = _summary_event(doc, sent, previous_sent, blocked)
        previous_sent = sent
        if summary is not None:
            if events and events[-1].message[0].i >= summary.message[0].i:
                events.pop()  # the previous sentence is this frame's message, not a passage of its own
            events.append(summary)
            last_speaker, last_sentence = summary.speaker or last_speaker, number
            continue
        quoted = [speakers_at[t.i] for t in sent if t.i in speakers_at]
        if quoted:
            last_speaker, last_sentence = quoted[-1], number
        if all(t.i in blocked or t.is_punct for t in sent):
            continue
        found = None
        for token in sent:
            if token.i in blocked or token.i in titles:
                continue
            event = _prepositional_event(doc, sent, token, blocked) or _verb_event(doc, sent, token, blocked)
            if event is not None and event.kind != "reported":
                found = event
                break
            # a cue without a clause of its own („verwies auf Studien“) yields to a later event
            # with one in the same sentence („…, nach denen … sei“)
            found = found or event
        # A cue without a message of its own introduces the speaker of the sentences that follow;
        # its own sentence, when reported by mood alone, still continues the speaker before
        # (its subject is what is reported on: „Er habe die Entscheidung kritisiert.“).
        introduced = _introduced_speaker(doc, sent, blocked) if found is None else None
        if found is None:
            adjacent = number - last_sentence <= 1
            speaker = last_speaker if number - last_sentence <= _SPEAKER_REACH else None
            found = _reported_sentence(sent, blocked, speaker, adjacent)
            previous = events[-1] if events else None
            if (
                found is not None
                and previous is not None
                and not previous.cue
                and previous.speaker is speaker
                and previous.message[-1].i + 2 >= found.message[0].i
            ):
                previous.message.extend(found.message)  # one event over consecutive sentences
                found, last_sentence = None, number
        if found is not None:
            if found.speaker is not None and found.speaker.text and not found.anaphoric:
                last_speaker = found.speaker
            last_sentence = number
            if found.message:
                events.append(found)
        if introduced is not None:
            last_speaker, last_sentence = introduced, number
    return events


def _introduced_speaker(doc: Doc, sent: Span, blocked: set[int]) -> Speaker | None:
    """The speaker of a cue verb without a message of its own („Die Polizei bittet um Mithilfe.“,
    „X gab als Grund … an.“): the subjunctive sentences that follow are that speaker's words."""
    for token in sent:
        match = match_verb(token) if token.i not in blocked else None
        if match is not None:
            speaker = _speaker(doc, match[1], blocked, postposed=False)
            if speaker is not None:
                return speaker
    return None


def _summary_event(doc: Doc, sent: Span, previous: Span | None, blocked: set[int]) -> Event | None:
    """„… . Dies bestätigte X.“: a demonstrative before the cue takes up the previous sentence as
    the message (the guidelines mark both the sentence and the demonstrative)."""
    if previous is None or len(sent) < 3 or sent[0].lower_ not in BACK_REFERENCES:
        return None
    match = match_verb(sent[1])
    tokens = _strip([t for t in previous if t.i not in blocked])
    if match is None or len(tokens) < 3 or not _finite_verbs(tokens):
        return None
    speaker = _speaker(doc, match[1], blocked, postposed=True)
    return Event("indirect", [*tokens, sent[0]], speaker, match[1], sent)


_SPEAKER_REACH = 3  # sentences a reported-speech passage may run on without naming its speaker


def _reported_sentence(
    sent: Span, blocked: set[int], speaker: Speaker | None, adjacent: bool
) -> Event | None:
    """A sentence that reports speech by its mood alone: Konjunktiv I in the main clause, reportative
    „soll“ with a perfect infinitive, or — right after a speech event — any subjunctive or „soll“."""
    verbs = _main_clause_verbs(sent, blocked)
    if not verbs:
        return None
    main = verbs[0]
    planned = any(t.lower_ == "werden" for t in sent if t.i > main.i)  # „soll … gebaut werden“: a plan
    continued = speaker is not None and (
        (main.lower_ in {"soll", "sollen"} and not planned)
        or (adjacent and (is_subjunctive(main) or main.lower_ in REPORTATIVE_MODALS))
    )
    if not (continued or any(is_konjunktiv_one(v) for v in verbs) or _is_hearsay(verbs)):
        return None
    message = [t for t in sent if t.i not in blocked]
    if main.lower_ in _INTENTIONS:
        # „Die IG Metall will …“ reports its own subject's intention (guidelines 3.5 b), never the
        # words of the speaker before; an intention of a subject that cannot speak is no statement
        own = subject_phrase(main, blocked, postposed=False)
        if not own or not can_speak(own):
            return None
        return Event("indirect", message, make_speaker(sent.doc, own), [], sent)
    return Event("indirect", message, speaker, [], sent)


_INTENTIONS = {"will", "wollen", "wollte", "wollten", "möchte", "möchten"}
