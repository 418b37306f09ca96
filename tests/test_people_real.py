"""The real-news check's matching rules (the data itself stays in ../shared)."""

from __future__ import annotations

from pipeline.evaluation.people_real import SetScore, gold_persons, person_key


def test_gold_surnames_map_to_the_full_name_and_genitives_match():
    persons, full = gold_persons(["Angela Merkel", "Merkels", "Schröder"])
    assert persons == {"angela merkel": "Angela Merkel", "schröder": "Schröder"}
    assert full == {"angela merkel"}
    assert person_key("Merkel’s") == person_key("Merkel's") == "merkel"


def test_set_score_counts_predictions_and_gold_items_separately():
    score = SetScore()
    score.add({"a b": "A B", "c": "C"}, [("A B", {"a b"}), ("X", {"x"})], {"a b"})
    assert (score.precision, score.recall, score.full_gold_hit) == (0.5, 0.5, 1)
    assert (score.missed, score.spurious) == (["C"], ["X"])
