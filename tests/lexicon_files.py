"""Small lexicons in LanguageTool's format for tests of the model recipe."""

from __future__ import annotations

import gzip
from pathlib import Path


def write_lexicon(directory: Path, lines: str) -> Path:
    """Form, lemma, tag per line, gzipped like the real ``german_pos_dict.form_lemma_tag.tsv.gz``."""
    path = directory / "dict.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(lines)
    return path
