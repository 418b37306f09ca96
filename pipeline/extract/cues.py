"""Speech cues of the lexicon (``speech_verbs.yml``, :class:`pipeline.extract.lexicons.SpeechCues`) and
the morphology they need. The cues are those of the lexicons attached to the ``Doc``.

Shared by the direct and indirect quote finders. Label sets cover both dependency schemes a German
spaCy model may use (TIGER as in de_core_news_*, Universal Dependencies as in models trained on UD
treebanks), so the rules work with either.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.extract.lexicons import VerbCue, lexicons_of

SUBJECT_DEPS = {"sb", "nsubj", "nsubj:pass", "csubj"}
PARTICLE_DEPS = {"svp", "compound:prt"}
CONJ_DEPS = {"cj", "conj"}
REFLEXIVE_FORMS = {"sich", "mich", "dich", "uns", "euch"}
_AUXILIARY_TAGS = {"VAFIN", "VMFIN", "VAINF", "VMINF"}
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl", "sb", "ep"}
# Konjunktiv I/II forms that the morphologizer may miss; regular 3rd-person Konjunktiv I
# (stem + e: „habe“, „könne“, „arbeite“) is recognised by rule in :func:`is_subjunctive`.
SUBJUNCTIVE_FORMS = {
    "sei", "seien", "seiest", "seist", "wäre", "wären", "hätte", "hätten", "würde", "würden",
    "könnte", "könnten", "müsste", "müssten", "dürfte", "dürften", "möge", "mögen", "gebe",
}  # fmt: skip
REPORTATIVE_MODALS = {"soll", "sollen", "solle", "sollten", "sollte", "will", "wollen"}
# Konjunktiv I forms that do not end in -e; every other 3rd-person Konjunktiv I does.
KONJUNKTIV_ONE_FORMS = {"sei", "seien", "seiest", "seist"}
# Adverbs that parsers label as separable particles but that do not change the verb's meaning
# („sagte X weiter“ is still „sagen“).
NEUTRAL_PARTICLES = {"weiter", "dazu", "so", "noch"}
SENTENCE_END = {".", "!", "?"}
# Sentence openers that take up the sentence before as what was said („… . Dies bestätigte X.“,
# „„Ja, es gibt Zumutungen“. Das musste Steinbrück einräumen.“).
BACK_REFERENCES = {"dies", "das", "dieses"}


# A particle verb's zu-infinitive is one word with „zu“ after the particle („zurückzukehren“,
# „anzuerkennen“); taggers trained on UD's German treebanks give it the plain infinitive's tag.
_ZU_INFINITIVE = re.compile(
    r"(ab|an|auf|aus|bei|dar|durch|ein|fest|fort|frei|her|heraus|hin|hinzu|los|mit|nach|teil|um|vor|"
    r"weg|weiter|wieder|zu|zurück|zusammen)zu\w{2,}en"
)


def is_zu_infinitive(token: Token) -> bool:
    """A zu-infinitive word: the STTS tag, or a particle verb's infinitive with infixed „zu“."""
    if token.tag_ == "VVIZU":
        return True
    return is_verb(token) and not token.tag_.endswith("FIN") and bool(_ZU_INFINITIVE.fullmatch(token.lower_))


def is_noun_cue(token: Token) -> bool:
    """A noun naming a statement: „Angaben“, also in compounds („Polizeiangaben“,
    „UNHCR-Angaben“)."""
    nouns = lexicons_of(token.doc).speech.noun_cues
    return token.text in nouns or any(token.text.endswith((n.lower(), f"-{n}")) for n in nouns)


def lemma_of(token: Token) -> str:
    """Lemma, falling back to the lower-cased form when the model has no lemmatizer."""
    return (token.lemma_ or token.text).lower()


def verb_lemma(token: Token) -> str:
    """The model's lemma when the lexicon knows it, else a strong verb's listed form or a weak
    verb's infinitive by rule (freute → freuen, sagten → sagen, berichteten → berichten)."""
    lemma = lemma_of(token)
    lex = lexicons_of(token.doc).speech
    if lemma in lex.verbs:
        return lemma
    form = token.lower_
    if form in lex.forms:
        return lex.forms[form]
    for ending in ("etest", "eten", "etet", "ete", "et", "test", "ten", "tet", "te", "t", "e", "en"):
        if form.endswith(ending) and form[: -len(ending)] + "en" in lex.verbs:
            return form[: -len(ending)] + "en"
    return lemma


