"""Load the resolved pipeline once per process, with the project's rule components in place."""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language

from pipeline.nlp.resolve import ModelInfo, resolve_model
from pipeline.settings import Settings

RULE_COMPONENTS = ("projektradar_entity_rules",)
_LOADED: dict[tuple[str, tuple[str, ...]], tuple[Language, ModelInfo]] = {}


def ensure_rule_components(nlp: Language) -> Language:
    """Add the entity rules before the NER (as in the project's model) when a pipeline, e.g. the official
    de_core_news_sm, lacks them, so that every model yields the same organisations and people; then
    the known organisations after every other entity component (:mod:`pipeline.nlp.known`); and the
    sentence boundaries of blank lines before the parser (:mod:`pipeline.nlp.sentences`)."""
    import pipeline.nlp.components  # noqa: F401  (registers the factories for pipelines without them)
    from pipeline.nlp.known import COMPONENT
    from pipeline.nlp.sentences import PARAGRAPH_BREAKS

    if PARAGRAPH_BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")

    for factory in RULE_COMPONENTS:
        if not any(nlp.get_pipe_meta(name).factory == factory for name in nlp.pipe_names):
            placement = {"before": "ner"} if "ner" in nlp.pipe_names else {"last": True}
            nlp.add_pipe(factory, **placement)
    if COMPONENT not in nlp.pipe_names:
        entity_steps = [n for n in nlp.pipe_names if n == "ner" or n.startswith("projektradar_entity")]
        nlp.add_pipe(COMPONENT, **({"after": entity_steps[-1]} if entity_steps else {"last": True}))
    return nlp


def load_nlp(
    model: str | None = None, settings: Settings | None = None, disable: Iterable[str] = ()
) -> tuple[Language, ModelInfo]:
    """The German pipeline and what it is; cached so that every stage shares one loaded model."""
    info = resolve_model(model, settings)
    key = (info.path, tuple(sorted(disable)))
    if key not in _LOADED:
        nlp = spacy.load(info.path, disable=list(disable))
        _LOADED[key] = (ensure_rule_components(nlp), info)
    return _LOADED[key]
