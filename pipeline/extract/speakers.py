"""Speaker spans for speech cues, their type (person/organisation/group) and their resolution.

The span is the speaker as written, with appositions („Kristin Jentsch, Kaufmännische Leiterin der
…“) but without relative clauses, adverbs or the quote itself. Resolution to a person or an
organisation is the people component's job (:mod:`pipeline.extract.people`); :func:`resolve` is the
only place that calls it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.cues import CONJ_DEPS, SUBJECT_DEPS, lexicon

_EDGE_POS = {"PUNCT", "ADV", "CCONJ", "SCONJ", "PART", "ADP", "VERB", "AUX"}
_EDGE_WORDS = {"auch", "und", "so", "sowie", "ebenfalls", "zudem", "dazu", "aber", "jedoch", "nun"}
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
    candidate = verb
    for _ in range(3):
        for child in candidate.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ not in {"VERB", "AUX", "SCONJ"}:
                return child
        if "Fin" in candidate.morph.get("VerbForm") or candidate.head is candidate:
            break  # a finite verb's subject is its own; only participles borrow the auxiliary's
        candidate = candidate.head
    return None


def _trim(tokens: list[Token], blocked: set[int]) -> list[Token]:
    """Drop quote tokens, then edge punctuation, adverbs and conjunctions."""
    tokens = [t for t in tokens if t.i not in blocked]
    while tokens and (tokens[0].pos_ in _EDGE_POS or tokens[0].lower_ in _EDGE_WORDS):
        tokens.pop(0)
    while tokens and (tokens[-1].pos_ in _EDGE_POS - {"ADV"} or tokens[-1].is_punct):
        tokens.pop()
    return tokens


def phrase_after(token: Token, blocked: set[int]) -> list[Token]:
    """The speaker phrase right after a cue („…“, so X / sagte X / heißt es in X)."""
    for candidate in token.doc[token.i + 1 : min(token.sent.end, token.i + 4)]:
        if candidate.i in blocked or candidate.is_punct:
            break
        if candidate.pos_ in _NOMINAL | {"PRON"} and _nominative(candidate):
            return noun_phrase(candidate, blocked)
    return []


def _nominative(token: Token) -> bool:
    """Not marked as accusative/dative/genitive by its article or, for pronouns, by its form
    (nouns and names do not show case reliably): small parsers often take the object for the
    subject."""
    cases = set(token.morph.get("Case")) if token.pos_ == "PRON" else set()
    previous = token.doc[token.i - 1] if token.i else None
    for det in [*token.children, *([previous] if previous is not None else [])]:
        if det.pos_ == "DET" and det.i < token.i:
            cases |= set(det.morph.get("Case"))
    return not cases or "Nom" in cases


def subject_phrase(verb: Token, blocked: set[int], postposed: bool) -> list[Token]:
    """The cue verb's subject phrase; without a parsed subject, the nominal right after the verb
    (inverted or postposed order) or, in a preposed clause, the one right before it."""
    if postposed and (phrase := phrase_after(verb, blocked)):
        return phrase  # „…, sagte X“: German puts the subject right after the verb
    subject = subject_of(verb)
    if subject is not None and subject.i not in blocked and _nominative(subject):
        return noun_phrase(subject, blocked)
    phrase = phrase_after(verb, blocked)
    if phrase or postposed:
        return phrase
    for candidate in reversed(verb.doc[max(verb.sent.start, verb.i - 8) : verb.i]):
        if candidate.i in blocked or candidate.text in {",", ":", ";"}:
            break
        if candidate.pos_ in {"NOUN", "PROPN", "PRON"} and _nominative(candidate):
            return noun_phrase(candidate, blocked)
    return []


_NOMINAL = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
_ATTRIBUTE_WORDS = {"des", "der", "eines", "einer", "von", "vom", "für"}
_NAME_PARTS = {"a.D.", "a. D.", "i.R.", "Dr.", "Prof."}


def _nominal_run(doc: Doc, i: int, end: int, blocked: set[int]) -> int:
    """End (exclusive) of the nominal material starting at ``i``: names, genitive and von/für
    attributes, parentheses and coordination inside the phrase („Beteiligungs- und
    Betriebsgesellschaft“)."""
    while i < end and i not in blocked:
        token = doc[i]
        following_nominal = i + 1 < end and doc[i + 1].pos_ in _NOMINAL
        if token.text == "(":
            close = next((k for k in range(i, min(end, i + 8)) if doc[k].text == ")"), None)
            if close is None:
                break
            i = close + 1
        elif (
            token.pos_ in _NOMINAL | {"X"}
            or token.text.endswith("-")
            or token.text in _NAME_PARTS
            or (token.lower_ in _ATTRIBUTE_WORDS | {"und", "sowie"} and following_nominal)
        ):
            i += 1
        else:
            break
    return i


def noun_phrase(token: Token, blocked: set[int]) -> list[Token]:
    """The speaker phrase around a subject token, read off linearly so parser attachment errors do
    not cut it: pre-modifiers, the name, attributes and one apposition („X, Leiterin der Y,“)."""
    doc, sent = token.doc, token.sent
    start = token.i
    if token.pos_ not in _NOMINAL and token.pos_ != "X":
        return [] if token.i in blocked else [token]
    while start > sent.start and start - 1 not in blocked:
        previous = doc[start - 1]
        if previous.pos_ in _NOMINAL:
            start -= 1
        elif previous.lower_ in _ATTRIBUTE_WORDS and doc[max(sent.start, start - 2)].pos_ in _NOMINAL:
            start -= 2  # „Theo Kitz vom Bankhaus …“
        else:
            break
    end = _nominal_run(doc, token.i, sent.end, blocked)
    # apposition: „…, Kaufmännische Leiterin der …, sagte“ / „so X, Oberbürgermeister a.D.“
    if end < sent.end - 1 and doc[end].text == "," and doc[end + 1].pos_ in _NOMINAL:
        relative = doc[end + 1].lower_ in _RELATIVE_WORDS and doc[end + 2 : end + 3].text[:1].islower()
        apposition_end = _nominal_run(doc, end + 1, sent.end, blocked)
        closing = doc[apposition_end] if apposition_end < len(doc) else None
        ends_clause = closing is None or closing.text in {",", ".", ":", "!", "?"}
        if not relative and (ends_clause or closing.pos_ in {"VERB", "AUX"}):
            end = apposition_end
    return _trim(list(doc[start:end]), blocked)


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


def _is_coordination(tokens: list[Token]) -> bool:
    inside = {t.i for t in tokens}
    return any(t.dep_ in CONJ_DEPS and t.head.i in inside and t.head is not t for t in tokens)


def _is_group(head: Token) -> bool:
    if head.text in lexicon().group_nouns:
        return True
    if head.pos_ == "PRON":
        numbers = head.morph.get("Number") + head.head.morph.get("Number")
        return head.lower_ in _PLURAL_PRONOUNS and "Plur" in numbers
    return head.pos_ == "NOUN" and "Plur" in head.morph.get("Number")


def resolve(doc: Doc, start: int, end: int):
    """People component's resolution of a span: ``(Person | None, Organisation | None)``."""
    from pipeline.extract.people import resolve_organisation, resolve_person

    return resolve_person(doc, start, end), resolve_organisation(doc, start, end)


def make_speaker(doc: Doc, tokens: list[Token]) -> Speaker | None:
    """Typed and resolved speaker for the phrase ``tokens`` (None for an empty phrase)."""
    if not tokens:
        return None
    span = doc[tokens[0].i : tokens[-1].i + 1]
    head = _head_token(tokens)
    speaker = Speaker(span.start_char, span.end_char, span.text)
    names = [ent for ent in span.ents if ent.label_ == "PER"]
    target = names[0] if names else span
    person, organisation = resolve(doc, target.start_char, target.end_char)
    if _is_coordination(tokens):
        speaker.type = "group"  # „X ebenso wie Y“, „Merkel und Stoiber“: no single person
    elif person is not None:
        speaker.type, speaker.person_local_id = "person", person.local_id
    elif organisation is not None:
        speaker.type, speaker.org_local_id = "organisation", organisation.local_id
    elif _is_group(head):
        speaker.type = "group"
    elif names or (head.pos_ == "PRON" and head.lower_ in {"er", "sie", "ich"}):
        speaker.type = "person"
    elif _is_organisation(doc, head, span):
        speaker.type = "organisation"
    return speaker
