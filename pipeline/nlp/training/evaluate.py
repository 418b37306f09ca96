"""Held-out evaluation of the German pipeline: NER per corpus and domain, treebank accuracy.

NER is scored on character offsets (so the pipeline's own tokenisation is evaluated, as at run time),
exact span and label match, micro-averaged; "overall" counts PER, LOC and ORG only (MISC differs most
between the corpora' guidelines and is reported separately).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

CORE_LABELS = ("PER", "LOC", "ORG")
MAX_TEST_DOCS = 1500


def load_docs(path: Path, nlp: Language, limit: int = MAX_TEST_DOCS) -> list[Doc]:
    """The first ``limit`` documents of a DocBin (large legal test sets are capped to keep the build
    within its time budget)."""
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))[:limit]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "n": tp + fn}


def ner_counts(nlp: Language, gold_docs: Iterable[Doc]) -> Counter:
    """True/false positives and false negatives per label, on character offsets."""
    gold_docs = list(gold_docs)
    counts: Counter = Counter()
    for gold, pred in zip(gold_docs, nlp.pipe(d.text for d in gold_docs), strict=True):
        gold_spans = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
        pred_spans = {(e.start_char, e.end_char, e.label_) for e in pred.ents}
        for *_, label in gold_spans & pred_spans:
            counts[(label, "tp")] += 1
        for *_, label in pred_spans - gold_spans:
            counts[(label, "fp")] += 1
        for *_, label in gold_spans - pred_spans:
            counts[(label, "fn")] += 1
    return counts


def ner_scores(counts: Counter, labels: Iterable[str]) -> dict:
    """Per-label P/R/F and the micro average over the core labels."""
    labels = sorted(set(labels))
    scores = {
        label: _prf(counts[(label, "tp")], counts[(label, "fp")], counts[(label, "fn")]) for label in labels
    }
    core = [label for label in CORE_LABELS if label in labels]
    scores["overall"] = _prf(*(sum(counts[(label, kind)] for label in core) for kind in ("tp", "fp", "fn")))
    return scores


def evaluate_ner(nlp: Language, test_dir: Path, groups: dict[str, str]) -> dict:
    """Scores per test corpus and per domain group (micro-averaged over the group's corpora)."""
    per_corpus: dict[str, dict] = {}
    group_counts: dict[str, Counter] = {}
    for path in sorted(test_dir.glob("*.spacy")):
        corpus = path.stem
        docs = load_docs(path, nlp)
        counts = ner_counts(nlp, docs)
        labels = {e.label_ for d in docs for e in d.ents}
        per_corpus[corpus] = ner_scores(counts, labels)
        group_counts.setdefault(groups[corpus], Counter()).update(counts)
    per_group = {
        group: ner_scores(counts, {label for label, _ in counts}) for group, counts in group_counts.items()
    }
    return {"corpora": per_corpus, "groups": per_group}


def evaluate_treebank(nlp: Language, test_path: Path) -> dict:
    """UPOS/STTS/morph/lemma accuracy, UAS/LAS and sentence F on the held-out treebank split."""
    docs = load_docs(test_path, nlp, limit=10**9)
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in docs]
    scores = nlp.evaluate(examples)
    keys = ("pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
    result = {key: round(scores[key], 4) for key in keys if scores.get(key) is not None}
    per_feat = scores.get("morph_per_feat") or {}
    for feat in ("Gender", "Number", "Case", "Mood", "Person", "Tense"):
        if feat in per_feat:
            result[f"morph_{feat}_f"] = round(per_feat[feat]["f"], 4)
    return result
