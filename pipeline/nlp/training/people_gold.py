"""The project's own people gold as NER training sentences: whole news articles, in the domain.

``tests/gold/wikinews_people.jsonl`` lists, per Wikinews article, every named person (name and
mentions) and organisation (name and variants) — hand-annotated, but as lists, not as spans, and
without places or other names. So a sentence's tokens that spell a listed form are PER or ORG; a
capitalised token that could be another name (a place, an event, a name the lists do not cover) stays
unannotated (spaCy's missing value ``-``: the NER learns nothing from it); every other token — lower
case, punctuation, a word the lexicon only knows as a common noun or function word — is outside.

Only the rounds of the gold's dev part named in ``corpora.yml`` train; its test part never does, and
the dev rounds left out measure what the training does to the people evaluation on articles it has not
seen. The articles come pre-tokenised from the SpkAtt-2023 files in ``../shared`` (CC BY-NC-SA 4.0).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pipeline.nlp.training import languagetool
from pipeline.nlp.training.convert import Sentence
from pipeline.settings import SPKATT_ARTICLES, WIKINEWS_GOLD

MISSING = "-"  # spaCy's tag for a token whose entity annotation is unknown
# Words the gold keeps in a mention but no NER span holds: articles, forms of address, titles.
_NOT_IN_SPANS = frozenset({"der", "die", "das", "des", "dem", "den", "Frau", "Herr", "Herrn", "Dr.", "Prof."})


def training_articles(spec: dict, gold: Path = WIKINEWS_GOLD) -> list[dict]:
    """The gold's annotations of the dev rounds ``spec["rounds"]``, in file order."""
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if row["split"] == "dev" and row["round"] in spec["rounds"]]


def article_path(data_dir: Path, article: str) -> Path:
    """The article's SpkAtt file; FileNotFoundError without ``../shared`` (the fingerprint then
    falls back to the cached model)."""
    paths = sorted((data_dir / SPKATT_ARTICLES).glob(f"{article} - *.json"))
    if len(paths) != 1:
        raise FileNotFoundError(f"{data_dir / SPKATT_ARTICLES}/{article} - *.json")
    return paths[0]


def source_paths(data_dir: Path, spec: dict) -> list[Path]:
    """The files the corpus is read from (part of the model's cache key): the gold and its articles."""
    return [WIKINEWS_GOLD, *(article_path(data_dir, row["article"]) for row in training_articles(spec))]


def _forms(annotation: dict) -> list[tuple[list[str], str]]:
    """Every listed form as words with its label, longest first (the longest match wins); leading
    articles, forms of address and titles are dropped („des Bundestages“, „Frau Dr. Merkel“)."""
    listed = [(t, "PER") for p in annotation["persons"] for t in (p["name"], *p["mentions"])]
    listed += [(t, "ORG") for o in annotation["organisations"] for t in (o["name"], *o["variants"]) if t]
    forms = []
    for text, label in listed:
        words = text.split()
        while words and words[0] in _NOT_IN_SPANS:
            words = words[1:]
        if words:
            forms.append((words, label))
    return sorted(forms, key=lambda form: -len(form[0]))


def tag_sentence(words: list[str], forms: list[tuple[list[str], str]], no_name: set[str]) -> list[str]:
    """BIO tags of the listed forms in one sentence; other capitalised words that may be a name are
    :data:`MISSING`, the rest ``O``."""
    tags: list[str | None] = [None] * len(words)
    for form, label in forms:
        size = len(form)
        for i in range(len(words) - size + 1):
            if words[i : i + size] == form and all(tag is None for tag in tags[i : i + size]):
                tags[i : i + size] = [f"B-{label}", *[f"I-{label}"] * (size - 1)]
    return [
        tag if tag is not None else MISSING if word[:1].isupper() and word not in no_name else "O"
        for word, tag in zip(words, tags, strict=True)
    ]


def read_people_gold(data_dir: Path, spec: dict, lexicon_path: Path) -> Iterator[Sentence]:
    """The training sentences of the gold rounds ``spec["rounds"]`` (doc key: the article id)."""
    articles = [
        (row, json.loads(article_path(data_dir, row["article"]).read_text(encoding="utf-8"))["Sentences"])
        for row in training_articles(spec)
    ]
    capitalised = {w for _, sentences in articles for s in sentences for w in s["Tokens"] if w[:1].isupper()}
    no_name = languagetool.never_names(lexicon_path, capitalised)
    for row, sentences in articles:
        forms = _forms(row)
        for sentence in sentences:
            if words := sentence["Tokens"]:
                yield Sentence(words, tag_sentence(words, forms, no_name), doc_key=row["article"])
