"""Where a sentence may end, for the rules that read the parser's sentence starts.

:func:`paragraph_breaks` sets the boundaries a blank line makes, before the parser. Kept apart from
the model's components (:mod:`pipeline.nlp.components` is part of the model's
fingerprint): the entity rules and the extract stage share this helper, and tuning it must not force
a model rebuild.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

SENTENCE_FINAL = (".", "!", "?", ":", ";", "…", "“", "”", '"', "«", "»")


def closes_sentence(token: Token) -> bool:
    """Whether a sentence can end after ``token``: sentence-final punctuation or a line break.

    The statistical parser also starts sentences inside long names („… + Kommunikation | GmbH“);
    rules trust its boundaries only where this holds."""
    return token.text.endswith(SENTENCE_FINAL) or "\n" in token.text or "\n" in token.whitespace_


PARAGRAPH_BREAKS = "projektradar_paragraph_breaks"


@Language.factory(PARAGRAPH_BREAKS, assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str):
    return paragraph_breaks


def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: a heading („… steht fest“) and the paragraph under it are two
    sentences, which the parser, reading them as one, would join into one parse. Runs before the
    parser, which keeps preset boundaries; the blank line itself stays with the sentence before."""
    for token in doc[:-1]:
        if "\n\n" in token.whitespace_ or (token.is_space and "\n\n" in token.text):
            if token.is_space and token.i > 0:
                token.is_sent_start = False
            doc[token.i + 1].is_sent_start = True
    return doc
