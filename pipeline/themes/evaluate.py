"""How well the theme model works: document-grouped cross-validation on the hand labels and the
sample-corpus paragraphs, and a masked-indicator test, written as ``outputs/evaluation/themes.md``.

The masked test replaces every word that matches any codebook indicator in the held-out paragraphs
with ``_``; a model that only memorised the keyword list scores near zero there.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import GroupKFold

from pipeline.settings import SPKATT_ARTICLES, Settings
from pipeline.themes.codebook import Codebook
from pipeline.themes.matching import matcher_for
from pipeline.themes.model import score_texts
from pipeline.themes.train import (
    RANDOM_STATE,
    THRESHOLD_FOLDS,
    TrainingData,
    fit_classifier,
    precision_first_threshold,
    to_matrix,
    training_data,
)

FOLDS = 5


@dataclass
class Scores:
    """Per-theme precision/recall/F1 and support, plus macro-F1, for one prediction set."""

    themes: list[str]
    precision: np.ndarray
    recall: np.ndarray
    f1: np.ndarray
    support: np.ndarray

    @classmethod
    def of(cls, themes: list[str], Y: np.ndarray, predicted: np.ndarray) -> Scores:
        p, r, f, s = precision_recall_fscore_support(Y, predicted, average=None, zero_division=0)
        return cls(themes, p, r, f, s)

    @property
    def macro_f1(self) -> float:
        present = self.support > 0
        return float(self.f1[present].mean()) if present.any() else 0.0

    def as_dict(self) -> dict:
        return {
            "macro_f1": round(self.macro_f1, 4),
            "per_theme": {
                t: {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4)}
                for t, p, r, f in zip(self.themes, self.precision, self.recall, self.f1, strict=False)
            },
        }


def out_of_fold(
    gold: TrainingData, extra: TrainingData, codebook: Codebook, folds: int = FOLDS
) -> dict[str, np.ndarray]:
    """Out-of-fold decisions for the labelled rows, as written and with indicator words masked.

    Folds are grouped by source, so all paragraphs of a corpus document are held out together (its
    other paragraphs would otherwise give away names and wording). ``extra`` (codebook examples, weak
    labels) is added to every training fold, never tested on. Each fold learns its threshold from its
    own training rows only (nested cross-validation), exactly as ``themes train`` does.
    """
    matcher = matcher_for(codebook)
    plain = np.zeros(gold.Y.shape, dtype=int)
    masked = np.zeros(gold.Y.shape, dtype=int)
    splitter = GroupKFold(folds, shuffle=True, random_state=RANDOM_STATE)
    for train, test in splitter.split(gold.texts, groups=gold.groups):
        pipeline, learned = fit_classifier(gold.subset(train), extra, codebook)
        thresholds = np.array([t.threshold or learned[t.id] for t in codebook.themes])
        plain[test] = score_texts(pipeline, [gold.texts[i] for i in test], matcher) >= thresholds
        masked_texts = [matcher.mask(gold.texts[i]) for i in test]
        masked[test] = score_texts(pipeline, masked_texts, matcher) >= thresholds
    return {"cross_validated": plain, "masked_indicators": masked}


def keyword_baseline(gold: TrainingData, codebook: Codebook) -> Scores:
    """The indicators alone as a classifier: what the learned model has to beat."""
    matcher = matcher_for(codebook)
    predicted = to_matrix([matcher.weak_labels(t) for t in gold.texts], codebook)
    return Scores.of(codebook.ids, gold.Y, predicted)


def _table(named: dict[str, Scores], codebook: Codebook) -> list[str]:
    """Markdown table; the support column lists each set's positives when the sets differ (``a / b``)."""
    names = list(named)
    header = "| theme | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " | support |"
    lines = [header, "|---" * (2 + 3 * len(names)) + "|"]
    for j, theme in enumerate(codebook.themes):
        cells = " | ".join(
            f"{s.precision[j]:.2f} | {s.recall[j]:.2f} | {s.f1[j]:.2f}" for s in named.values()
        )
        support = " / ".join(dict.fromkeys(str(int(s.support[j])) for s in named.values()))
        lines.append(f"| {theme.id} | {cells} | {support} |")
    macro = " | ".join(f" |  | **{s.macro_f1:.3f}**" for s in named.values())
    lines.append(f"| **macro-F1** {macro} | |")
    return lines


