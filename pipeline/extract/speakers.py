"""Speaker spans for speech cues, their type (person/organisation/group) and their resolution.

The span is the speaker as written, with appositions („Kristin Jentsch, Kaufmännische Leiterin der
…“) but without relative clauses, adverbs or the quote itself. Resolution to a person or an
organisation is the people component's job (:mod:`pipeline.extract.people`); :func:`resolve` is the
only place that calls it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.cues import (
    CONJ_DEPS,
    SUBJECT_DEPS,
    is_noun_cue,
    is_verb,
    lemma_of,
    match_verb,
    sentence_bounds,
)
from pipeline.extract.lexicons import lexicons_of
from pipeline.extract.people import organisation_mention_end, resolve_organisation, resolve_person
from pipeline.extract.quote_marks import QUOTE_CHARS
from pipeline.extract.tokens import entities_in

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
        finite = "Fin" in candidate.morph.get("VerbForm") or candidate.tag_.endswith("FIN")
        if (finite and candidate.dep_ not in CONJ_DEPS) or candidate.head is candidate:
            break  # a finite verb's subject is its own, or its first conjunct's („X nannte … und rief …“)
        candidate = candidate.head
    return None


def _trim(tokens: list[Token], blocked: set[int]) -> list[Token]:
    """Drop quote tokens, then edge punctuation, adverbs and conjunctions."""
    tokens = [t for t in tokens if t.i not in blocked]
    while tokens and (tokens[0].pos_ in _EDGE_POS or tokens[0].lower_ in _EDGE_WORDS):
        tokens.pop(0)
    return _trim_end(tokens, _EDGE_POS - {"ADV"})


def _trim_end(tokens: list[Token], edge: set[str]) -> list[Token]:
    """Drop trailing punctuation and words of the ``edge`` parts of speech, but not the closing
    mark of a quoted name or parenthesis inside the phrase („die „Zeit““, „die WHO (Genf)“)."""
    tokens = list(tokens)
    while tokens and (tokens[-1].pos_ in edge or tokens[-1].is_punct):
        if _quote_mark(tokens[-1]) and any(_quote_mark(t) for t in tokens[:-1]):
            break
        if tokens[-1].text == ")" and any(t.text == "(" for t in tokens):
            break
        tokens.pop()
    return tokens


def _quote_mark(token: Token) -> bool:
    return len(token.text) == 1 and token.text in QUOTE_CHARS


def phrase_after(token: Token, blocked: set[int]) -> list[Token]:
    """The speaker phrase right after a cue („…“, so X / sagte X / heißt es in X)."""
    for candidate in token.doc[token.i + 1 : min(sentence_bounds(token)[1], token.i + 4)]:
        if candidate.i in blocked or candidate.is_punct:
            break
        if candidate.pos_ in _NOMINAL | {"PRON"} and _nominative(candidate):
            return noun_phrase(candidate, blocked)
    return []


# Forms that are never nominative; „der“, „die“, „das“, „ein“, „sie“ and „es“ can be.
_OBJECT_PRONOUNS = {"ihn", "ihm", "ihnen", "mir", "mich", "dir", "dich", "uns", "euch", "sich", "wem", "wen"}
_NOMINATIVE_ES = {"dieses", "jedes", "jenes", "welches", "manches", "alles"}


def _nominative(token: Token) -> bool:
    """Not an object by the form of its pronoun or determiner („den“, „dem“, „des“, „einem“,
    „seinen“ …). The form is read directly: small models often get the case of articles wrong, and
    nouns and names do not show case reliably. „der“ right after a noun is a genitive attribute
    („eine Meldung der dpa“)."""
    if token.pos_ == "PRON":
        return token.lower_ not in _OBJECT_PRONOUNS
    doc = token.doc
    first = token.i
    sent_start = sentence_bounds(token)[0]
    while first > sent_start and doc[first - 1].pos_ in {"DET", "ADJ", "NUM"}:
        first -= 1
    determiners = [t for t in doc[first : token.i + 1] if t.pos_ == "DET"]
    if not determiners:
        return True
    form = determiners[0].lower_
    if form == "der" and first > sent_start and doc[first - 1].pos_ in {"NOUN", "PROPN"}:
        return False
    return not (form.endswith(("em", "en")) or (form.endswith("es") and form not in _NOMINATIVE_ES))


def after_preposition(token: Token) -> bool:
    """The nominal is a prepositional object („von der Polizei“) or a bare noun after „als“ („Als
    Grund gab die Behörde … an“), so not the subject."""
    doc = token.doc
    first = token.i
    sent_start = sentence_bounds(token)[0]
    while first > sent_start and doc[first - 1].pos_ in {"DET", "ADJ", "NUM", "PROPN"}:
        first -= 1
    if first == sent_start:
        return False
    bare_after_als = doc[first - 1].lower_ == "als" and doc[first].pos_ == "NOUN"
    return _is_preposition(doc[first - 1]) or bare_after_als


def _is_preposition(token: Token) -> bool:
    return token.pos_ == "ADP" and token.lower_ not in {"wie", "als"}  # comparison particles


def _subject_candidate(token: Token, blocked: set[int]) -> bool:
    return (
        token.i not in blocked
        and token.lower_ not in _NEVER_SPEAKERS
        and _nominative(token)
        and not after_preposition(token)
    )


def _candidates(verb: Token, blocked: set[int], postposed: bool) -> list[list[Token]]:
    """Speaker phrases for a cue verb in order of syntactic preference: after a postposed cue the
    nominal right after the verb, else the parsed subject, the nominal right after the verb
    (inverted order) and the one right before it."""
    phrases = [phrase_after(verb, blocked)] if postposed else []
    prefield = _prefield(verb, blocked) if not postposed else []
    subject = subject_of(verb)
    if subject is not None and _subject_candidate(subject, blocked):
        # the whole prefield when the subject is in it: its attributes („die Regierung in Lomé“)
        phrases.append(prefield if subject in prefield else noun_phrase(subject, blocked))
    if not postposed:
        phrases.append(phrase_after(verb, blocked))
        phrases.append(prefield)
        phrases.append(_after_wie(verb, blocked))
        for candidate in reversed(verb.doc[max(sentence_bounds(verb)[0], verb.i - 8) : verb.i]):
            if candidate.i in blocked or candidate.text in {",", ":", ";"}:
                break
            if candidate.pos_ in {"NOUN", "PROPN", "PRON"} and _subject_candidate(candidate, blocked):
                phrases.append(noun_phrase(candidate, blocked))
                break
    return [p for p in phrases if _usable(p)]


def _prefield(verb: Token, blocked: set[int]) -> list[Token]:
    """The noun phrase filling the whole prefield before the finite verb (German puts exactly one
    constituent there): a long subject with its apposition („Die Politikerin der Grünen, Anja
    Hajduk, kritisierte …“) or a name the tagger took for an adverb („Stoiber sagte …“), which
    parsers often fail to attach as the subject."""
    doc = verb.doc
    finite = next((c for c in verb.children if c.dep_ in _AUX_DEPS and c.i < verb.i), verb)
    tokens = [t for t in doc[sentence_bounds(verb)[0] : finite.i] if t.i not in blocked]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in _EDGE_WORDS):
        tokens.pop(0)
    tokens = _trim_end(tokens, {"ADV"} if len(tokens) > 1 else set())  # „Die Kanadier hingegen“
    head = next((t for t in tokens if _is_noun(t)), None)
    if head is None or not (tokens[0].pos_ in _NOMINAL or tokens[0] == head):
        return []
    if not _subject_candidate(head, blocked):  # the noun decides, not its article („Das Militär“)
        return []
    clause = next(
        (k for k, t in enumerate(tokens[:-1]) if t.text == "," and _opens_clause(tokens[k + 1])), None
    )
    if clause is None:
        return [] if any(is_verb(t) for t in tokens) else tokens
    # „X, der … ist, wies … zurück“: the relative clause closes with its verb right before the cue;
    # a cue verb inside the relative clause („X, der als Zeuge aussagte“) has no prefield.
    phrase = tokens[:clause]
    return phrase if is_verb(tokens[-1]) and not any(is_verb(t) for t in phrase) else []


def _after_wie(verb: Token, blocked: set[int]) -> list[Token]:
    """In a verb-final „wie“-clause the speaker comes first after „wie“, with its apposition („Wie
    Steve Marshall, Sprecher der UN-Büros, in Bangkok mitteilte“); a verb inside a quoted name
    does not end the clause („Wie die „Aktion Deutschland hilft“ mitteilte“)."""
    doc = verb.doc
    quoted = False
    for token in reversed(doc[sentence_bounds(verb)[0] : verb.i]):
        if _quote_mark(token):
            quoted = not quoted
        if token.i in blocked or (is_verb(token) and not quoted):
            return []
        if token.lower_ == "wie":
            first = doc[token.i + 1]
            head = next((t for t in doc[first.i : verb.i] if t.pos_ in {"NOUN", "PROPN"}), None)
            phrase = noun_phrase(head, blocked) if head is not None and first.pos_ in _NOMINAL else []
            return phrase if phrase and phrase[0] == first and _subject_candidate(head, blocked) else []
    return []


def _opens_clause(token: Token) -> bool:
    """A relative pronoun or subordinator after a comma; „der“ before a capitalised word or an
    attributive adjective is the article of an apposition („X, der politische Direktor …“)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lower_ in _RELATIVE_WORDS:
        return following is not None and not (following.text[:1].isupper() or following.tag_ == "ADJA")
    return token.pos_ == "SCONJ" or token.lower_ in {"wie", "wo", "als", "wenn", "weil", "da"}


