"""Where the trained model lives and what identifies it.

The fingerprint hashes everything the saved model is built from: the shared corpora and lexicon, the
training package (:mod:`pipeline.nlp.training`, its code and configs), the rule data, and the runtime
modules whose code goes into the model directory or its measured scores (:data:`MODEL_CODE`). A second
``make setup`` thus finds the model in seconds, and any change to the recipe builds a new one next to
the old. Runtime helpers that only read a loaded model (sentence boundaries, parts, the gazetteer, the
extract stage) stay outside it, so editing them never forces a rebuild.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from pipeline.settings import RESOURCES_DIR, Settings

NLP_DIR = Path(__file__).resolve().parent
TRAINING_DIR = NLP_DIR / "training"
# The rule and lexicon components the model directory saves (their data and their to_disk), the span
# trimming that shapes the gold spans, and the first-name and morphology tables they read.
MODEL_CODE = ("components.py", "spans.py", "first_names.py", "morph_table.py")
RULE_RESOURCES = ("ner_label_map.yml", "organisation_patterns.yml", "organisation_abbreviations.tsv")


def models_dir(settings: Settings) -> Path:
    return settings.cache_dir / "models"


def recipe_code() -> list[Path]:
    """The code files of the recipe, in a fixed order: the training package, then :data:`MODEL_CODE`."""
    return [*sorted(TRAINING_DIR.glob("*.py")), *(NLP_DIR / name for name in MODEL_CODE)]


def recipe_inputs(settings: Settings) -> list[Path]:
    """Every file whose content determines the trained model."""
    from pipeline.nlp.training.data import CONFIG_DIR, LEXICON_FILE, corpora_config, source_files

    data_files = [
        *source_files(settings.nlp_data_dir, corpora_config()),
        settings.nlp_data_dir / LEXICON_FILE,
    ]
    configs = [*sorted(CONFIG_DIR.glob("*.cfg")), CONFIG_DIR / "corpora.yml"]
    return [*configs, *recipe_code(), *(RESOURCES_DIR / name for name in RULE_RESOURCES), *data_files]


def recipe_fingerprint(settings: Settings) -> str:
    """Short content hash of the recipe; raises FileNotFoundError when the shared data is absent."""
    digest = hashlib.sha256(f"spacy {version('spacy')}".encode())
    for path in recipe_inputs(settings):
        digest.update(path.name.encode())
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:16]


def _stats(paths: list[Path]) -> list[list]:
    return [[str(p), p.stat().st_mtime_ns, p.stat().st_size] for p in paths]


def current_fingerprint(settings: Settings) -> str | None:
    """The recipe fingerprint, or None when its inputs cannot be read (no ``../shared`` here).

    Hashing the inputs reads ~60 MB, so the result is remembered in the model cache with the inputs'
    sizes and modification times; while none of them changed (``corpora.yml``, which names the data
    files, is one of them), a run reads the fingerprint from there, without importing spaCy."""
    memo_path = models_dir(settings) / "fingerprint.json"
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
        unchanged = memo["stats"] == _stats([Path(p) for p, _, _ in memo["stats"]])
        same_files = memo["code"] == [str(p) for p in recipe_code()]  # a training module added or removed
        if unchanged and same_files and memo["shared"] == str(settings.nlp_data_dir):
            return memo["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        stats = _stats(recipe_inputs(settings))
        fingerprint = recipe_fingerprint(settings)
    except FileNotFoundError:
        return None
    from pipeline.export import atomic_write_text

    memo = {
        "fingerprint": fingerprint,
        "shared": str(settings.nlp_data_dir),
        "code": [str(p) for p in recipe_code()],
        "stats": stats,
    }
    with contextlib.suppress(OSError):  # a read-only cache still works, only slower
        atomic_write_text(memo_path, json.dumps(memo, indent=1) + "\n")
    return fingerprint
