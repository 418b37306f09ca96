"""Gender of a person, only as far as the text or a name lexicon supports it, with the evidence kept.

Evidence is ranked: a form of address („Frau“, „Herr“) outranks a feminine role noun („Leiterin“),
which outranks the first-name lexicon, then pronoun reference (its antecedent is inferred), then a
first name the lexicon gives as only mostly one gender („first name (mostly): Kim“), then a masculine
role noun (the generic masculine often names women too). The strongest evidence decides; if
evidence of the same rank disagrees, the gender stays ``unknown``. No evidence, no gender.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc

from pipeline.extract.quote_marks import find_quoted_spans
from pipeline.extract.tokens import TOPIC_SENTENCES, Sentences, doc_text

SALUTATION, ROLE_FEMININE, FIRST_NAME, PRONOUN, FIRST_NAME_MOSTLY, ROLE_MASCULINE = 6, 5, 4, 3, 2, 1
UNKNOWN = "unknown"
_AGE_NOUN = re.compile(r"^\d+-jährige$")  # „der 22-Jährige“ (nominative singular only)
_PHRASE_BEFORE = 6  # at most this many words of a role phrase before a name („vom damaligen …“)


@dataclass(frozen=True)
class Evidence:
    gender: str  # female | male
    rank: int
    label: str  # „Frau“, „role noun: Leiterin“, „first name: Kristin“, „pronoun: sie“


def role_evidence(word: str, gender: str) -> Evidence | None:
    if gender not in ("female", "male"):
        return None
    return Evidence(gender, ROLE_FEMININE if gender == "female" else ROLE_MASCULINE, f"role noun: {word}")


def first_name_evidence(first_name: str) -> Evidence | None:
    """From the first-name lexicon (gender-guesser, via the NLP package); unisex names give none. A name
    the lexicon gives as only mostly one gender („Kim“, „Robin“) is recorded as such, below pronouns."""
    from pipeline.nlp import first_name_verdict

    verdict = first_name_verdict(first_name) if first_name else ""
    if verdict in ("female", "male"):
        return Evidence(verdict, FIRST_NAME, f"first name: {first_name}")
    if verdict in ("mostly_female", "mostly_male"):
        return Evidence(verdict.split("_")[1], FIRST_NAME_MOSTLY, f"first name (mostly): {first_name}")
    return None


class Antecedent(NamedTuple):
    """A word that refers back to one person („er“, „die 34-Jährige“): where it stands, whom it
    refers to, and the gender it states."""

    token: int
    person: int
    gender: str
    label: str  # „pronoun: sie“, „die 34-Jährige“
    only: bool = True  # the only candidate (else the most salient of several, see pronoun_antecedents)


def pronoun_antecedents(
    doc: Doc, sentences: Sentences, mentions: list[tuple[int, int]], genders: dict[int, str] | None = None
) -> list[Antecedent]:
    """Each singular „er“/„sie“ or „der/die 34-Jährige“ whose candidate antecedents are one person, or
    of which only one was not named after a preposition („Maas wurde vom damaligen Ministerpräsidenten
    Lafontaine gefördert. Er …“), or, with no candidate, the article's topic (:class:`_Topic`); for
    these two guesses and the chains from them ``only`` is false.

    ``mentions`` are (start token, person id); ``genders`` the persons' genders as far as their first
    names tell. Candidates are the persons mentioned earlier in the same sentence or in the sentence
    before, unless their first name says the other gender („Ihm folgte Monika Wulf-Mathies. Er …“), and
    those an earlier word of the same gender there refers to (a chain through sentences that name no
    one: „Maas … Er wird … zugerechnet. Er ist seit 2013 Bundesminister“); a plural „sie“ (by its
    morphology or its verb's) refers to no one, nor does a pronoun inside a quotation (someone the
    speaker talks about).
    """
    genders = genders or {}
    found: list[Antecedent] = []  # in text order, so that those of a window are found by bisection
    found_tokens: list[int] = []
    # Outermost quotations do not overlap, and mentions are looked up by bisection: a long report
    # has thousands of each.
    quoted = sorted((q.start, q.end) for q in find_quoted_spans(doc_text(doc)) if q.depth == 0)
    quote_starts = [start for start, _ in quoted]
    mentions = sorted(mentions)
    mention_starts = [start for start, _ in mentions]
    topic = _Topic(mentions, genders)
    for token in doc:
        gender = _referring_gender(token)
        if not gender:
            continue
        inside = bisect_right(quote_starts, token.idx) - 1
        if inside >= 0 and token.idx < quoted[inside][1]:
            continue
        window = sentences[max(sentences.index(token.i) - 1, 0)].start
        first = bisect_left(mention_starts, window)
        named = mentions[first : bisect_left(mention_starts, token.i)]
        candidates = {person for _, person in named if genders.get(person, gender) == gender}
        chained = [a for a in found[bisect_left(found_tokens, window) :] if a.gender == gender]
        candidates |= {a.person for a in chained}
        only = len(candidates) == 1 and all(a.only for a in chained)  # no chain from a guess
        if not candidates:
            candidates = topic.continued(token.i, gender, sentences)
        elif len(candidates) > 1:
            salient = {person for start, person in named if person in candidates and _salient(doc, start)}
            candidates = salient if len(salient) == 1 else set()
        if candidates:
            label = (
                f"pronoun: {token.lower_}" if token.pos_ == "PRON" else f"{token.nbor(-1).text} {token.text}"
            )
            found.append(Antecedent(token.i, candidates.pop(), gender, label, only))
            found_tokens.append(token.i)
    return found


class _Topic:
    """Where a pronoun has no candidate nearby, the article's topic: the first person named, if named
    at least twice, the last person of that gender named and recent (:data:`TOPIC_SENTENCES`):
    „Kluncker … Von Freunden „der Dicke“ genannt, galt er als …“. Looked up by bisection: a long
    report has thousands of pronouns and mentions."""

    def __init__(self, mentions: list[tuple[int, int]], genders: dict[int, str]):
        self.person = mentions[0][1] if mentions else None
        self.named = [start for start, person in mentions if person == self.person]
        # per gender, the mentions of the persons whose first name does not say the other one
        self.fitting = {g: [m for m in mentions if genders.get(m[1], g) == g] for g in ("female", "male")}
        self.fitting_starts = {g: [start for start, _ in found] for g, found in self.fitting.items()}

    def continued(self, token: int, gender: str, sentences: Sentences) -> set[int]:
        last = bisect_left(self.fitting_starts[gender], token) - 1
        if last < 0:
            return set()
        start, person = self.fitting[gender][last]
        recent = sentences.index(token) - sentences.index(start) < TOPIC_SENTENCES
        twice = bisect_left(self.named, token) >= 2
        return {person} if person == self.person and twice and recent else set()


def _salient(doc: Doc, start: int) -> bool:
    """A mention that is no object of a preposition: walking back over its role phrase („vom damaligen
    Ministerpräsidenten Oskar Lafontaine“) meets none. Such a person is rarely what „er“ continues."""
    k = start - 1
    while k >= 0 and start - k <= _PHRASE_BEFORE and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
        k -= 1
    return not (k >= 0 and doc[k].pos_ == "ADP")


def pronoun_evidence(antecedents: list[Antecedent]) -> dict[int, list[Evidence]]:
    """Person id → the gender evidence of the words that refer back to that person; a word with several
    candidates is none, whichever it was given to."""
    found: dict[int, list[Evidence]] = {}
    for a in antecedents:
        if not a.only:
            continue
        found.setdefault(a.person, []).append(Evidence(a.gender, PRONOUN, a.label))
    return found


def _referring_gender(token) -> str:
    """Gender of a word that refers back to one person: singular „er“/„sie“, „der/die 34-Jährige“."""
    lower = token.lower_
    if _AGE_NOUN.match(lower) and token.i > 0:
        return {"der": "male", "die": "female"}.get(token.nbor(-1).lower_, "")
    if token.pos_ != "PRON" or lower not in ("er", "sie") or "Nom" not in token.morph.get("Case", ["Nom"]):
        return ""
    if lower == "sie" and (token.morph.get("Number") != ["Sing"] or _plural_verb(token)):
        return ""
    return "female" if lower == "sie" else "male"


def _plural_verb(pronoun) -> bool:
    """„sie seien/sagten/haben“: the finite verb next to „sie“ is plural (no 3rd person singular form
    ends in -en), whatever the tagger's Number says."""
    near = pronoun.doc[max(pronoun.i - 2, 0) : pronoun.i + 3]
    verbs = [t for t in near if t.pos_ in ("VERB", "AUX") and t.i != pronoun.i]
    return pronoun.head.morph.get("Number") == ["Plur"] or any(v.lower_.endswith("en") for v in verbs[:1])


def decide(evidence: list[Evidence]) -> tuple[str, str]:
    """(gender, evidence text) from all evidence for one person."""
    if not evidence:
        return UNKNOWN, ""
    top = max(e.rank for e in evidence)
    genders = {e.gender for e in evidence if e.rank == top}
    if len(genders) > 1:
        return UNKNOWN, "conflicting: " + "; ".join(sorted({e.label for e in evidence}))
    gender = genders.pop()
    labels = [e.label for e in sorted(evidence, key=lambda e: -e.rank) if e.gender == gender]
    return gender, "; ".join(dict.fromkeys(labels))
