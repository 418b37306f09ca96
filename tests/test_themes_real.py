"""The real-paragraph theme gold: its held-back split, its texts read from ../shared, its agreement."""

from __future__ import annotations

from pipeline.settings import Settings
from pipeline.themes.codebook import load_codebook
from pipeline.themes.real import agreement, read_real_gold


def test_real_gold_splits_resolve_their_texts_and_report_agreement():
    test = read_real_gold(Settings(), "test")
    train = read_real_gold(Settings(), "train")
    assert (len(test.texts), len(train.texts)) == (515, 3341)
    assert not set(test.sources) & set(train.sources)  # a speech or article sits on one side only
    assert all(len(text) >= 200 for text in test.texts)  # Wikinews references read from ../shared
    kappa = agreement(load_codebook().ids)
    assert kappa["frauen_fuehrung"] > 0.97 and 0.88 < min(kappa.values()) < 0.89


def test_the_real_text_section_says_why_it_is_skipped(tmp_path):
    from pipeline.themes.evaluate import real_text

    lines, summary = real_text(Settings(shared_dir=tmp_path), load_codebook())
    assert lines[-1] == f"Skipped: the shared corpora are not at {tmp_path}." and summary == {}