def _is_noun(token: Token) -> bool:
    """A noun or name by its part of speech, its STTS tag or the named entities: small models
    tag sentence-initial surnames as adverbs („Stoiber sagte“)."""
    return (
        token.pos_ in {"NOUN", "PROPN"}
        or token.tag_ in {"NN", "NE"}
        or token.ent_type_ in {"PER", "ORG"}
        or (token.is_title and resolve(token.doc, token.idx, token.idx + len(token))[0] is not None)
    )


_AUX_DEPS = {"aux", "aux:pass", "cop"}


def _usable(phrase: list[Token]) -> bool:
    """Not empty, not an impersonal or demonstrative pronoun, not a bare article („ist der |
    Ansicht“), not a time („Ende Januar“), not a prepositional object."""
    if not phrase or (len(phrase) == 1 and phrase[0].lower_ in _NEVER_SPEAKERS):
        return False
    if all(t.pos_ == "DET" for t in phrase):
        return False
    head = next((t for t in phrase if t.pos_ in {"NOUN", "PROPN"}), None)
    if head is not None and head.text in lexicons_of(head.doc).speech.time_nouns:
        return False  # „Wenige Stunden nach dem Putsch erklärte der Rat“: a time, parsed as subject
    first = phrase[0]
    return first.i == sentence_bounds(first)[0] or not _is_preposition(first.doc[first.i - 1])


