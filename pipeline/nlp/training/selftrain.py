"""Self-training: the cached model's own entities on unannotated text as silver NER sentences.

The teacher is the loaded pipeline as users run it (statistical NER, entity rules, known
organisations, trim), so the student can learn what the rules add („Bundestag“, „EU-Kommission“ as
organisations). Two texts (the recipe steps ``self_training`` and ``self_training_speeches`` in
``variants.yml``):

- the SpkAtt-2023 Wikinews articles that no evaluation scores: the quote evaluation's dev half
  without the articles of the project's people gold (``wikinews_people.jsonl``); their sentences
  come pre-tokenised, so the silver keeps the annotators' tokens and sentence breaks;
- a deterministic sample of paragraphs of the Bundestag speeches in ``raw/`` (2021–2025), split into
  sentences by the teacher.

The teacher's tags are written as a two-column file that the corpus reader ``convert.read_columns``
reads like any other corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.evaluation.quotes import load_article
from pipeline.nlp.training.convert import Sentence, guess_spaces
from pipeline.nlp.training.wordvectors import raw_paragraphs
from pipeline.settings import SPKATT_ARTICLES, WIKINEWS_GOLD

SPEECHES = Path("raw/bundestag-wp20-speeches.jsonl.gz")
SPEECH_PARAGRAPH_STEP = 40  # every 40th paragraph: the sample spreads over the whole parliament term
SENTENCE_TOKENS = (5, 60)  # shorter or longer sentences are headings, lists or run-ons


def unscored_articles(data_dir: Path) -> list[list[list[str]]]:
    """Token lists per sentence of every SpkAtt article that neither the quote test half nor the
    people gold (any split) uses."""
    lines = WIKINEWS_GOLD.read_text(encoding="utf-8").splitlines()
    gold_ids = {json.loads(line)["article"] for line in lines}
    result = []
    for path in sorted((data_dir / SPKATT_ARTICLES).glob("*.json")):
        article_id = path.name.split(" - ")[0]
        if article_id in gold_ids or load_article(path).split != "dev":
            continue
        sentences = json.loads(path.read_text(encoding="utf-8"))["Sentences"]
        result.append([s["Tokens"] for s in sentences if s["Tokens"]])
    return result


def _sentence(span: Span) -> Sentence:
    """The span's words (without whitespace tokens) with BIO tags of the entities in it."""
    tokens = [t for t in span if not t.is_space]
    tags = {}
    for ent in span.ents:
        tags[ent.start] = f"B-{ent.label_}"
        tags.update({i: f"I-{ent.label_}" for i in range(ent.start + 1, ent.end)})
    return Sentence([t.text for t in tokens], [tags.get(t.i, "O") for t in tokens])


def article_silver(nlp: Language, data_dir: Path) -> Iterator[Sentence]:
    """The teacher's entities on each pre-tokenised sentence of :func:`unscored_articles`."""
    sentences = (words for article in unscored_articles(data_dir) for words in article)
    docs = (Doc(nlp.vocab, words=words, spaces=guess_spaces(words)) for words in sentences)
    for doc in nlp.pipe(docs, batch_size=64):
        yield _sentence(doc[:])


def speech_silver(nlp: Language, data_dir: Path, limit: int) -> Iterator[Sentence]:
    """The teacher's entities on up to ``limit`` sentences (split by the teacher) of every
    :data:`SPEECH_PARAGRAPH_STEP`-th paragraph of the Bundestag speeches."""
    paragraphs = (
        p for i, p in enumerate(raw_paragraphs(data_dir / SPEECHES)) if i % SPEECH_PARAGRAPH_STEP == 0
    )
    shortest, longest = SENTENCE_TOKENS
    found = 0
    for doc in nlp.pipe(paragraphs, batch_size=32):
        for sent in doc.sents:
            sentence = _sentence(sent)
            if shortest <= len(sentence.words) <= longest:
                yield sentence
                found += 1
                if found >= limit:
                    return


def write_silver(nlp: Language, data_dir: Path, out: Path, speech_sentences: int = 0) -> dict[str, int]:
    """Write the silver corpus (token TAB tag, blank line between sentences) of the articles and
    ``speech_sentences`` speech sentences; returns its counts."""
    counts = {"sentences": 0, "entities": 0}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for sentence in chain(article_silver(nlp, data_dir), speech_silver(nlp, data_dir, speech_sentences)):
            counts["sentences"] += 1
            counts["entities"] += sum(tag.startswith("B-") for tag in sentence.tags)
            handle.writelines(f"{w}\t{t}\n" for w, t in zip(sentence.words, sentence.tags, strict=True))
            handle.write("\n")
    return counts
