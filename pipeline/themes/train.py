"""Assembling the training data, fitting, persisting and loading the theme model.

Training data, in order of trust:

1. hand-labelled paragraphs: every ``labels*.csv`` in ``pipeline/resources/themes/`` (plus folders
   passed with ``--labels``), the sample corpus's paragraphs from ``tests/gold/paragraph_themes.csv``
   (without the seed document) and the ``train`` part of the real paragraphs nobody here wrote
   (``real_gold.csv``: Bundestag speeches and Wikinews, two annotators), weight 1;
2. the codebook's example sentences as positives for their theme, weight 1;
3. weak labels: unlabelled German news paragraphs from ``../shared`` (when present) labelled by the
   codebook indicators, with the matched indicator words masked so that the model learns the
   surrounding language rather than re-learning the keyword list; weight :data:`WEAK_WEIGHT`.

The fitted model is cached under ``<cache>/themes/<key>/`` where the key hashes the codebook, the
label files, the weak-label pool, this package's code and the scikit-learn version, so any change
retrains and an unchanged setup loads in a second.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.metrics import f1_score, fbeta_score, precision_score
from sklearn.model_selection import GroupKFold

from pipeline.export import atomic_path, atomic_write_text
from pipeline.settings import Settings
from pipeline.themes.codebook import Codebook, load_codebook
from pipeline.themes.data import (
    LabelledSet,
    codebook_examples,
    files_digest,
    label_files,
    labelled_files,
    read_corpus_labels,
    read_labels,
    read_pool,
    theme_fingerprint,
)
from pipeline.themes.matching import matcher_for
from pipeline.themes.model import ThemeModel, build_pipeline, score_texts
from pipeline.themes.real import RealGold, read_real_gold
from pipeline.themes.text import analyses_kept

WEAK_WEIGHT = 0.1
MAX_POOL = 400  # an evenly spaced sample keeps training well under a minute on two cores
RANDOM_STATE = 0
THRESHOLD_FOLDS = 3
THRESHOLD_GRID = tuple(round(0.2 + 0.05 * k, 2) for k in range(15))  # 0.20 … 0.90
PRECISION_TARGET = 0.7  # a theme the summary counts must be right at least this often on real text
REAL_GROUP = "real:"  # cross-validation groups of the real paragraphs
TRAINING_ANALYSES = 60_000  # paragraphs, windows and sentences of one training run
MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"


@dataclass
class TrainingData:
    """Texts, label matrix (rows × codebook themes), sample weights and cross-validation groups."""

    texts: list[str]
    Y: np.ndarray
    weights: np.ndarray
    counts: dict
    groups: list[str]

    def __add__(self, other: TrainingData) -> TrainingData:
        counts = {k: self.counts.get(k, 0) + other.counts.get(k, 0) for k in {*self.counts, *other.counts}}
        return TrainingData(
            self.texts + other.texts,
            np.vstack([self.Y, other.Y]),
            np.concatenate([self.weights, other.weights]),
            counts,
            self.groups + other.groups,
        )

    def subset(self, rows: Sequence[int]) -> TrainingData:
        return TrainingData(
            [self.texts[i] for i in rows],
            self.Y[rows],
            self.weights[rows],
            {},
            [self.groups[i] for i in rows],
        )


def to_matrix(labels: Sequence[frozenset[str] | set[str]], codebook: Codebook) -> np.ndarray:
    return np.array([[t in row for t in codebook.ids] for row in labels], dtype=int).reshape(
        len(labels), len(codebook.ids)
    )


def _labelled(data: LabelledSet | RealGold, codebook: Codebook, name: str, group: str = "") -> TrainingData:
    """Labelled rows of weight 1; the cross-validation groups are the sources (with ``group`` before)."""
    return TrainingData(
        list(data.texts),
        to_matrix(data.labels, codebook),
        np.ones(len(data.texts)),
        {name: len(data.texts)},
        [group + source for source in data.sources],
    )


def weak_data(pool: Sequence[str], codebook: Codebook) -> TrainingData:
    """Pool paragraphs labelled by the indicators, their indicator words masked."""
    matcher = matcher_for(codebook)
    labels = [matcher.weak_labels(text) for text in pool]
    texts = [matcher.mask(text) if label else text for text, label in zip(pool, labels, strict=False)]
    return TrainingData(
        texts,
        to_matrix(labels, codebook),
        np.full(len(pool), WEAK_WEIGHT),
        {"weak_pool": len(pool)},
        [f"weak:{i}" for i in range(len(pool))],
    )


def training_data(
    codebook: Codebook, settings: Settings, label_dirs: Sequence[Path] = (), *, weak: bool = True
) -> tuple[TrainingData, TrainingData]:
    """(labelled data: label files, then corpus paragraphs; extra data: codebook examples, weak pool)."""
    gold = (
        _labelled(read_labels(label_files(label_dirs), codebook), codebook, "labelled")
        + _labelled(read_corpus_labels(codebook), codebook, "corpus_gold")
        + _labelled(read_real_gold(settings, "train"), codebook, "real_train", REAL_GROUP)
    )
    extra = _labelled(codebook_examples(codebook), codebook, "codebook_examples")
    if weak:
        pool = read_pool(settings)
        extra = extra + weak_data(pool[:: max(1, len(pool) // MAX_POOL)], codebook)
    return gold, extra


def fit_pipeline(data: TrainingData, codebook: Codebook):
    """Fit the scikit-learn pipeline; explains which theme lacks examples instead of failing deep inside."""
    positives = data.Y.sum(axis=0)
    if too_few := [t for t, n in zip(codebook.ids, positives, strict=False) if n < 2]:
        raise ValueError(
            f"theme(s) {', '.join(too_few)} have fewer than 2 training examples; add examples to the "
            "codebook or labelled rows to a labels*.csv"
        )
    pipeline = build_pipeline(codebook, random_state=RANDOM_STATE)
    return pipeline.fit(data.texts, data.Y, classify__sample_weight=data.weights)


def learn_thresholds(gold: TrainingData, extra: TrainingData, codebook: Codebook) -> dict[str, float]:
    """Per theme, the decision threshold chosen on out-of-fold probabilities, precision first.

    Folds are grouped by source like the evaluation's; thresholds are judged on the real paragraphs
    (on all labelled rows when there are none). Among the thresholds whose precision reaches
    :data:`PRECISION_TARGET` the one with the best F1 wins (the lowest among equals: a missed theme
    stays invisible); where none reaches it, the one with the best F0.5 (precision counts double):
    a funder's summary must not claim a theme the text does not carry.
    """
    probabilities = np.zeros(gold.Y.shape)
    splitter = GroupKFold(THRESHOLD_FOLDS, shuffle=True, random_state=RANDOM_STATE)
    for train, test in splitter.split(gold.texts, groups=gold.groups):
        pipeline = fit_pipeline(gold.subset(train) + extra, codebook)
        probabilities[test] = score_texts(pipeline, [gold.texts[i] for i in test], matcher_for(codebook))
    real = [i for i, group in enumerate(gold.groups) if group.startswith(REAL_GROUP)] or list(
        range(len(gold.texts))
    )
    return {
        theme: precision_first_threshold(gold.Y[real, j], probabilities[real, j])
        for j, theme in enumerate(codebook.ids)
    }


def precision_first_threshold(truth: np.ndarray, scores: np.ndarray) -> float:
    """The grid threshold with the best F1 among those whose precision reaches
    :data:`PRECISION_TARGET` (the lowest of equals), else the one with the best F0.5."""
    measured = []
    for t in THRESHOLD_GRID:
        predicted = scores >= t
        precision = precision_score(truth, predicted, zero_division=0)
        f1 = f1_score(truth, predicted, zero_division=0)
        f05 = fbeta_score(truth, predicted, beta=0.5, zero_division=0)
        measured.append((precision, f1, f05, t))
    precise = [(f1, -t) for precision, f1, _, t in measured if precision >= PRECISION_TARGET]
    if precise:
        return -max(precise)[1]
    return -max((f05, -t) for _, _, f05, t in measured)[1]


def fit_classifier(gold: TrainingData, extra: TrainingData, codebook: Codebook):
    """(fitted pipeline on all rows, learned thresholds per theme): what training and every evaluation
    fold do."""
    with analyses_kept(TRAINING_ANALYSES):
        return fit_pipeline(gold + extra, codebook), learn_thresholds(gold, extra, codebook)


def train_theme_model(
    settings: Settings, codebook: Codebook | None = None, label_dirs: Sequence[Path] = (), *, scores=None
) -> ThemeModel:
    """Fit on all training data and describe it in the metadata (``scores`` from an evaluation)."""
    codebook = codebook or load_codebook()
    gold, extra = training_data(codebook, settings, label_dirs)
    data = gold + extra
    pipeline, learned = fit_classifier(gold, extra, codebook)
    metadata = {
        "fingerprint": theme_fingerprint(codebook, settings, label_dirs),
        "codebook": codebook.source,
        "codebook_hash": codebook.fingerprint,
        "labels_hash": files_digest(labelled_files(label_dirs)),
        "label_files": [str(p) for p in labelled_files(label_dirs)],
        "training_data_hash": hashlib.sha256("\x1f".join(data.texts).encode()).hexdigest()[:16],
        "training_counts": dict(sorted(data.counts.items())),
        "positives": {t: int(n) for t, n in zip(codebook.ids, gold.Y.sum(axis=0), strict=False)},
        "weak_weight": WEAK_WEIGHT,
        "scikit_learn": sklearn.__version__,
        "learned_thresholds": learned,
        "precision_target": PRECISION_TARGET,
        "thresholds": {t.id: t.threshold or learned[t.id] for t in codebook.themes},
        "aggregation": "document score = max over paragraph scores; assigned when score >= threshold",
        "random_state": RANDOM_STATE,
        "scores": scores or {},
    }
    return ThemeModel(codebook, pipeline, metadata)


def save_theme_model(model: ThemeModel, folder: Path) -> Path:
    """Write model.joblib and metadata.json atomically (a crashed run never leaves half a model)."""
    with atomic_path(folder / MODEL_FILE) as tmp:
        joblib.dump({"codebook": model.codebook, "pipeline": model.pipeline}, tmp)
    text = json.dumps(model.metadata, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic_write_text(folder / METADATA_FILE, text)
    return folder


def model_dir(settings: Settings, codebook: Codebook, label_dirs: Sequence[Path] = ()) -> Path:
    return settings.cache_dir / "themes" / theme_fingerprint(codebook, settings, label_dirs)


def load_theme_model(
    settings: Settings | None = None, codebook: Codebook | Path | str | None = None, label_dirs=()
) -> ThemeModel:
    """The theme model for this codebook and these labels: from the cache, else trained now (≈10 s)."""
    settings = settings or Settings()
    if not isinstance(codebook, Codebook):
        codebook = load_codebook(codebook)
    folder = model_dir(settings, codebook, label_dirs)
    if (folder / MODEL_FILE).is_file() and (folder / METADATA_FILE).is_file():
        stored = joblib.load(folder / MODEL_FILE)
        metadata = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
        return ThemeModel(stored["codebook"], stored["pipeline"], metadata)
    model = train_theme_model(settings, codebook, label_dirs)
    save_theme_model(model, folder)
    return model
