"""Themes stage: which themes of the funding mission a document addresses, with evidence.

The runner calls :func:`load_theme_model` once and :meth:`ThemeModel.classify` per document; the
rows go to the ``paragraph_themes`` and ``themes`` tables (pipeline/schema.py). The codebook is
``pipeline/resources/themes.yml``; ``projektradar themes --help`` trains, evaluates and exports
paragraphs for labelling.
"""

from importlib import import_module

from pipeline.themes.codebook import Codebook, CodebookError, load_codebook

# scikit-learn loads only when the model is used (PEP 562), so the CLI and a no-change rerun start fast.
_LAZY = {
    "ThemeModel": "pipeline.themes.model",
    "load_theme_model": "pipeline.themes.train",
    "train_theme_model": "pipeline.themes.train",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Codebook",
    "CodebookError",
    "ThemeModel",
    "load_codebook",
    "load_theme_model",
    "train_theme_model",
]