def subject_phrase(verb: Token, blocked: set[int], postposed: bool) -> list[Token]:
    """The cue verb's speaker phrase: the first candidate, unless it cannot speak and a later one is
    a person. Small parsers often take a fronted object („Die Bedeutung des Marktes beschrieb
    Pötsch …“) for the subject. In the passive the subject is what was said or judged; the speaker
    is the agent („wurden von Minister X als … bezeichnet“), if named."""
    if _is_passive(verb) and not _quotes_subject(verb):
        return _passive_agent(verb, blocked) or _medium(verb, blocked)
    pronoun = _pronoun_after_finite(verb, blocked)
    if pronoun is not None:
        return [pronoun]
    phrases = _candidates(verb, blocked, postposed)
    if not phrases:
        return _medium(verb, blocked)
    if can_speak(phrases[0]):
        return phrases[0]
    return next((p for p in phrases[1:] if _is_person_like(p)), phrases[0])


_NOMINATIVE_PRONOUNS = {"er", "ich", "wir", "du"}  # never objects, unlike „sie“


def _pronoun_after_finite(verb: Token, blocked: set[int]) -> Token | None:
    """„Nähere Einzelheiten gab er nicht bekannt“: a pronoun that can only be nominative right
    after the finite verb is the subject, so whatever fills the prefield is an object, however
    the parser labels it."""
    finite = next((c for c in verb.children if c.dep_ in _AUX_DEPS and c.i < verb.i), verb)
    following = finite.doc[finite.i + 1] if finite.i + 1 < len(finite.doc) else None
    if following is None or following.i in blocked or following.lower_ not in _NOMINATIVE_PRONOUNS:
        return None
    return following


