"""Speaker spans for speech cues, their type (person/organisation/group) and their resolution.

The span is the speaker as written, with appositions („Kristin Jentsch, Kaufmännische Leiterin der
…“) but without relative clauses, adverbs or the quote itself. Resolution to a person or an
organisation is the people component's job (:mod:`pipeline.extract.people`); :func:`resolve` is the
only place that calls it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.cues import CONJ_DEPS, RELATIVE_DEPS, SUBJECT_DEPS, lexicon

_EDGE_POS = {"PUNCT", "ADV", "CCONJ", "SCONJ", "PART", "ADP", "VERB", "AUX"}
_EDGE_WORDS = {"auch", "und", "so", "sowie", "ebenfalls", "zudem", "dazu", "aber", "jedoch", "nun"}
# Words that end a speaker phrase when read off linearly („so Schramm am Montag in Berlin“).
_STOP_WORDS = {"am", "im", "in", "bei", "gegenüber", "auf", "vor", "nach", "zur", "zum", "mit", "während"}
_STOP_WORDS |= {"gestern", "heute", "morgen", "damals", "dazu", "weiter", "außerdem", "zudem", "jetzt"}
_RELATIVE_WORDS = {"der", "die", "das", "den", "dem", "dessen", "deren", "welcher", "welche", "welches"}
_PLURAL_PRONOUNS = {"wir", "ihr", "sie"}


@dataclass
class Speaker:
    start: int
    end: int
    text: str
    type: str = ""  # person | organisation | group | ""
    person_local_id: int | None = None
    org_local_id: int | None = None


def subject_of(verb: Token) -> Token | None:
    """Grammatical subject of a cue verb, looking through auxiliaries and modal chains."""
    for candidate in (verb, verb.head, verb.head.head):
        for child in candidate.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ not in {"VERB", "AUX", "SCONJ"}:
                return child
        if candidate.head is candidate:
            break
    return None


def _trim(tokens: list[Token], blocked: set[int]) -> list[Token]:
    """Drop quote tokens, then edge punctuation, adverbs and conjunctions."""
    tokens = [t for t in tokens if t.i not in blocked]
    while tokens and (tokens[0].pos_ in _EDGE_POS or tokens[0].lower_ in _EDGE_WORDS):
        tokens.pop(0)
    while tokens and (tokens[-1].pos_ in _EDGE_POS - {"ADV"} or tokens[-1].is_punct):
        tokens.pop()
    return tokens


def phrase_from_head(head: Token, blocked: set[int]) -> list[Token]:
    """The noun phrase headed by ``head`` (its subtree without relative clauses), contiguous."""
    excluded = set()
    for child in head.children:
        if child.dep_ in RELATIVE_DEPS and child.pos_ in {"VERB", "AUX"}:
            excluded |= {t.i for t in child.subtree}
    tokens = [t for t in head.subtree if t.i not in excluded]
    run: list[Token] = []
    for token in tokens:  # keep the contiguous stretch around the head
        if run and token.i != run[-1].i + 1:
            if run[0].i <= head.i <= run[-1].i:
                break
            run = []
        if token.i in blocked:
            if run and run[0].i <= head.i <= run[-1].i:
                break
            run = []
            continue
        run.append(token)
    return _trim(run, blocked)


def phrase_after(token: Token, blocked: set[int]) -> list[Token]:
    """Noun phrase read linearly after ``token`` up to the clause end (postposed „…“, so X.)."""
    tokens: list[Token] = []
    seen_comma = False
    for t in token.doc[token.i + 1 : token.sent.end]:
        if t.i in blocked or t.text in {".", "!", "?", ";", ":", "(", ")"} or t.text in '„“”»«"':
            break
        if t.text == ",":
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if nxt is None or nxt.lower_ in _RELATIVE_WORDS | {"als", "wie", "dass", "weil", "nachdem"}:
                break
            seen_comma = True
        elif not seen_comma and tokens and (t.lower_ in _STOP_WORDS or t.pos_ in {"VERB", "AUX"}):
            break
        tokens.append(t)
    return _trim(tokens, blocked)


def _head_token(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head is token:
            return token
    return tokens[0]


def _is_organisation(doc: Doc, head: Token, span: Span) -> bool:
    if any(ent.label_ == "ORG" for ent in span.ents):
        return True
    nouns = lexicon().organisation_nouns
    return any(head.text == n or (len(n) > 4 and head.text.endswith(n.lower())) for n in nouns)


def _is_group(head: Token, tokens: list[Token]) -> bool:
    if any(t.dep_ in CONJ_DEPS and t.head.i in {x.i for x in tokens} for t in tokens):
        return any(t.pos_ in {"PROPN", "NOUN"} for t in tokens)
    if head.text in lexicon().group_nouns:
        return True
    if head.pos_ == "PRON":
        numbers = head.morph.get("Number") + head.head.morph.get("Number")
        return head.lower_ in _PLURAL_PRONOUNS and "Plur" in numbers
    return head.pos_ == "NOUN" and "Plur" in head.morph.get("Number")


def resolve(doc: Doc, start: int, end: int):
    """People component's resolution of a span: ``(Person | None, Organisation | None)``."""
    try:
        from pipeline.extract.people import resolve_organisation, resolve_person
    except ImportError:  # people component not installed yet: nothing to resolve against
        return None, None
    return resolve_person(doc, start, end), resolve_organisation(doc, start, end)


def make_speaker(doc: Doc, tokens: list[Token]) -> Speaker | None:
    """Typed and resolved speaker for the phrase ``tokens`` (None for an empty phrase)."""
    if not tokens:
        return None
    span = doc[tokens[0].i : tokens[-1].i + 1]
    head = _head_token(tokens)
    speaker = Speaker(span.start_char, span.end_char, span.text)
    if _is_group(head, tokens):
        speaker.type = "group"
        return speaker
    names = [ent for ent in span.ents if ent.label_ == "PER"]
    target = names[0] if names else span
    person, organisation = resolve(doc, target.start_char, target.end_char)
    if person is not None:
        speaker.type, speaker.person_local_id = "person", person.local_id
    elif organisation is not None:
        speaker.type, speaker.org_local_id = "organisation", organisation.local_id
    elif names or (head.pos_ == "PRON" and head.lower_ in {"er", "sie", "ich"}):
        speaker.type = "person"
    elif _is_organisation(doc, head, span):
        speaker.type = "organisation"
    return speaker