def is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("V")


def separated_particle(verb: Token) -> Token | None:
    """The split-off particle of a main-clause particle verb („kündigte … an“)."""
    for child in verb.children:
        if child.dep_ in PARTICLE_DEPS or child.tag_ == "PTKVZ":
            return child
    # Parsers attach particles wrongly often enough: take a PTKVZ later in the same clause.
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.text in {",", ":", ";"} or token.text in {"„", "“", "»", "«", '"'}:
            break
        if token.tag_ == "PTKVZ":
            return token
    return None


def _has_reflexive(verb: Token) -> bool:
    window = verb.doc[max(verb.sent.start, verb.i - 6) : min(verb.sent.end, verb.i + 4)]
    return any(t.lower_ in REFLEXIVE_FORMS for t in window)


def _has_predicate(verb: Token, words: tuple[str, ...], reach: int = 8) -> Token | None:
    """The first of ``words`` after ``verb`` in its clause (up to ``reach`` tokens)."""
    for token in verb.doc[verb.i + 1 : min(sentence_bounds(verb)[1], verb.i + reach)]:
        if token.lower_ in words:
            return token
        if token.text in {",", ":"}:
            break
    return None


def _clause_final(verb: Token, particle: str) -> Token | None:
    """``particle`` closing the verb's clause, as a separated particle does; taggers read „klar“,
    „bekannt“, „fest“ in „stellte … klar“ as adjectives."""
    found = _has_predicate(verb, (particle,), reach=14)
    if found is None or found.pos_ == "ADP":
        return None
    following = verb.doc[found.i + 1] if found.i + 1 < len(verb.doc) else None
    if following is None or following.is_punct or following.is_space or following.pos_ == "CCONJ":
        return found
    return None


def match_verb(token: Token) -> tuple[VerbCue, list[Token]] | None:
    """The lexicon entry ``token`` realises, with all cue tokens (verb, particle, predicate)."""
    if not is_verb(token):
        return None
    lemma = verb_lemma(token)
    candidates = lexicons_of(token.doc).speech.verbs.get(lemma, [])
    if not candidates:
        return None
    particle = separated_particle(token)
    if particle is not None and particle.lower_ in NEUTRAL_PARTICLES:
        particle = None
    particle_text = particle.lower_ if particle is not None else ""
    for cue in candidates:
        own_particle = particle
        if lemma == cue.base and cue.particle and particle_text != cue.particle:
            own_particle = _clause_final(token, cue.particle)
            if own_particle is None:
                continue  # „kündigte“ alone is not „ankündigen“
        if lemma == cue.base and not cue.particle and particle_text:
            continue  # „sagte … ab“ is „absagen“, not „sagen“
        if cue.reflexive and not _has_reflexive(token):
            continue
        if cue.irreflexive and any(c.lower_ in REFLEXIVE_FORMS for c in token.children):
            continue  # „befindet sich“ is a place, „befand“ a verdict
        tokens = [token]
        if cue.predicate:
            predicate = _has_predicate(token, cue.predicate)
            if predicate is None:
                continue
            tokens.append(predicate)
        if own_particle is not None and lemma == cue.base:
            tokens.append(own_particle)
        return cue, tokens
    return None


def cue_phrase(cue: list[Token]) -> list[Token]:
    """The cue as the SpkAtt guidelines mark it: the cue tokens plus, for a verb, its auxiliaries
    („hatte erklärt“, „wurde geäußert“), its reflexive pronoun („äußerte sich“), the „wie“ of a
    wie-clause („Wie … mitteilte“) and an impersonal „es“ („heißt es“, „Es wurde bekannt gegeben“).
    Read from the parse in either labelling: UD (the project's model: auxiliaries are ``aux``
    children) or TIGER (``de_core_news_sm``: the participle is the ``oc`` child of its auxiliary)."""
    verb = cue[0]
    if not is_verb(verb):
        return cue
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "aux:pass"}]
    if verb.dep_ == "oc" and verb.head.tag_ in _AUXILIARY_TAGS:
        auxiliaries.append(verb.head)
    passive = any(a.lemma_ == "werden" for a in auxiliaries)
    heads = [verb, *auxiliaries]  # TIGER hangs the subject „es“ on the auxiliary
    companions = [
        child
        for head in heads
        for child in head.children
        if (child.tag_ == "PRF" and head is verb)
        or (child.lower_ == "wie" and child.i < verb.i and head is verb)
        or (child.lower_ == "es" and child.dep_ in _SUBJECT_DEPS and (passive or verb.lemma_ == "heißen"))
    ]
    return sorted({*cue, *auxiliaries, *companions}, key=lambda t: t.i)


