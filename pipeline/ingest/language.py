"""Language identification (py3langid), so non-German texts are flagged instead of mis-processed."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 5_000  # enough for a confident guess, cheap for long reports
# Below this length, or below this confidence, a guess is too unreliable to skip a document on:
# a headline with English loan words ("Good Practices") must not be thrown out.
MIN_RELIABLE_CHARS = 60
MIN_CONFIDENCE = 0.95


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and the probability of the most likely language."""
    language, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return language, float(confidence)


def is_reliably_foreign(text: str, language: str, confidence: float, accepted: tuple[str, ...]) -> bool:
    return language not in accepted and len(text) >= MIN_RELIABLE_CHARS and confidence >= MIN_CONFIDENCE