_AGENT_DEPS = {"obl:agent", "sbp"}  # UD and TIGER


def _is_passive(verb: Token) -> bool:
    """A participle with the passive auxiliary „werden“ (UD ``aux:pass``; TIGER hangs the
    participle under the auxiliary)."""
    if verb.tag_ != "VVPP":
        return False
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    return verb.dep_ == "oc" and lemma_of(verb.head) == "werden"


def _quotes_subject(verb: Token) -> bool:
    match = match_verb(verb)
    return match is not None and match[0].quotes_subject


def _passive_agent(verb: Token, blocked: set[int]) -> list[Token]:
    """The agent of a passive cue verb: the parser's agent, else a „von“ phrase that can speak
    between the auxiliary and the participle (parsers often attach it as a plain oblique) or
    fronted before the auxiliary („Von der Opposition wurde … kritisiert“); a fronted phrase that
    cannot speak is the topic („Von einer Brandgefahr wird berichtet“)."""
    agent = next((c for c in verb.children if c.dep_ in _AGENT_DEPS and c.i not in blocked), None)
    if agent is not None:
        return noun_phrase(agent, blocked)
    doc = verb.doc
    for token in reversed(doc[max(sentence_bounds(verb)[0], verb.i - 10) : verb.i]):
        if token.i in blocked or token.text in {",", ";", ":"} or lemma_of(token) == "werden":
            break
        following = doc[token.i + 1]
        if token.lower_ in {"von", "vom"} and following.pos_ in _NOMINAL and following.i < verb.i:
            head = next((t for t in doc[following.i : verb.i] if t.pos_ in {"NOUN", "PROPN"}), None)
            phrase = noun_phrase(head, blocked) if head is not None else []
            if phrase and can_speak(phrase):
                return phrase
    start = sentence_bounds(verb)[0]
    if doc[start].lower_ in {"von", "vom"} and start + 1 < verb.i and start not in blocked:
        head = next((t for t in doc[start + 1 : verb.i] if t.pos_ in {"NOUN", "PROPN"}), None)
        phrase = [t for t in noun_phrase(head, blocked) if t.i < verb.i] if head is not None else []
        if phrase and can_speak(phrase):
            return phrase
    return []


_MEDIUM_PREPOSITIONS = {"in", "im", "aus"}


def _medium(verb: Token, blocked: set[int]) -> list[Token]:
    """Without a subject the source is the document the statement stands in („In einem Bericht
    der BBC heißt es, …“, „heißt es in der Mitteilung“, „Aus einer Meldung der dpa geht hervor,
    …“), written without its preposition. With impersonal „es“ any medium counts; otherwise only a
    statement noun („Bericht“, „Meldung“), not a place („in Berlin“)."""
    start, end = sentence_bounds(verb)
    impersonal = any(t.lower_ == "es" for t in verb.doc[max(start, verb.i - 1) : min(end, verb.i + 3)])
    window = verb.doc[max(start, verb.i - 10) : min(end, verb.i + 6)]
    for prep in sorted(window, key=lambda t: abs(t.i - verb.i)):
        if prep.lower_ not in _MEDIUM_PREPOSITIONS or prep.i in blocked:
            continue
        for token in verb.doc[prep.i + 1 : min(end, prep.i + 5)]:
            if token.pos_ in {"NOUN", "PROPN"}:
                if impersonal or is_noun_cue(token):
                    return noun_phrase(token, blocked)
                break
            if token.pos_ not in {"DET", "ADJ", "NUM"}:
                break
    return []


