"""Measure one recipe step (``configs/variants.yml``) and record it in ``configs/experiments.yml``.

Keeps the model card's table of improvement steps reproducible: every row was produced by this
command on the same held-out splits as the shipped model. One training run moves the held-out scores
by a point or two with the random seed alone, so a step can be run with several seeds (one process
each, e.g. one per core); its row keeps every run and the card shows their mean and spread.
"""

from __future__ import annotations

import copy
import fcntl
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from pipeline.nlp.resolve import trained_model_dir
from pipeline.nlp.training import card, data
from pipeline.nlp.training.train import train_pipeline
from pipeline.settings import Settings

VARIANTS_PATH = data.CONFIG_DIR / "variants.yml"
SCORES = ("contemporary", "contemporary_with_rules")


def variants() -> dict:
    return yaml.safe_load(VARIANTS_PATH.read_text(encoding="utf-8"))


def run_experiment(step: str, settings: Settings, seed: int = 0, say: Callable[[str], None] = print) -> dict:
    """Train the recipe with the step's overrides and the NER seed ``seed``, score it, and record the
    run in the step's row (replacing an earlier run with that seed). The treebank pipeline of the
    cached model is reused unless the step changes it."""
    spec = variants()[step]
    config = copy.deepcopy(data.corpora_config())
    for corpus, changes in (spec.get("corpora") or {}).items():
        config["ner"].setdefault(corpus, {}).update(changes)  # a full spec adds a corpus
    config["word_vectors"].update(spec.get("word_vectors") or {})
    config["pretraining"].update(spec.get("pretraining") or {})
    overrides = {part: dict(spec.get(part) or {}) for part in ("ner", "ud")}
    overrides["ner"]["system.seed"] = seed
    ud_model = None if overrides["ud"] else trained_model_dir(settings)
    work_dir = Path(tempfile.mkdtemp(prefix=f"projektradar-{step}-{seed}-"))
    started = time.monotonic()
    try:
        if "self_training" in spec:
            silver = work_dir / f"{data.SILVER_CORPUS}.tsv"
            counts = teach(settings, silver, spec["self_training"].get("speech_sentences", 0))
            say(f"Tagged unannotated text with the shipped model: {counts}")
            config["ner"][data.SILVER_CORPUS]["files"] = {"train": str(silver)}
        _, details = train_pipeline(settings, work_dir, config, overrides, say=say, ud_model=ud_model)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    metrics = details["metrics"]
    run = {
        "seed": seed,
        "minutes": round((time.monotonic() - started) / 60, 1),
        "contemporary": _core(metrics["ner_statistical"]["groups"]["contemporary"]),
        "contemporary_with_rules": _core(metrics["ner"]["groups"]["contemporary"]),
    }
    return record_run(step, spec["change"], run)


def teach(settings: Settings, out: Path, speech_sentences: int) -> dict[str, int]:
    """The silver corpus of the self-training steps, tagged by the cached model as users load it."""
    from pipeline.nlp.load import load_nlp
    from pipeline.nlp.training.selftrain import write_silver

    nlp, _ = load_nlp(str(trained_model_dir(settings)), settings)
    return write_silver(nlp, settings.nlp_data_dir, out, speech_sentences)


def record_run(step: str, change: str, run: dict) -> dict:
    """Add ``run`` to the step's row under a file lock (runs with other seeds may finish meanwhile);
    the row's scores are the means over its runs."""
    with card.EXPERIMENTS_PATH.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        rows = card.experiments()
        old = next((r for r in rows if r["name"] == step), {})
        runs = [r for r in old.get("runs", []) if r["seed"] != run["seed"]] + [run]
        runs.sort(key=lambda r: r["seed"])
        row = {"name": step, "change": change, "runs": runs}
        row.update({score: _mean([r[score] for r in runs]) for score in SCORES})
        order = list(variants())
        rows = [r for r in rows if r["name"] != step] + [row]
        rows.sort(key=lambda r: order.index(r["name"]) if r["name"] in order else len(order))
        card.EXPERIMENTS_PATH.write_text(
            yaml.dump(rows, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return row


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated score tables in full instead of as YAML anchors and aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def _mean(scores: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(sum(s[key] for s in scores) / len(scores), 4) for key in scores[0]}


def _core(scores: dict) -> dict[str, float]:
    return {label: scores.get(label, {}).get("f", 0.0) for label in ("PER", "LOC", "ORG", "overall")}