def is_subjunctive(token: Token) -> bool:
    """Konjunktiv I/II of a finite verb: the morphologizer's ``Mood=Sub``, else by form."""
    if "Sub" in token.morph.get("Mood"):
        return True
    form = token.lower_
    if form in SUBJUNCTIVE_FORMS:
        return True
    lemma = lemma_of(token)
    # 3rd person singular Konjunktiv I is the infinitive stem + e („könne“, „arbeite“), which the
    # indicative only shares in the 1st person („ich arbeite“). The subject decides; the
    # morphologizer's Person only when there is none („Im nächsten Jahr werde es …“ is 3rd person
    # even where it guesses 1st).
    subjects = [t for t in (*token.children, *token.head.children) if t.dep_.startswith("nsubj")]
    first_person = any(t.lower_ == "ich" for t in subjects) if subjects else "1" in token.morph.get("Person")
    return (
        is_verb(token)
        and lemma.endswith("en")
        and form == lemma[:-1]
        and not first_person
        and not any(t.lower_ == "ich" for t in token.head.children)
        and token.i > 0
        and token.doc[token.i - 1].lower_ != "ich"
    )


def is_konjunktiv_one(token: Token) -> bool:
    """Konjunktiv I („sei“, „habe“, „könne“): in a main clause it marks reported speech, whereas
    Konjunktiv II („wäre“, „käme“, „hätte“) is also the mood of the hypothetical."""
    form, lemma = token.lower_, lemma_of(token)
    if form in KONJUNKTIV_ONE_FORMS:
        return True
    if not is_subjunctive(token) or not form.endswith("e"):
        return False
    if lemma.endswith("en") and form == lemma[:-1]:
        return True  # „arbeite“, „könne“
    return not form.endswith("te") and not any(c in form and c not in lemma for c in "äöü")


def _ends_sentence(doc, i: int) -> bool:
    token = doc[i]
    following = doc[i + 1] if i + 1 < len(doc) else None
    if token.text in SENTENCE_END or "\n" in token.text_with_ws or token.is_space:
        return True
    if following is not None and following.is_space and "\n" in following.text:
        return True
    return len(token.text) == 1 and not token.is_alpha and i > 0 and doc[i - 1].text in SENTENCE_END


def sentence_bounds(token: Token) -> tuple[int, int]:
    """Start and end of the sentence around ``token`` by punctuation: small parsers also start
    sentences after a comma or a postposed cue verb („…“, sagte | der FIFA-Chef), which would cut
    speaker phrases."""
    doc = token.doc
    start, end = token.sent.start, token.sent.end
    while start > 0 and not _ends_sentence(doc, start - 1):
        start = doc[start - 1].sent.start
    while end < len(doc) and not _ends_sentence(doc, end - 1):
        end = doc[end].sent.end
    return start, end


def sentences(doc) -> list:
    """The model's sentences, joined where one does not end in sentence punctuation and split
    further after . ! ? before a capitalised word.

    Small parsers both split sentences at commas („So sagte der Koordinator | , X, dass …“) and
    merge them; indirect speech is bounded by the sentence, so either would cut or swell messages.
    """
    result = []
    start = 0
    for sent in doc.sents:
        if sent.end < len(doc) and not _ends_sentence(doc, sent.end - 1):
            continue
        for token in doc[start : sent.end - 1]:
            following = doc[token.i + 1]
            if token.text in SENTENCE_END and (following.is_title or following.text in "„‚»"):
                result.append(doc[start : token.i + 1])
                start = token.i + 1
        result.append(doc[start : sent.end])
        start = sent.end
    return result
