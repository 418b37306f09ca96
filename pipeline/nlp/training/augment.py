"""Mention replacement for NER training: a spaCy augmenter (``projektradar.mention_swap.v1``).

About a fifth of the names in held-out news are missed outright, mostly single surnames and foreign
names that no training sentence contains. Swapping an entity for another mention of its label (Dai &
Adel 2020, "An Analysis of Simple Data Augmentation for Named Entity Recognition") keeps the sentence's
context and changes the name, so the NER learns the context („sagte Schramm“, „Leiterin der …“) instead
of memorising the ~10k names it has seen. Replacement names come from the training split itself and,
for people, from name lexicons: first names (gender-guesser, every country it covers) combined with
surnames (LanguageTool's ``EIG:…:NAC`` lemmas and the surnames of the training mentions).
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.iob_utils import doc_to_biluo_tags
from spacy.util import registry

from pipeline.nlp.first_names import capitalised, first_name_list, german_first_names

SWAPPED_LABELS = ("PER", "ORG", "LOC")
MAX_MENTION_TOKENS = 8
# Synthetic people: this share of PER replacements is composed from the name lexicons instead of
# drawn from the training mentions, in the shape of the replaced name (surname alone or first + last).
SYNTHETIC_PERSON_SHARE = 0.5


# A name token: letters with inner hyphens, dots, apostrophes, ampersands or plus signs („Dr.“, „M’s“,
# „Baden-Württemberg“), no sticking comma or other OCR debris.
_NAME_TOKEN = re.compile(r"^[^\W\d_](?:[^\W_]|[-.&'’+](?=[^\W_]))*\.?$|^[&+-]$")
_SURNAME = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
# Synthetic first names: this share from names used in Germany, Austria and Switzerland, the rest from
# every country gender-guesser covers (foreign names are what the NER misses most).
GERMAN_FIRST_NAME_SHARE = 0.6


def usable_mention(words: list[str]) -> bool:
    """Whether a gold mention can stand in for another: not too long, capitalised, clean name tokens,
    and not an anonymised legal name („K.“)."""
    return (
        0 < len(words) <= MAX_MENTION_TOKENS
        and words[0][:1].isupper()
        and all(_NAME_TOKEN.match(w) for w in words)
        and any(sum(c.isalpha() for c in w) > 2 for w in words)
    )


def mention_pool(docs: Iterable[Doc], lexicon_path: Path) -> dict[str, list]:
    """Replacement mentions by label from training docs, plus first names and surnames for people."""
    mentions: dict[str, set[tuple[str, ...]]] = {label: set() for label in SWAPPED_LABELS}
    surnames: set[str] = set()
    for doc in docs:
        for ent in doc.ents:
            words = tuple(t.text for t in ent)
            if ent.label_ in mentions and usable_mention(list(words)):
                mentions[ent.label_].add(words)
                if (
                    ent.label_ == "PER"
                    and len(words) > 1
                    and _SURNAME.match(words[-1])
                    and words[-1].istitle()
                ):
                    surnames.add(words[-1])
    surnames |= lexicon_surnames(lexicon_path)
    pool: dict[str, list] = {label: sorted(list(m) for m in found) for label, found in mentions.items()}
    pool["first_names"] = first_name_list()
    pool["german_first_names"] = sorted(capitalised(name) for name in german_first_names())
    pool["surnames"] = sorted(surnames)
    return pool


def lexicon_surnames(lexicon_path: Path) -> set[str]:
    """Base forms of the surnames in LanguageTool's lexicon (``EIG:…:NAC``)."""
    with gzip.open(lexicon_path, "rt", encoding="utf-8") as lexicon:
        return {
            lemma
            for form, lemma, tag in (line.rstrip("\n").split("\t") for line in lexicon)
            if tag.startswith("EIG") and tag.endswith(":NAC") and form == lemma and lemma.istitle()
        }


def write_mention_pool(pool: dict[str, list], path: Path) -> dict[str, int]:
    path.write_text(json.dumps(pool, ensure_ascii=False), encoding="utf-8")
    return {key: len(values) for key, values in pool.items()}


class MentionSwapper:
    """Replaces every PER/ORG/LOC entity of an example by another mention of its label."""

    def __init__(self, pool: dict[str, list], seed: int = 0):
        self.pool = {label: [list(m) for m in pool.get(label, [])] for label in SWAPPED_LABELS}
        self.first_names = pool.get("first_names", [])
        self.german_first_names = pool.get("german_first_names", []) or self.first_names
        self.surnames = pool.get("surnames", [])
        self.rng = random.Random(seed)

    def replacement(self, label: str, original: list[str]) -> list[str]:
        if label == "PER" and self.surnames and self.rng.random() < SYNTHETIC_PERSON_SHARE:
            surname = self.rng.choice(self.surnames)
            if len(original) == 1 or not self.first_names:
                return [surname]
            names = (
                self.german_first_names if self.rng.random() < GERMAN_FIRST_NAME_SHARE else self.first_names
            )
            return [self.rng.choice(names), surname]
        return self.rng.choice(self.pool[label])

    def swap(self, doc: Doc) -> tuple[list[str], list[bool], list[str]] | None:
        """Words, spaces and BILUO tags of ``doc`` with its swappable entities replaced; None when it
        has none."""
        spans = [ent for ent in doc.ents if self.pool.get(ent.label_)]
        if not spans:
            return None
        tags = doc_to_biluo_tags(doc)
        words: list[str] = []
        spaces: list[bool] = []
        new_tags: list[str] = []
        position = 0
        for span in spans:
            for token in doc[position : span.start]:
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
                new_tags.append(tags[token.i])
            replacement = self.replacement(span.label_, [t.text for t in span])
            words += replacement
            spaces += [True] * (len(replacement) - 1) + [bool(span[-1].whitespace_)]
            new_tags += _biluo(span.label_, len(replacement))
            position = span.end
        for token in doc[position:]:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            new_tags.append(tags[token.i])
        return words, spaces, new_tags


def _biluo(label: str, length: int) -> list[str]:
    if length == 1:
        return [f"U-{label}"]
    return [f"B-{label}", *[f"I-{label}"] * (length - 2), f"L-{label}"]


@registry.augmenters("projektradar.mention_swap.v1")
def create_mention_swap(
    mentions: str | None, level: float, seed: int = 0
) -> Callable[[Language, Example], Iterator[Example]]:
    """Yield each example as it is, or with probability ``level`` with its entities swapped. Without a
    pool (``mentions`` null) or at level 0 every example passes unchanged."""
    if not mentions or level <= 0:
        return lambda nlp, example: iter([example])
    swapper = MentionSwapper(json.loads(Path(mentions).read_text(encoding="utf-8")), seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        swapped = swapper.swap(example.reference) if swapper.rng.random() < level else None
        if swapped is None:
            yield example
            return
        words, spaces, tags = swapped
        predicted = Doc(nlp.vocab, words=words, spaces=spaces)
        yield Example.from_dict(predicted, {"words": words, "spaces": spaces, "entities": tags})

    return augment
