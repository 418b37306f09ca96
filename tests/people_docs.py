"""Hand-annotated spaCy Docs for the people/role/organisation rule tests.

The rules are tested against exactly the analysis a German pipeline gives (POS, morphology, lemmas,
sentences, entities), written out here, so a test shows which construction it covers and does not
depend on a statistical model's mistakes. The seed test runs the real model.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc

from pipeline.extract.people import PeopleComponent

_WORD_CLASSES = {
    "DET": "der die das des dem den ein eine einer eines einem",
    "ADP": "für von vom bei beim im am an in zur zum auf aus mit nach laut als",
    "CCONJ": "und sowie oder",
    "PRON": "er sie es wir ihr",
    "AUX": "ist war wird sind hat",
    "ADV": "auch so ebenso wie dann sehr",
}
_POS = {word: pos for pos, words in _WORD_CLASSES.items() for word in words.split()}
_LEMMA = {
    "ist": "sein",
    "war": "sein",
    "wird": "werden",
    "wurde": "werden",
    "sind": "sein",
    "vereins": "Verein",
}


@cache
def _nlp():
    return spacy.blank("de")


def make_doc(
    text: str,
    persons: tuple[str, ...] = (),
    orgs: tuple[str, ...] = (),
    pos: dict[str, str] | None = None,
    morph: dict[str, str] | None = None,
) -> Doc:
    """A Doc of ``text`` with the given PER/ORG entities (every free occurrence) and annotation.

    POS: ``pos`` overrides, then function words, punctuation; other capitalised words are NOUN (PROPN
    inside entities), other lower-case words VERB. Sentences end after „.“.
    """
    pos = pos or {}
    morph = morph or {}
    tokens = _nlp().make_doc(text)
    labels = ["O"] * len(tokens)
    for names, label in ((persons, "PER"), (orgs, "ORG")):
        for name in names:
            start = text.find(name)
            while start >= 0:
                span = tokens.char_span(start, start + len(name), alignment_mode="expand")
                if all(labels[i] == "O" for i in range(span.start, span.end)):
                    for k, i in enumerate(range(span.start, span.end)):
                        labels[i] = ("B-" if k == 0 else "I-") + label
                start = text.find(name, start + 1)
    tags, sent_starts = [], []
    for i, t in enumerate(tokens):
        if t.text in pos:
            tags.append(pos[t.text])
        elif t.is_punct:
            tags.append("PUNCT")
        elif t.is_space:
            tags.append("SPACE")
        elif t.lower_ in _POS and not (t.text[:1].isupper() and i > 0 and tokens[i - 1].text not in '.„"'):
            tags.append(_POS[t.lower_])
        elif labels[i] != "O":
            tags.append("PROPN")
        else:
            tags.append("NOUN" if t.text[:1].isupper() else "VERB")
        sent_starts.append(i == 0 or tokens[i - 1].text == ".")
    return Doc(
        _nlp().vocab,
        words=[t.text for t in tokens],
        spaces=[bool(t.whitespace_) for t in tokens],
        pos=tags,
        morphs=[morph.get(t.text, "") for t in tokens],
        lemmas=[_LEMMA.get(t.lower_, t.text) for t in tokens],
        sent_starts=sent_starts,
        ents=labels,
    )


def analysed(text: str, **annotation) -> Doc:
    """``make_doc`` run through the people component."""
    return PeopleComponent()(make_doc(text, **annotation))


def roles_by_name(doc: Doc) -> dict[str, list]:
    names = {p.local_id: p.name for p in doc._.persons}
    found: dict[str, list] = {}
    for role in doc._.roles:
        found.setdefault(names[role.person_local_id], []).append(role)
    return found
