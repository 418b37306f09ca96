"""German NLP at run time: which spaCy pipeline runs (official de_core_news_sm or the project's
offline-trained model), loading it with the project's components, and the first-name look-ups other
stages share. Building the offline model lives in :mod:`pipeline.nlp.training`."""

from pipeline.nlp.first_names import first_name_gender, first_name_verdict, known_first_name
from pipeline.nlp.resolve import ModelInfo, ModelNotFoundError, resolve_model

__all__ = [
    "ModelInfo",
    "ModelNotFoundError",
    "first_name_gender",
    "first_name_verdict",
    "known_first_name",
    "load_nlp",
    "resolve_model",
]


def __getattr__(name: str):
    """``load_nlp`` imports spaCy only when used (PEP 562): resolving the model name, as a no-change
    rerun does, needs no spaCy."""
    if name == "load_nlp":
        from pipeline.nlp.load import load_nlp

        return load_nlp
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
