"""Where a sentence may end, for the rules that read the parser's sentence starts.

Kept apart from the model's components (:mod:`pipeline.nlp.components` is part of the model's
fingerprint): the entity rules and the extract stage share this helper, and tuning it must not force
a model rebuild.
"""

from __future__ import annotations

from spacy.tokens import Token

SENTENCE_FINAL = (".", "!", "?", ":", ";", "…", "“", "”", '"', "«", "»")


def closes_sentence(token: Token) -> bool:
    """Whether a sentence can end after ``token``: sentence-final punctuation or a line break.

    The statistical parser also starts sentences inside long names („… + Kommunikation | GmbH“);
    rules trust its boundaries only where this holds."""
    return token.text.endswith(SENTENCE_FINAL) or "\n" in token.text or "\n" in token.whitespace_
