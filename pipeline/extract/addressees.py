"""Who a statement was made to: the medium or person a speaker told it („sagte der Zeitung“,
„erklärte gegenüber der dpa“, „Ihm wird vorgeworfen“, „forderte die Regierung auf“).

The addressee hangs on the cue: a nominal dependent in the dative (by the parser's label or by
morphology, since German word order often hides the dative from the parser), a „gegenüber“ phrase,
or — for verbs that address someone (``addressee: object`` in ``speech_verbs.yml``) — the
accusative object, or the object of the verb's preposition (``addressee: an``: „appellierte an die
Regierung“). Tokens of the message and the speaker never count.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.cues import REFLEXIVE_FORMS, is_noun_cue, is_verb, match_verb
from pipeline.extract.speakers import can_speak, noun_phrase

DATIVE_DEPS = {"da", "iobj", "obl:arg"}
OBJECT_DEPS = {"oa", "obj"}
PREPOSITION_DEPS = {"case", "mo", "op"}
ADDRESSEE_PREPOSITION = "gegenüber"
LISTENER_PREPOSITIONS = {"zur", "zum"}  # addressing only with someone who can listen
CONVERSATION_NOUNS = {"Interview", "Gespräch", "Telefonat", "Telefongespräch"}  # „im Interview mit …“
CUE_REACH = 6  # tokens between a cue and its addressing phrase
_NOUNS = {"NOUN", "PROPN", "PRON"}
_DATIVE_ARTICLES = frozenset({"dem", "einem"})


def _preposition(token: Token) -> str:
    """The preposition a nominal stands after (UD ``case`` child), else ``""``."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")


def _cases(tokens: list[Token]) -> set[str]:
    """Every case the morphology gives a noun and its article."""
    return {case for t in tokens for case in t.morph.get("Case")}


def _dative(token: Token) -> bool:
    """A bare dative nominal: by the parser's label, or — when the parser read it as a subject or
    object („Ihm wird vorgeworfen“) — by its own and its article's case; never the object of a
    preposition the parser attached elsewhere („mit 3.000 gestohlenen Stücken“)."""
    if token.pos_ not in _NOUNS or _preposition(token) or token.lower_ in REFLEXIVE_FORMS:
        return False
    start = token.left_edge.i
    if start > 0 and token.doc[start - 1].pos_ == "ADP":
        return False
    if token.dep_ in DATIVE_DEPS:
        return True
    return _cases([token, *(d for d in token.children if d.dep_ == "det")]) == {"Dat"}


def _after(child: Token, preposition: str) -> Token | None:
    """The nominal of a prepositional phrase with ``preposition`` under a cue, in UD (the nominal
    carries a ``case`` child) or TIGER (the preposition heads the phrase) attachment."""
    if child.pos_ in _NOUNS and _preposition(child) == preposition:
        return child
    if child.lower_ == preposition and child.dep_ in PREPOSITION_DEPS:
        return next((n for n in child.children if n.pos_ in _NOUNS), None)
    return None


def _addressed(cue: list[Token], blocked: set[int]) -> Token | None:
    """The noun of an addressing phrase near the cue, read linearly because parsers often hang it on
    the message's verb: „gegenüber der Presse“; „zur Sportschau“ and „zum Spiegel“ when its noun
    names someone who can listen (not „zur Lage“, „zum Urteil“); „in einem Interview mit der FAZ“."""
    doc, sent = cue[0].doc, cue[0].sent
    distance = {t.i: min(abs(t.i - c.i) for c in cue) for t in sent if t.i not in blocked}
    near = sorted((doc[i] for i, d in distance.items() if d <= CUE_REACH), key=lambda t: distance[t.i])
    for token in near:
        listener_only = token.lower_ in LISTENER_PREPOSITIONS
        interview = token.lower_ == "mit" and token.i > 0 and doc[token.i - 1].lemma_ in CONVERSATION_NOUNS
        if token.lower_ != ADDRESSEE_PREPOSITION and not listener_only and not interview:
            continue
        noun = _noun_after(token, blocked)
        if noun is not None and (not listener_only or (can_speak([noun]) and not is_noun_cue(noun))):
            return noun
    return None


def _noun_after(preposition: Token, blocked: set[int]) -> Token | None:
    doc, end = preposition.doc, preposition.sent.end
    for following in doc[preposition.i + 1 : min(end, preposition.i + 6)]:
        if following.i in blocked or (following.is_punct and not following.is_quote):
            return None
        if following.pos_ in _NOUNS:
            return following
    return None


def _dative_after_cue(cue: list[Token], blocked: set[int]) -> Token | None:
    """A dative phrase right after the verb and its postposed speaker, which the parser often
    attaches to the speaker's name („sagte Anna Berger dem Hamburger Abendblatt“)."""
    verb = max((t for t in cue if is_verb(t)), key=lambda t: t.i, default=None)
    if verb is None:
        return None
    doc, end = verb.doc, verb.sent.end
    i = verb.i + 1
    while i < end and (i in blocked or doc[i].pos_ == "ADV"):
        i += 1
    if i >= end or doc[i].pos_ != "DET":
        return None
    head = next((t for t in doc[i : min(end, i + 5)] if t.pos_ in {"NOUN", "PROPN"}), None)
    if head is None or any(t.pos_ not in {"DET", "ADJ", "NOUN", "PROPN"} for t in doc[i : head.i]):
        return None
    if head.i in blocked:
        return None
    cases = _cases([doc[i], head])
    # the speaker phrase took its genitive attributes along, so „der“ + noun after it is a dative the
    # morphologizer may have read as a genitive („sagte Müller der Sportschau“); „den“ + plural too
    feminine_or_plural = (doc[i].lower_ == "der" and cases <= {"Dat", "Gen"}) or (
        doc[i].lower_ == "den" and head.morph.get("Number") == ["Plur"]
    )
    # „dem“/„einem“ are datives whatever case the morphologizer gives the noun after them
    dative_article = doc[i].lower_ in _DATIVE_ARTICLES
    return head if cases == {"Dat"} or dative_article or (cases and feminine_or_plural) else None


def find_addressee(cue: list[Token], blocked: set[int]) -> list[Token]:
    """The addressee phrase of a speech event with cue tokens ``cue``; ``blocked`` are the message's
    and the speaker's tokens. Empty when the cue names none."""
    misattached = _addressed(cue, blocked) or _dative_after_cue(cue, blocked)
    if misattached is not None:
        return _phrase(misattached, blocked)
    for token in cue:
        match = match_verb(token) if is_verb(token) else None
        addresses = match[0].addressee if match is not None else ""  # "object", a preposition or ""
        for child in sorted(token.children, key=lambda c: abs(c.i - token.i)):
            if child.i in blocked:
                continue
            head = _after(child, ADDRESSEE_PREPOSITION)
            if head is None and addresses not in ("", "object"):
                head = _after(child, addresses)
            if head is None and (_dative(child) or (addresses == "object" and child.dep_ in OBJECT_DEPS)):
                head = child if child.pos_ in _NOUNS and child.lower_ not in REFLEXIVE_FORMS else None
            if head is not None and head.i not in blocked and (phrase := _phrase(head, blocked)):
                return phrase
    return []


def _phrase(head: Token, blocked: set[int]) -> list[Token]:
    return [t for t in noun_phrase(head, blocked) if t.lower_ != ADDRESSEE_PREPOSITION]
