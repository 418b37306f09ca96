"""The table of unambiguous LanguageTool readings that ``projektradar_morph_lexicon`` applies: built at
training time (:func:`pipeline.nlp.training.languagetool.build_morph_table`) and stored inside the model
directory, read here when the model loads.

Lines: ``N<TAB>form<TAB>Gender`` (nouns with one grammatical gender), ``V<TAB>form<TAB>Person<TAB>Number
<TAB>Mood<TAB>Tense`` (finite verb forms with one mood) and ``F<TAB>form<TAB>lemma`` (lower-case forms
that can only be a finite verb; lemma empty when ambiguous).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class MorphTable:
    """Lexicon readings that the ``projektradar_morph_lexicon`` component applies."""

    noun_gender: dict[str, str] = field(default_factory=dict)
    verb_mood: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    finite_verb_lemma: dict[str, str] = field(default_factory=dict)  # "" when the lemma is ambiguous


def read_morph_table(path: Path) -> MorphTable:
    """The readings of a table written by :func:`build_morph_table`."""
    morph = MorphTable()
    with gzip.open(path, "rt", encoding="utf-8") as table:
        for line in table:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "N":
                morph.noun_gender[fields[1]] = fields[2]
            elif fields[0] == "V":
                morph.verb_mood[(fields[1], fields[2], fields[3])] = (fields[4], fields[5])
            else:
                morph.finite_verb_lemma[fields[1]] = fields[2]
    return morph