def _is_person_like(tokens: list[Token]) -> bool:
    """A name, personal pronoun or role noun in the phrase's kernel: „die Ankündigung des
    Premierministers“ is an announcement, not a person."""
    tokens = _kernel(tokens)
    span = tokens[0].doc[tokens[0].i : tokens[-1].i + 1]
    roles = lexicons_of(span.doc).roles
    return any(ent.label_ == "PER" for ent in entities_in(span)) or any(
        t.lower_ in _SPEAKING_PRONOUNS or (t.pos_ == "NOUN" and roles.match(t.text) is not None)
        for t in tokens
    )


def _kernel(tokens: list[Token]) -> list[Token]:
    """The phrase up to its first attribute or comma: „Die Anwendung der Kompetenz des
    Bundeskanzlers“ is about an application, not the chancellor."""
    for k, token in enumerate(tokens[1:], 1):
        if token.lower_ in _ATTRIBUTE_WORDS or token.text == ",":
            return tokens[:k]
    return tokens


def can_speak(tokens: list[Token]) -> bool:
    """A name, a personal pronoun, an organisation or medium, or a role, group or source noun in
    the phrase's kernel (attributes do not count)."""
    doc = tokens[0].doc
    lexicons = lexicons_of(doc)
    tokens = _kernel(tokens)
    span = doc[tokens[0].i : tokens[-1].i + 1]
    if any(ent.label_ in {"PER", "ORG"} for ent in entities_in(span)):
        return True
    for token in tokens:
        if token.pos_ == "PROPN" or token.lower_ in _SPEAKING_PRONOUNS:
            return True
        if token.pos_ == "NOUN" and (
            token.text in lexicons.speech.group_nouns
            or any(
                token.text.endswith(n.lower()) or token.text == n for n in lexicons.speech.organisation_nouns
            )
            or is_noun_cue(token)
            or lexicons.roles.match(token.text) is not None
        ):
            return True
    return False


_NEVER_SPEAKERS = {"es", "man", "dies", "das", "dieses", "was"}  # impersonal „heißt es“, „man“; the message
_SPEAKING_PRONOUNS = {"er", "sie", "ich", "wir", "ihr"}


_NOMINAL = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
_ATTRIBUTE_WORDS = frozenset({"des", "der", "eines", "einer", "von", "vom", "für"})
_NAME_PARTS = {"a.D.", "a. D.", "i.R.", "Dr.", "Prof."}
# a role in an apposition may name where it is held: „Anna Berger, Professorin am Institut für Arbeit“
_APPOSITION_ATTRIBUTES = _ATTRIBUTE_WORDS | {"am", "beim", "im", "an", "bei"}


def _nominal_run(
    doc: Doc, i: int, end: int, blocked: set[int], attributes: frozenset[str] = _ATTRIBUTE_WORDS
) -> int:
    """End (exclusive) of the nominal material starting at ``i``: names, attributes opened by one of
    ``attributes`` (genitive, von/für), parentheses and coordination inside the phrase („Beteiligungs-
    und Betriebsgesellschaft“) and quoted names („Süddeutsche Zeitung“)."""
    start = i
    while i < end and i not in blocked:
        token = doc[i]
        following_nominal = _opens_nominal(doc, i + 1, end)  # „von „Ärzte ohne Grenzen““ too
        if token.text == "(":
            close = next((k for k in range(i, min(end, i + 8)) if doc[k].text == ")"), None)
            if close is None:
                break
            i = close + 1
        elif _quote_mark(token) and i + 1 < end and doc[i + 1].pos_ in _NOMINAL:
            # a quoted name is read whole, whatever its words („Aktion Deutschland hilft“)
            close = next((k for k in range(i + 1, min(end, i + 8)) if _quote_mark(doc[k])), i)
            i = close + 1 if all(k not in blocked for k in range(i, close + 1)) else i + 1
        elif _quote_mark(token) and any(
            _quote_mark(t) for t in doc[max(start - 4, sentence_bounds(doc[start])[0]) : i]
        ):
            i += 1  # the closing mark of „Süddeutsche Zeitung“ when the phrase starts inside it
        elif _starts_next_phrase(doc, i, start) or _topic_after_person(doc, i, end):
            break
        elif (
            token.pos_ in _NOMINAL | {"X"}
            or token.text.endswith("-")
            or token.text in _NAME_PARTS
            or (token.lower_ in attributes | {"und", "sowie"} and following_nominal)
            or _place_attribute(doc, i, start, end)
            or (i > start and token.ent_iob_ == "I")  # inside a name: „California Institute of Technology“
        ):
            i += 1
        else:
            break
    return i


