"""Measure one recipe step (``configs/variants.yml``) and record it in ``configs/experiments.yml``.

Keeps the model card's table of improvement steps reproducible: every row was produced by this
command on the same held-out splits as the shipped model.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from pipeline.nlp import card, data
from pipeline.nlp.resolve import trained_model_dir
from pipeline.nlp.train import train_pipeline
from pipeline.settings import Settings

VARIANTS_PATH = Path(__file__).parent / "configs" / "variants.yml"


def variants() -> dict:
    return yaml.safe_load(VARIANTS_PATH.read_text(encoding="utf-8"))


def run_experiment(step: str, settings: Settings, say: Callable[[str], None] = print) -> dict:
    """Train the recipe with the step's overrides, score it, and replace the step's row. The treebank
    pipeline of the cached model is reused unless the step changes it."""
    spec = variants()[step]
    config = copy.deepcopy(data.corpora_config())
    for corpus, changes in (spec.get("corpora") or {}).items():
        config["ner"][corpus].update(changes)
    config["word_vectors"].update(spec.get("word_vectors") or {})
    overrides = {part: spec.get(part) or {} for part in ("ner", "ud")}
    ud_model = None if overrides["ud"] else trained_model_dir(settings)
    work_dir = Path(tempfile.mkdtemp(prefix=f"projektradar-{step}-"))
    started = time.monotonic()
    try:
        _, details = train_pipeline(settings, work_dir, config, overrides, say=say, ud_model=ud_model)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    metrics = details["metrics"]
    row = {
        "name": step,
        "change": spec["change"],
        "minutes": round((time.monotonic() - started) / 60, 1),
        "contemporary": _core(metrics["ner_statistical"]["groups"]["contemporary"]),
        "contemporary_with_rules": _core(metrics["ner"]["groups"]["contemporary"]),
    }
    rows = [r for r in card.experiments() if r["name"] != step]
    order = list(variants())
    rows = sorted([*rows, row], key=lambda r: order.index(r["name"]) if r["name"] in order else len(order))
    card.EXPERIMENTS_PATH.write_text(
        yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return row


def _core(scores: dict) -> dict[str, float]:
    return {label: scores.get(label, {}).get("f", 0.0) for label in ("PER", "LOC", "ORG", "overall")}
