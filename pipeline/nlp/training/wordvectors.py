"""Word2vec vectors for the NER's static vectors, from the corpora' training text and, optionally, the
unannotated German of ``raw/`` (Bundestag speeches and federal laws, 37M tokens).

Training on the raw text takes minutes, so the vectors are cached under their own fingerprint: the
hash of their inputs (the corpora' text, the raw files, the settings and this file), not of the whole
recipe. A recipe change that leaves these inputs alone (a training setting, a corpus' sampling share,
a rule) reuses them. Test text is never part of the input.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import numpy

TOKEN_RE = re.compile(r"\w+(?:[-'’.&/]\w+)*|[^\w\s]")
# Markdown of the laws: headings, list and table signs, emphasis.
_MARKUP_RE = re.compile(r"^[#>*|:\-\s]+|\*\*?|`|\|")
DEFAULTS = {"raw": [], "sg": 1, "max_vocab": None}


def settings_with_defaults(settings: dict) -> dict:
    return {**DEFAULTS, **settings}


def raw_paragraphs(path: Path) -> Iterator[str]:
    """Paragraphs of a ``raw/`` JSONL file: speeches are split at newlines; laws (Markdown with a YAML
    front matter and hard-wrapped lines) at blank lines, their lines joined and markup removed."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            if text.startswith("---\n"):
                end = text.find("\n---", 3)
                text = text[end + 4 :] if end > 0 else text
                blocks = (
                    " ".join(_MARKUP_RE.sub(" ", ln) for ln in b.split("\n")) for b in text.split("\n\n")
                )
            else:
                blocks = iter(text.split("\n"))
            yield from (b for b in blocks if b.strip())


def tokenize(text: str) -> list[str]:
    """Close to spaCy's German tokenizer for what matters to vectors: punctuation split off, hyphenated
    compounds („EU-Kommission“) and abbreviations with inner dots kept whole."""
    return TOKEN_RE.findall(text)


def write_raw_text(paths: list[Path], out) -> int:
    """Append the tokenized paragraphs (at least 3 tokens) of ``paths`` to ``out``; returns tokens."""
    tokens = 0
    for path in paths:
        for paragraph in raw_paragraphs(path):
            words = tokenize(paragraph)
            if len(words) >= 3:
                tokens += len(words)
                out.write(" ".join(words) + "\n")
    return tokens


def fingerprint(text_path: Path, raw_paths: list[Path], settings: dict) -> str:
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    digest.update(f"gensim {version('gensim')}".encode())
    for path in [Path(__file__), text_path, *raw_paths]:
        digest.update(path.name.encode())
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:16]


def word_vectors(
    text_path: Path, settings: dict, raw_dir: Path | None = None, cache_dir: Path | None = None
) -> tuple[dict[str, numpy.ndarray], dict]:
    """Unit-length word2vec vectors of the words seen ``min_count`` times in ``text_path`` plus the
    raw files ``settings["raw"]`` (under ``raw_dir``), from the cache when their inputs are unchanged.
    Returns the vectors and build facts (tokens, seconds, whether cached)."""
    import time

    settings = settings_with_defaults(settings)
    raw_paths = [raw_dir / name for name in settings["raw"]] if raw_dir else []
    key = fingerprint(text_path, raw_paths, settings)
    cached = cache_dir / key if cache_dir else None
    if cached and (cached / "vectors.npy").is_file():
        text = (cached / "words.txt").read_text(encoding="utf-8")
        words = text.split("\n") if text else []
        table = numpy.load(cached / "vectors.npy")
        info = json.loads((cached / "info.json").read_text(encoding="utf-8"))
        return dict(zip(words, table, strict=True)), {**info, "cached": True, "fingerprint": key}
    started = time.monotonic()
    corpus = text_path
    tokens = 0
    if raw_paths:
        corpus = text_path.with_name("word_vector_text.txt")
        with corpus.open("w", encoding="utf-8") as out:
            with text_path.open(encoding="utf-8") as own:
                shutil.copyfileobj(own, out)
            tokens = write_raw_text(raw_paths, out)
    words, table = _train(corpus, settings)
    if corpus != text_path:
        corpus.unlink()
    info = {"raw_tokens": tokens, "vocabulary": len(words), "seconds": round(time.monotonic() - started)}
    if cached:
        staging = cached.with_name(f".{key}.tmp")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        (staging / "words.txt").write_text("\n".join(words), encoding="utf-8")
        numpy.save(staging / "vectors.npy", table)
        (staging / "info.json").write_text(json.dumps(info), encoding="utf-8")
        shutil.rmtree(cached, ignore_errors=True)
        staging.rename(cached)
    return dict(zip(words, table, strict=True)), {**info, "cached": False, "fingerprint": key}


def _train(corpus: Path, settings: dict) -> tuple[list[str], numpy.ndarray]:
    """Skip-gram (``sg`` 1) or CBOW vectors, one thread (the treebank trains on the other core). The
    corpora' text alone is streamed as before raw/ was added (the shipped model's vectors stay the
    same); with raw/ gensim reads the file itself (``corpus_file``), which is faster."""
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence

    source = {"corpus_file": str(corpus)} if settings["raw"] else {"sentences": LineSentence(str(corpus))}
    model = Word2Vec(
        **source,
        vector_size=settings["dim"],
        min_count=settings["min_count"],
        max_final_vocab=settings["max_vocab"],
        epochs=settings["epochs"],
        sg=settings["sg"],
        workers=1,
        seed=0,
    )
    return list(model.wv.index_to_key), model.wv.get_normed_vectors().astype("float32")
