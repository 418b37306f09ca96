"""The real-paragraph theme gold: its held-back split, its texts read from ../shared, its agreement."""

from __future__ import annotations

from pipeline.settings import Settings
from pipeline.themes.codebook import load_codebook
from pipeline.themes.real import agreement, read_real_gold


def test_real_gold_splits_resolve_their_texts_and_report_agreement():
    test = read_real_gold(Settings(), "test")
    train = read_real_gold(Settings(), "train")
    assert (len(test.texts), len(train.texts)) == (515, 4021)
    assert not set(test.sources) & set(train.sources)  # a speech or article sits on one side only
    assert all(len(text) >= 200 for text in test.texts)  # Wikinews references read from ../shared
    kappa = agreement(load_codebook().ids)
    assert kappa["frauen_fuehrung"] > 0.97 and 0.89 < min(kappa.values()) < 0.90


def test_the_real_text_section_says_why_it_is_skipped(tmp_path):
    from pipeline.themes.evaluate import real_text

    lines, summary = real_text(Settings(shared_dir=tmp_path), load_codebook())
    assert lines[-1] == f"Skipped: the shared corpora are not at {tmp_path}." and summary == {}


def test_round_sample_takes_claims_and_near_misses_from_unused_speeches(tmp_path):
    import gzip
    import json
    from types import SimpleNamespace

    import numpy as np

    from pipeline.themes.real import sample_around_thresholds

    data = tmp_path / "german-nlp-data"
    (data / "quotes" / "spkatt2023-train" / "articles").mkdir(parents=True)
    (data / "raw").mkdir()
    paragraph = "Das Netzwerk der Träger trifft sich jeden Monat, um Erfahrungen auszutauschen. " * 4
    speeches = [{"id": f"S{n}", "text": f"{paragraph} Rede {n}."} for n in range(6)]
    with gzip.open(data / "raw" / "bundestag-wp20-speeches.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(speech) + "\n" for speech in speeches)
    scores = {"0": 0.9, "1": 0.85, "2": 0.5, "3": 0.45, "4": 0.1, "5": 0.95}  # speech S5 is used
    model = SimpleNamespace(
        codebook=SimpleNamespace(ids=["netzwerk"]),
        thresholds=np.array([0.8]),
        predict_proba=lambda texts: np.array([[scores[t.rstrip(".")[-1]]] for t in texts]),
    )
    sample = sample_around_thresholds(
        Settings(shared_dir=tmp_path),
        model,
        {"netzwerk": 2},
        leave_out={"bundestag:S5"},
        random_paragraphs=0,
    )
    sources = sorted(p.source for p in sample)
    assert len(sources) == 2 and "bundestag:S5#0" not in sources
    # one claim (S0 or S1 at 0.85–0.9) and one near miss (S2 or S3 between 0.4 and 0.8); never S4
    assert {s[10:12] for s in sources} & {"S0", "S1"} and {s[10:12] for s in sources} & {"S2", "S3"}
