"""The offline training recipe behind ``make model``.

1. Convert the shared corpora to DocBins (``data.py``) and reduce the LanguageTool lexicon to the
   morphology table (``lexicon.py``).
2. Train the treebank pipeline (``configs/ud.cfg``) and the NER (``configs/ner.cfg``) as two spaCy
   processes in parallel, one per core; the NER starts once its static vectors are built
   (``vectors.py``, on the second core while the treebank trains).
3. Assemble: treebank pipeline + sourced NER + lexicon component + entity rules; evaluate on the
   held-out splits; write the model card; move the result into the model cache atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import load_config
from spacy.vocab import Vocab

from pipeline.nlp.fingerprint import models_dir, recipe_fingerprint
from pipeline.nlp.training import augment, card, data, evaluate
from pipeline.nlp.training.data import CONFIG_DIR, LEXICON_FILE
from pipeline.nlp.training.languagetool import build_morph_table
from pipeline.nlp.training.pretrain import pretrain_tok2vec, pretraining_text
from pipeline.nlp.training.vectors import build_static_vectors
from pipeline.settings import Settings

MODEL_NAME = "projektradar_news"
MODEL_VERSION = "0.1.1"
RULES = "projektradar_entity_rules"
TRIM = "projektradar_entity_trim"
# Training is deterministic for one set of these versions; another patch release of spaCy, thinc or
# numpy gives a model that differs by a point or two (measured), so the card records them.
TRAINING_PACKAGES = ("spacy", "thinc", "numpy", "gensim")


def spacy_train(config: Path, output: Path, corpus_dir: Path, overrides: dict[str, str]) -> subprocess.Popen:
    """Start ``spacy train`` single-threaded (the two trainings share the two cores)."""
    args = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output)]
    args += ["--paths.train", str(corpus_dir / "train.spacy"), "--paths.dev", str(corpus_dir / "dev.spacy")]
    for key, value in overrides.items():
        args += [f"--{key}", str(value)]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    output.mkdir(parents=True, exist_ok=True)
    log = (output / "train.log").open("w")
    return subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env)


def wait(process: subprocess.Popen, what: str, output: Path) -> None:
    if process.wait() != 0:
        tail = (output / "train.log").read_text(encoding="utf-8")[-3000:]
        raise RuntimeError(f"Training the {what} failed:\n{tail}")


def assemble(ud_model: Path, ner_model: Path, morph_table: Path):
    """Treebank pipeline + sourced NER (its own tok2vec and the static vectors it reads) + the project's
    rule components; the entity rules run before the NER, which keeps their spans (better than after
    it, see MODEL.md)."""
    nlp = spacy.load(ud_model, exclude=["ner", "projektradar_morph_lexicon", RULES, TRIM])
    ner = spacy.load(ner_model)
    nlp.vocab.vectors = ner.vocab.vectors
    nlp.add_pipe("ner", source=ner)
    lexicon = nlp.add_pipe("projektradar_morph_lexicon", after="morphologizer")
    lexicon.load_table(morph_table)
    nlp.add_pipe(RULES, before="ner")
    nlp.add_pipe(TRIM, after="ner")
    return nlp


def mention_swap_level(ner_overrides: dict) -> float:
    """Share of training sentences the augmenter swaps: ner.cfg's level unless overridden. The mention
    pool (a second pass over the 5M-line lexicon) is built only when it is above 0."""
    key = "corpora.train.augmenter.level"
    if key in ner_overrides:
        return float(ner_overrides[key])
    return float(
        load_config(CONFIG_DIR / "ner.cfg", interpolate=False)["corpora"]["train"]["augmenter"]["level"]
    )


def train_pipeline(
    settings: Settings,
    work_dir: Path,
    config: dict,
    overrides: dict[str, dict[str, str]] | None = None,
    say: Callable[[str], None] = print,
    ud_model: Path | None = None,
):
    """Convert, train and assemble in ``work_dir``; returns the pipeline and the build details.

    ``ud_model`` reuses an already trained treebank pipeline (NER experiments do not change it)."""
    overrides = overrides or {}
    started = time.monotonic()
    timings: dict[str, float] = {}

    say(f"Converting corpora from {settings.nlp_data_dir} …")
    ner_stats = data.build_ner(settings.nlp_data_dir, work_dir / "corpus" / "ner", config)
    ud_stats = data.build_ud(settings.nlp_data_dir, work_dir / "corpus" / "ud", config)
    timings["convert"] = time.monotonic() - started

    say("Training treebank pipeline; building static vectors, then training the NER …")
    if ud_model is None:
        ud_run = spacy_train(
            CONFIG_DIR / "ud.cfg", work_dir / "ud", work_dir / "corpus" / "ud", overrides.get("ud", {})
        )
    vector_counts = build_static_vectors(
        settings.nlp_data_dir / LEXICON_FILE,
        work_dir / "static_vectors",
        work_dir / "corpus" / "ner" / "text.txt",
        config["word_vectors"],
        raw_dir=settings.nlp_data_dir / "raw",
        cache_dir=settings.cache_dir / "word_vectors",
    )
    timings["vectors"] = time.monotonic() - started - timings["convert"]
    ner_overrides = {"paths.vectors": str(work_dir / "static_vectors"), **overrides.get("ner", {})}
    mention_counts: dict[str, int] = {}  # empty: no mention replacement
    if mention_swap_level(ner_overrides) > 0:
        mentions = work_dir / "corpus" / "ner" / "mentions.json"
        mention_counts = augment.write_mention_pool(
            augment.mention_pool(
                DocBin().from_disk(work_dir / "corpus" / "ner" / "train.spacy").get_docs(Vocab()),
                settings.nlp_data_dir / LEXICON_FILE,
            ),
            mentions,
        )
        ner_overrides["paths.mentions"] = str(mentions)
    if config["pretraining"]["epochs"]:
        pretraining_text_path = work_dir / "corpus" / "ner" / "pretraining_text.txt"
        pretraining_text(
            work_dir / "corpus" / "ner" / "text.txt",
            [settings.nlp_data_dir / "raw" / name for name in config["pretraining"].get("raw", [])],
            config["pretraining"].get("raw_tokens"),
            pretraining_text_path,
        )
        ner_overrides["paths.pretrained_tok2vec"] = str(
            pretrain_tok2vec(
                pretraining_text_path,
                work_dir / "static_vectors",
                work_dir / "pretrain",
                config["pretraining"]["epochs"],
                ner_overrides,
            )
        )
        timings["pretrain"] = time.monotonic() - started - sum(timings.values())
    ner_run = spacy_train(
        CONFIG_DIR / "ner.cfg", work_dir / "ner", work_dir / "corpus" / "ner", ner_overrides
    )
    lexicon_counts = build_morph_table(settings.nlp_data_dir / LEXICON_FILE, work_dir / "morph_table.tsv.gz")
    if ud_model is None:
        wait(ud_run, "treebank pipeline", work_dir / "ud")
        ud_model = work_dir / "ud" / "model-best"
    wait(ner_run, "NER", work_dir / "ner")
    timings["train"] = time.monotonic() - started - sum(timings.values())

    say("Assembling and evaluating …")
    nlp = assemble(ud_model, work_dir / "ner" / "model-best", work_dir / "morph_table.tsv.gz")
    groups = {name: spec["group"] for name, spec in config["ner"].items()}
    metrics = measure(nlp, work_dir, groups)
    timings["evaluate"] = time.monotonic() - started - sum(timings.values())
    details = {
        "metrics": metrics,
        "ner_data": ner_stats,
        "ud_data": ud_stats,
        "lexicon": lexicon_counts,
        "static_vectors": vector_counts,
        "mention_pool": mention_counts,
        "timings": timings,
        "packages": {name: version(name) for name in TRAINING_PACKAGES},
    }
    return nlp, details


def build_model(settings: Settings, work_dir: Path | None = None, say: Callable[[str], None] = print) -> Path:
    """Build, evaluate and cache the model, write its card; returns its directory in the cache."""
    fingerprint = recipe_fingerprint(settings)
    target = models_dir(settings) / fingerprint
    keep_work_dir = work_dir is not None
    work_dir = work_dir or Path(tempfile.mkdtemp(prefix="projektradar-model-"))
    nlp, details = train_pipeline(settings, work_dir, data.corpora_config(), say=say)
    details["fingerprint"] = fingerprint
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "German pipeline trained offline by projektradar (make model) from open corpora.",
            "author": "projektradar",
            "license": f"{card.model_licence()} (derived from the training data, see MODEL.md)",
            "sources": card.sources(),
            "performance": details["metrics"]["treebank"],
            "projektradar": {"fingerprint": fingerprint},
        }
    )
    staging = models_dir(settings) / f".{fingerprint}.building"
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(staging)
    (staging / "metrics.json").write_text(json.dumps(details, indent=2, ensure_ascii=False), encoding="utf-8")
    model_card = card.render(details, nlp)
    (staging / "MODEL.md").write_text(model_card, encoding="utf-8")
    card.MODEL_CARD_PATH.write_text(model_card, encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    if not keep_work_dir:
        shutil.rmtree(work_dir, ignore_errors=True)
    say(f"Model ready in {target} ({sum(details['timings'].values()) / 60:.1f} min)")
    return target


def measure(nlp, work_dir: Path, groups: dict[str, str]) -> dict:
    """Held-out scores: treebank with and without the lexicon component; NER without rules, with the
    rules before the NER (the shipped placement) and after it (measured alternative), and with the
    entity trim after all of them (shipped)."""
    test_dir = work_dir / "corpus" / "ner" / "test"
    treebank_test = work_dir / "corpus" / "ud" / "test.spacy"
    metrics = {"treebank": evaluate.evaluate_treebank(nlp, treebank_test)}
    with nlp.select_pipes(disable=["projektradar_morph_lexicon"]):
        metrics["treebank_without_lexicon"] = evaluate.evaluate_treebank(nlp, treebank_test)
    with nlp.select_pipes(disable=[RULES, TRIM]):
        metrics["ner_statistical"] = evaluate.evaluate_ner(nlp, test_dir, groups)
    with nlp.select_pipes(disable=[TRIM]):
        metrics["ner_untrimmed"] = evaluate.evaluate_ner(nlp, test_dir, groups)
    metrics["ner"] = evaluate.evaluate_ner(nlp, test_dir, groups)
    nlp.remove_pipe(RULES)
    nlp.add_pipe(RULES, after="ner")
    with nlp.select_pipes(disable=[TRIM]):
        metrics["ner_rules_after"] = evaluate.evaluate_ner(nlp, test_dir, groups)
    nlp.remove_pipe(RULES)
    nlp.add_pipe(RULES, before="ner")
    return metrics