def _topic_after_person(doc: Doc, i: int, end: int) -> bool:
    """„von“ after a person's name before a common noun is what the person speaks of, no attribute:
    „sprach Angela Merkel | von der Möglichkeit …“ (but „Jane Greaves von der University of …“)."""
    if doc[i].lower_ not in {"von", "vom"} or i == 0 or doc[i - 1].ent_type_ != "PER":
        return False
    k = i + 1
    while k < end and doc[k].pos_ in {"DET", "ADJ"}:
        k += 1
    return k < end and doc[k].pos_ == "NOUN" and doc[k].ent_type_ not in {"ORG", "LOC"}


def _place_attribute(doc: Doc, i: int, start: int, end: int) -> bool:
    """„in“/„aus“ with a bare place name after a noun locates the speaker („die Regierung in Lomé“,
    „Angaben aus Khartum“); with an article it is an adverbial („in der Sitzung“)."""
    return (
        i > start
        and i + 1 < end
        and doc[i].lower_ in {"in", "aus"}
        and doc[i - 1].pos_ in {"NOUN", "PROPN"}
        and doc[i + 1].pos_ == "PROPN"
        and doc[i + 1].ent_type_ in {"LOC", "GPE", ""}
    )


def _opens_nominal(doc: Doc, i: int, end: int) -> bool:
    """A nominal, or a quotation mark opening a quoted name, at ``i``."""
    if i < end and _quote_mark(doc[i]):
        i += 1
    return i < end and doc[i].pos_ in _NOMINAL


def _starts_next_phrase(doc: Doc, i: int, start: int) -> bool:
    """After a noun or name, also after a bracket or quotation closing one, a non-genitive article or
    a number opens the next phrase („General Sonthi | einen Zeitraum“, „Reuters | 900 Menschen“,
    „Aufsichtsbehörde (DGAC) | die mangelnde Sicherheit“), and a predicative adjective is an
    adverbial („Gary Moore | telefonisch“)."""
    token = doc[i]
    if token.tag_ == "ADJD":
        return True
    if i == start:
        return False
    previous = doc[i - 1]
    closed = previous.text == ")" or _quote_mark(previous)  # „(DGAC) | die mangelnde Sicherheit“
    if previous.pos_ not in {"NOUN", "PROPN"} and not closed:
        return False
    return (token.pos_ == "DET" and token.lower_ not in _ATTRIBUTE_WORDS) or token.pos_ == "NUM"


