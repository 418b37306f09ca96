"""Themes stage: which themes of the funding mission a document addresses, with evidence.

The runner calls :func:`load_theme_model` once and :meth:`ThemeModel.classify` per document; the
rows go to the ``paragraph_themes`` and ``themes`` tables (pipeline/schema.py). The codebook is
``pipeline/resources/themes.yml``; ``projektradar themes --help`` trains, evaluates and exports
paragraphs for labelling.
"""

from pipeline.themes.codebook import Codebook, CodebookError, load_codebook
from pipeline.themes.model import ThemeModel
from pipeline.themes.train import load_theme_model, train_theme_model

__all__ = [
    "Codebook",
    "CodebookError",
    "ThemeModel",
    "load_codebook",
    "load_theme_model",
    "train_theme_model",
]