MIN_GOLD = 10  # themes with fewer held-back gold paragraphs are shown but left out of the headline


def real_text(
    settings: Settings, codebook: Codebook, label_dirs: Sequence[Path] = ()
) -> tuple[list[str], dict]:
    """The shipped model (trained as ``themes train`` trains it) on the held-back real paragraphs of
    ``real_gold.csv``, beside the keyword rules, with the annotators' agreement per theme."""
    from pipeline.themes.real import GOLD, agreement, gold_themes, read_real_gold
    from pipeline.themes.train import train_theme_model

    heading = "## Real text, held back (the number funders depend on)"
    if not (settings.nlp_data_dir / SPKATT_ARTICLES).is_dir():
        return [heading, "", f"Skipped: the shared corpora are not at {settings.shared_dir}."], {}
    if missing := gold_themes() - set(codebook.ids):
        return [
            heading,
            "",
            f"Skipped: the codebook lacks the gold's themes {', '.join(sorted(missing))}.",
        ], {}
    test = read_real_gold(settings, "test")
    kappa = agreement(codebook.ids)
    model = train_theme_model(settings, codebook, label_dirs)
    Y = to_matrix(test.labels, codebook)
    probabilities = model.predict_proba(test.texts)
    shipped = Scores.of(codebook.ids, Y, (probabilities >= model.thresholds).astype(int))
    # Diagnostic, not a score: the same threshold rule applied with these held-back labels themselves
    # shows how far any threshold choice could take the model's scores.
    hindsight = np.array([precision_first_threshold(Y[:, j], probabilities[:, j]) for j in range(Y.shape[1])])
    ceiling = Scores.of(codebook.ids, Y, (probabilities >= hindsight).astype(int))
    matcher = matcher_for(codebook)
    keywords = Scores.of(codebook.ids, Y, to_matrix([matcher.weak_labels(t) for t in test.texts], codebook))
    counted = shipped.support >= MIN_GOLD
    headline = {
        "macro_f1": round(float(shipped.f1[counted].mean()), 4),
        "min_precision": round(float(shipped.precision[counted].min()), 4),
        "macro_f1_thresholds_in_hindsight": round(float(ceiling.f1[counted].mean()), 4),
        "themes_counted": [t for t, c in zip(codebook.ids, counted, strict=True) if c],
    }
    lines = [
        heading,
        "",
        f"{len(test.texts)} real paragraphs nobody here wrote (`pipeline/resources/themes/{GOLD.name}`, "
        "`split = test`: Bundestag speeches and Wikinews, labelled by two annotators and adjudicated; "
        "see `REAL_GOLD.md`), scored with the shipped model and its thresholds. Never used in training "
        f"or tuning. Headline over the themes with at least {MIN_GOLD} gold paragraphs: macro-F1 "
        f"**{headline['macro_f1']:.3f}**, lowest precision **{headline['min_precision']:.2f}**. "
        "Diagnostic, not a score: with each theme's threshold chosen by the same precision-first rule on "
        "these held-back labels themselves, macro-F1 would be "
        f"{headline['macro_f1_thresholds_in_hindsight']:.3f} — how far any threshold choice could take "
        "the model's scores.",
        "",
        *_table({"model": shipped, "keywords": keywords}, codebook),
        "",
        f"Cohen's κ of the two annotators per theme (every paragraph of `{GOLD.name}`, train and test): "
        + ", ".join(f"{t} {k:.2f}" for t, k in kappa.items())
        + ".",
    ]
    summary = {
        "real_test": shipped.as_dict() | headline,
        "real_test_keywords": keywords.as_dict(),
        "kappa": {t: round(k, 3) for t, k in kappa.items()},
    }
    return lines, summary