def noun_phrase(token: Token, blocked: set[int]) -> list[Token]:
    """The speaker phrase around a subject token, read off linearly so parser attachment errors do
    not cut it: pre-modifiers, the name, attributes and one apposition („X, Leiterin der Y,“)."""
    doc = token.doc
    sent_start, sent_end = sentence_bounds(token)
    start = token.i
    if token.pos_ not in _NOMINAL and token.pos_ != "X":
        return [] if token.i in blocked else [token]
    while start > sent_start and start - 1 not in blocked:
        previous = doc[start - 1]
        if previous.pos_ in _NOMINAL and previous.tag_ != "ADJD":  # „gemäß“, „laut“ as adjectives
            start -= 1
        elif _quote_mark(previous) and start - 2 >= sent_start and doc[start - 2].pos_ in _NOMINAL:
            start -= 2  # die „Süddeutsche Zeitung“
        elif previous.lower_ in _ATTRIBUTE_WORDS and doc[max(sent_start, start - 2)].pos_ in _NOMINAL:
            start -= 2  # „Theo Kitz vom Bankhaus …“
        else:
            break
    end = _nominal_run(doc, start, sent_end, blocked)  # from the start: a quoted name read whole
    # apposition: „…, Kaufmännische Leiterin der …, sagte“ / „so X, Oberbürgermeister a.D.“
    if end < sent_end - 1 and doc[end].text == "," and doc[end + 1].pos_ in _NOMINAL:
        relative = _opens_clause(doc[end + 1])
        apposition_end = _nominal_run(doc, end + 1, sent_end, blocked, _APPOSITION_ATTRIBUTES)
        closing = doc[apposition_end] if apposition_end < len(doc) else None
        ends_clause = closing is None or closing.text in {",", ".", ":", "!", "?"}
        # before a verb only a role or name is an apposition: in „erklärte der Rat, die Lage sei
        # ernst“ the phrase after the comma is the subject of the reported clause
        before_verb = closing is not None and closing.pos_ in {"VERB", "AUX"}
        described = before_verb and _is_person_like(list(doc[end + 1 : apposition_end]))
        if not relative and (ends_clause or described):
            end = apposition_end
    return _trim(list(doc[start : _through_organisation(doc, end, sent_end, blocked)]), blocked)


def _through_organisation(doc: Doc, end: int, sent_end: int, blocked: set[int]) -> int:
    """The phrase's end, moved to the end of an organisation's name its last word starts: the parser
    attaches „zu Rostock“ of „Laut IHK zu Rostock …“ to the verb, the organisation finder knows the
    whole name."""
    mention_end = organisation_mention_end(doc, doc[end - 1].idx) if end > 0 else None
    while mention_end is not None and end < sent_end and end not in blocked and doc[end].idx < mention_end:
        end += 1
    return end


def _head_token(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head is token:
            return token
    return tokens[0]


def _is_organisation(doc: Doc, head: Token, span: Span) -> bool:
    if any(ent.label_ == "ORG" for ent in entities_in(span)):
        return True
    nouns = lexicons_of(doc).speech.organisation_nouns
    return any(head.text == n or (len(n) > 4 and head.text.endswith(n.lower())) for n in nouns)


def _is_coordination(tokens: list[Token], head: Token) -> bool:
    """Coordinated speakers („Merkel und Stoiber“); coordination inside an attribute („Leiterin der
    Beteiligungs- und Betriebsgesellschaft“) does not make a group."""
    return any(t.dep_ in CONJ_DEPS and t.head is head and t is not head for t in tokens)


def _is_group(head: Token) -> bool:
    if head.text in lexicons_of(head.doc).speech.group_nouns:
        return True
    if head.pos_ == "PRON":
        numbers = head.morph.get("Number") + head.head.morph.get("Number")
        return head.lower_ in _PLURAL_PRONOUNS and "Plur" in numbers
    return head.pos_ == "NOUN" and "Plur" in head.morph.get("Number")


def resolve(doc: Doc, start: int, end: int):
    """People component's resolution of a span: ``(Person | None, Organisation | None)``."""

    return resolve_person(doc, start, end), resolve_organisation(doc, start, end)


def make_speaker(doc: Doc, tokens: list[Token]) -> Speaker | None:
    """Typed and resolved speaker for the phrase ``tokens`` (None for an empty phrase)."""
    if not tokens:
        return None
    span = doc[tokens[0].i : tokens[-1].i + 1]
    head = _head_token(tokens)
    speaker = Speaker(span.start_char, span.end_char, span.text)
    names = [ent for ent in entities_in(span) if ent.label_ == "PER"]
    target = names[0] if names else span
    person, organisation = resolve(doc, target.start_char, target.end_char)
    if _is_coordination(tokens, head):
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
