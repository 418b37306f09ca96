"""The NER's static vectors: lexicon features of capitalised forms, optionally joined by word2vec vectors
trained on the raw text of the NER corpora and of ``raw/`` (``wordvectors.py``).

The lexicon part tells common nouns from names (``lexicon.py``); the word2vec part adds what ~20k
annotated sentences cannot teach: which words occur in similar contexts in the corpora' full training
and dev text (test text is never used). Both are built inside the recipe and stored with the model.
"""

from __future__ import annotations

from pathlib import Path

import numpy
import spacy
from spacy.strings import get_string_id
from spacy.vectors import Vectors

from pipeline.nlp.training.languagetool import LEXICON_FEATURES, lexicon_features
from pipeline.nlp.training.wordvectors import word_vectors


def build_static_vectors(
    lexicon_path: Path,
    out_dir: Path,
    text_path: Path,
    settings: dict,
    raw_dir: Path | None = None,
    cache_dir: Path | None = None,
) -> dict:
    """Write a blank pipeline holding the vectors (``paths.vectors`` of the NER). A row is
    ``[word2vec | lexicon features]``; forms without a word vector share one row per feature
    combination, so the table stays small. ``settings["dim"]`` 0 means lexicon features only;
    ``settings["raw"]`` names files in ``raw_dir`` whose text the word2vec part also learns from
    (``wordvectors.py``; cached in ``cache_dir`` under the fingerprint of its inputs)."""
    features = lexicon_features(lexicon_path)
    words, info = word_vectors(text_path, settings, raw_dir, cache_dir) if settings["dim"] else ({}, {})
    combinations = sorted({frozenset(features[form]) for form in features.keys() - words.keys()}, key=sorted)
    table = numpy.zeros((len(words) + len(combinations), settings["dim"] + len(LEXICON_FEATURES)), "float32")
    rows: dict[str, int] = {}
    for row, (word, vector) in enumerate(words.items()):
        table[row, : settings["dim"]] = vector
        rows[word] = row
    shared = {combination: len(words) + i for i, combination in enumerate(combinations)}
    for form in features.keys() - words.keys():
        rows[form] = shared[frozenset(features[form])]
    for form, feats in features.items():
        table[rows[form], [settings["dim"] + LEXICON_FEATURES.index(f) for f in feats]] = 1.0
    nlp = spacy.blank("de")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, name="projektradar_static")
    for form, row in rows.items():
        nlp.vocab.vectors.add(get_string_id(form), row=row)
    nlp.to_disk(out_dir)
    return {"forms": len(rows), "word_vectors": len(words), **{f"word2vec_{k}": v for k, v in info.items()}}
