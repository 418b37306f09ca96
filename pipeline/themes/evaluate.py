"""How well the theme model works: cross-validation on the hand labels, a masked-indicator test and
the corpus gold standard, written as ``outputs/evaluation/themes.md``.

The masked test replaces every word that matches any codebook indicator in the held-out paragraphs
with ``_``; a model that only memorised the keyword list scores near zero there.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import KFold

from pipeline.settings import REPO_DIR, Settings
from pipeline.themes.codebook import Codebook
from pipeline.themes.matching import IndicatorMatcher
from pipeline.themes.model import ThemeModel
from pipeline.themes.train import RANDOM_STATE, TrainingData, fit_pipeline, to_matrix, training_data

FOLDS = 5
GOLD_PARAGRAPHS = REPO_DIR / "tests" / "gold" / "paragraph_themes.csv"


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


def _predict(probabilities: np.ndarray, codebook: Codebook) -> np.ndarray:
    return (probabilities >= np.array([t.threshold for t in codebook.themes])).astype(int)


def out_of_fold(
    gold: TrainingData, extra: TrainingData, codebook: Codebook, folds: int = FOLDS
) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities for the hand labels, as written and with indicator words masked.

    ``extra`` (codebook examples, weak labels) is added to every training fold, never tested on.
    """
    matcher = IndicatorMatcher(codebook)
    n = len(gold.texts)
    plain = np.zeros(gold.Y.shape)
    masked = np.zeros(gold.Y.shape)
    for train, test in KFold(folds, shuffle=True, random_state=RANDOM_STATE).split(np.arange(n)):
        fold = TrainingData([gold.texts[i] for i in train], gold.Y[train], gold.weights[train], {}) + extra
        pipeline = fit_pipeline(fold, codebook)
        plain[test] = pipeline.predict_proba([gold.texts[i] for i in test])
        masked[test] = pipeline.predict_proba([matcher.mask(gold.texts[i]) for i in test])
    return {"cross_validated": plain, "masked_indicators": masked}


def cross_validate(gold: TrainingData, extra: TrainingData, codebook: Codebook) -> dict[str, Scores]:
    return {
        name: Scores.of(codebook.ids, gold.Y, _predict(probabilities, codebook))
        for name, probabilities in out_of_fold(gold, extra, codebook).items()
    }


def keyword_baseline(gold: TrainingData, codebook: Codebook) -> Scores:
    """The indicators alone as a classifier: what the learned model has to beat."""
    matcher = IndicatorMatcher(codebook)
    predicted = to_matrix([matcher.weak_labels(t) for t in gold.texts], codebook)
    return Scores.of(codebook.ids, gold.Y, predicted)


def read_gold_paragraphs(path: Path, codebook: Codebook) -> tuple[list[str], np.ndarray] | None:
    """``tests/gold/paragraph_themes.csv`` (source_path, text, themes) when it exists."""
    if not path.is_file():
        return None
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("text") or "").strip()]
    labels = [{t.strip() for t in (r.get("themes") or "").split(";") if t.strip()} for r in rows]
    return [r["text"] for r in rows], to_matrix(labels, codebook)


def _table(named: dict[str, Scores], codebook: Codebook) -> list[str]:
    names = list(named)
    header = "| theme | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " | support |"
    lines = [header, "|---" * (2 + 3 * len(names)) + "|"]
    first = named[names[0]]
    for j, theme in enumerate(codebook.themes):
        cells = " | ".join(
            f"{s.precision[j]:.2f} | {s.recall[j]:.2f} | {s.f1[j]:.2f}" for s in named.values()
        )
        lines.append(f"| {theme.id} | {cells} | {int(first.support[j])} |")
    macro = " | ".join(f" |  | **{s.macro_f1:.3f}**" for s in named.values())
    lines.append(f"| **macro-F1** {macro} | |")
    return lines


def evaluate(
    settings: Settings,
    codebook: Codebook,
    label_dirs: Sequence[Path] = (),
    model: ThemeModel | None = None,
    gold_path: Path = GOLD_PARAGRAPHS,
) -> tuple[str, dict]:
    """Markdown report and a JSON-able summary of all evaluations."""
    started = time.time()
    gold, extra = training_data(codebook, settings, label_dirs)
    cv = cross_validate(gold, extra, codebook)
    baseline = keyword_baseline(gold, codebook)
    summary = {name: s.as_dict() for name, s in cv.items()} | {"keyword_baseline": baseline.as_dict()}
    lines = [
        "# Theme classifier: evaluation",
        "",
        f"Hand-labelled paragraphs: {len(gold.texts)} (every `labels*.csv`); extra training data per fold: "
        f"{extra.counts.get('codebook_examples', 0)} codebook examples and "
        f"{extra.counts.get('weak_pool', 0)} weakly labelled news paragraphs from ../shared.",
        f"{FOLDS}-fold cross-validation (shuffled, random_state={RANDOM_STATE}); "
        "thresholds from the codebook.",
        "",
        "## Cross-validated on the hand labels",
        "",
        "`cross-validated`: held-out paragraphs as written. `masked`: every word matching any codebook "
        "indicator replaced by `_` in the held-out paragraphs, so only context can tell the theme. "
        "`keywords`: the indicator rules alone, without learning.",
        "",
        *_table(
            {
                "cross-validated": cv["cross_validated"],
                "masked": cv["masked_indicators"],
                "keywords": baseline,
            },
            codebook,
        ),
        "",
    ]
    if model is not None and (gold_corpus := read_gold_paragraphs(gold_path, codebook)) is not None:
        texts, Y = gold_corpus
        scores = Scores.of(codebook.ids, Y, _predict(model.predict_proba(texts), codebook))
        summary["corpus_gold"] = scores.as_dict()
        lines += [
            "## Sample corpus gold standard",
            "",
            f"`{gold_path.relative_to(REPO_DIR) if gold_path.is_relative_to(REPO_DIR) else gold_path}`: "
            f"{len(texts)} paragraphs, classified by the model trained on all training data "
            "(the corpus is not part of the training data).",
            "",
            *_table({"corpus": scores}, codebook),
            "",
        ]
    lines.append(f"Reproduce: `projektradar themes evaluate` ({time.time() - started:.0f} s).")
    return "\n".join(lines) + "\n", summary
