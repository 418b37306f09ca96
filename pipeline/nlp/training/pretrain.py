"""Pretraining of the NER's tok2vec on raw corpus text (``spacy pretrain``, character objective).

The NER learns from ~20k annotated sentences, but the corpora hold the text of far more (every NER
corpus' training and dev split in full, ``text.txt``). ``spacy pretrain`` teaches the NER's tok2vec to
predict each word's first and last characters from its context on that text, and the NER starts from
those weights (``paths.pretrained_tok2vec``). The tok2vec architecture is read from ``ner.cfg`` so
the two can never differ; ``corpora.yml`` → ``pretraining`` sets the epochs (0 = off) and, optionally,
files of ``raw/`` whose paragraphs are added to that text (``raw``, up to ``raw_tokens`` tokens).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.util import load_config, registry
from thinc.api import Config

from pipeline.nlp.training.data import CONFIG_DIR
from pipeline.nlp.training.wordvectors import raw_paragraphs, tokenize

NER_TOK2VEC = "components.ner.model.tok2vec"
PRETRAINED_TOK2VEC = "components.tok2vec.model"
# spaCy's PlainTextCorpus drops lines longer than pretrain.cfg's max_length (500 tokens): long
# paragraphs are cut into lines at sentence ends below this length.
LINE_TOKENS = 400
SENTENCE_END = {".", "!", "?"}


def text_lines(words: list[str], limit: int = LINE_TOKENS) -> list[list[str]]:
    """``words`` cut after a sentence end into lines of at most ``limit`` tokens where possible (a
    longer sentence is cut at the limit)."""
    lines: list[list[str]] = []
    line: list[str] = []
    sentence: list[str] = []
    for word in words:
        sentence.append(word)
        if word in SENTENCE_END or len(sentence) == limit:
            if len(line) + len(sentence) > limit:
                lines.append(line)
                line = []
            line += sentence
            sentence = []
    if len(line) + len(sentence) > limit:
        lines.append(line)
        line = []
    lines.append(line + sentence)
    return [line for line in lines if line]


def pretraining_text(corpus_text: Path, raw_paths: list[Path], max_tokens: int | None, out: Path) -> int:
    """The corpora' text followed by the paragraphs of ``raw_paths`` (at least 3 tokens, in file
    order, up to ``max_tokens`` raw tokens) as one line per paragraph piece; returns the raw tokens."""
    tokens = 0
    with out.open("w", encoding="utf-8") as handle:
        handle.write(corpus_text.read_text(encoding="utf-8"))
        for path in raw_paths:
            for paragraph in raw_paragraphs(path):
                words = tokenize(paragraph)
                if len(words) < 3:
                    continue
                for line in text_lines(words):
                    handle.write(" ".join(line) + "\n")
                tokens += len(words)
                if max_tokens is not None and tokens >= max_tokens:
                    return tokens
    return tokens


def pretraining_config(epochs: int):
    """``ner.cfg`` turned into a one-component pipeline: its NER's tok2vec as the ``tok2vec``
    component, with the ``[pretraining]`` block of ``pretrain.cfg``."""
    config = load_config(CONFIG_DIR / "ner.cfg", interpolate=False)
    template = load_config(CONFIG_DIR / "pretrain.cfg", interpolate=False)
    config["nlp"]["pipeline"] = ["tok2vec"]
    config["components"] = {
        "tok2vec": {"factory": "tok2vec", "model": config["components"]["ner"]["model"]["tok2vec"]}
    }
    config["corpora"] = template["corpora"]
    config["pretraining"] = template["pretraining"]
    config["pretraining"]["max_epochs"] = epochs
    config["paths"]["raw_text"] = None
    config["initialize"]["after_init"] = None
    # References inside the copied block (the embedding width) must point at its new place.
    return Config().from_str(config.to_str().replace(NER_TOK2VEC, PRETRAINED_TOK2VEC), interpolate=False)


def pretrain_tok2vec(
    text_path: Path, vectors: Path, out_dir: Path, epochs: int, ner_overrides: dict[str, str]
) -> Path:
    """Run ``spacy pretrain`` single-threaded (the treebank trains on the other core); returns the
    weights file for ``paths.pretrained_tok2vec``. Overrides of the NER's tok2vec apply here too."""
    out_dir.mkdir(parents=True, exist_ok=True)
    config_path = out_dir / "pretrain.cfg"
    pretraining_config(epochs).to_disk(config_path)
    args = [sys.executable, "-m", "spacy", "pretrain", str(config_path), str(out_dir / "weights")]
    args += ["--paths.raw_text", str(text_path), "--paths.vectors", str(vectors)]
    for key, value in ner_overrides.items():
        if key.startswith(NER_TOK2VEC):
            args += [f"--{PRETRAINED_TOK2VEC}{key.removeprefix(NER_TOK2VEC)}", str(value)]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    with (out_dir / "pretrain.log").open("w") as log:
        result = subprocess.run(args, stdout=log, stderr=subprocess.STDOUT, env=env, check=False)
    if result.returncode != 0:
        tail = (out_dir / "pretrain.log").read_text(encoding="utf-8")[-3000:]
        raise RuntimeError(f"Pretraining the NER's tok2vec failed:\n{tail}")
    return out_dir / "weights" / "model-last.bin"


@registry.callbacks("projektradar.pretrained_ner_tok2vec.v1")
def create_pretrained_ner_tok2vec(path: str | None) -> Callable[[Language], Language]:
    """``[initialize.after_init]`` callback: load pretrained weights into the NER's own tok2vec (spaCy's
    ``init_tok2vec`` expects a separate tok2vec component). No path: the NER starts from scratch."""

    def load(nlp: Language) -> Language:
        if path:
            nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0].from_bytes(Path(path).read_bytes())
        return nlp

    return load