def evaluate(
    settings: Settings, codebook: Codebook, label_dirs: Sequence[Path] = (), *, real: bool = True
) -> tuple[str, dict]:
    """Markdown report and a JSON-able summary of all evaluations (``real``: also the held-back real
    paragraphs, when ``../shared`` and the bundled codebook's themes are there)."""
    started = time.time()
    gold, extra = training_data(codebook, settings, label_dirs)
    decisions = out_of_fold(gold, extra, codebook)
    scores = {name: Scores.of(codebook.ids, gold.Y, d) for name, d in decisions.items()}
    baseline = keyword_baseline(gold, codebook)
    # hand-labelled rows come first, then the corpus paragraphs, then the real paragraphs' train part
    hand, corpus = gold.counts.get("labelled", 0), gold.counts.get("corpus_gold", 0)
    real_train = gold.counts.get("real_train", 0)
    predicted = decisions["cross_validated"]
    parts = {
        "hand labels": slice(0, hand),
        "corpus": slice(hand, hand + corpus),
        "real train": slice(hand + corpus, None),
    }
    subsets = {name: Scores.of(codebook.ids, gold.Y[rows], predicted[rows]) for name, rows in parts.items()}
    summary = {name: s.as_dict() for name, s in scores.items()} | {
        "keyword_baseline": baseline.as_dict(),
        "hand_labels": subsets["hand labels"].as_dict(),
        "corpus_documents": subsets["corpus"].as_dict(),
        "real_train_cross_validated": subsets["real train"].as_dict(),
    }
    real_lines, real_summary = real_text(settings, codebook, label_dirs) if real else ([], {})
    summary |= real_summary
    documents = len(set(gold.groups[parts["corpus"]]))
    lines = [
        "# Theme classifier: evaluation",
        "",
        f"Labelled paragraphs: {len(gold.texts)} = {hand} hand-labelled (every `labels*.csv`) + {corpus} "
        f"from {documents} sample-corpus documents (`tests/gold/paragraph_themes.csv`, without the seed "
        f"document, which stays unseen for its test) + {real_train} real paragraphs (`real_gold.csv`, "
        "`split = train`). Extra training data per fold: "
        f"{extra.counts.get('codebook_examples', 0)} codebook examples and "
        f"{extra.counts.get('weak_pool', 0)} weakly labelled news paragraphs from ../shared.",
        f"{FOLDS}-fold cross-validation grouped by source (GroupKFold, shuffled, random_state="
        f"{RANDOM_STATE}): every paragraph of a corpus document is held out together; each fold learns its "
        f"decision threshold by an inner {THRESHOLD_FOLDS}-fold grouped cross-validation on its own training "
        "rows (nested), as `themes train` does.",
        "",
        "The corpus paragraphs are training data, so there is no separate held-out corpus score any more; "
        "the `corpus` column below is the closest substitute: corpus documents scored by models that "
        "never saw any paragraph of that document.",
        "",
        "## Cross-validated on all labelled paragraphs",
        "",
        "`cross-validated`: held-out paragraphs as written. `masked`: every word matching any codebook "
        "indicator replaced by `_` in the held-out paragraphs, so only context can tell the theme. "
        "`keywords`: the indicator rules alone, without learning.",
        "",
        *_table(
            {
                "cross-validated": scores["cross_validated"],
                "masked": scores["masked_indicators"],
                "keywords": baseline,
            },
            codebook,
        ),
        "",
        "## The same cross-validated predictions, by kind of text",
        "",
        *_table(subsets, codebook),
        "",
        *real_lines,
        "",
        f"Reproduce: `projektradar themes evaluate` ({time.time() - started:.0f} s).",
    ]
    return "\n".join(lines) + "\n", summary
