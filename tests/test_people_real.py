"""The real-news check's matching rules (the data itself stays in ../shared)."""

from __future__ import annotations

import json

import pytest

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


def test_a_report_of_some_rounds_is_named_apart_from_the_split_report():
    from pipeline.evaluation.people_real import report_name

    assert (report_name("test"), report_name("dev")) == ("people_real", "people_real_dev")
    assert report_name("dev", {6, 5}) == "people_real_dev_rounds5-6"


def test_f1_interval_is_a_seeded_bootstrap_over_documents():
    def scored(documents: int) -> SetScore:
        score = SetScore()
        for i in range(documents):  # every fourth document has one spurious and one missed name
            wrong = i % 4 == 0
            score.add({"a": "A", "b": "B"}, [("A", {"a"}), ("X", {"x"}) if wrong else ("B", {"b"})], set())
        return score

    assert scored(1).f1_interval is None  # one document has no spread to resample
    small, large = scored(8), scored(80)
    assert small.f1 == large.f1 == 0.875
    assert small.f1_interval == scored(8).f1_interval  # seeded: a report is reproducible
    (low, high), (large_low, large_high) = small.f1_interval, large.f1_interval
    assert low < large_low < 0.875 < large_high <= high == 1.0  # more documents, a narrower interval
    assert small.as_dict()["f1_interval"] == small.f1_interval


def test_annotated_articles_score_mentions_role_heads_variants_and_gender():
    from types import SimpleNamespace

    from pipeline.evaluation.people_real import GenderScore, score_annotated
    from pipeline.extract.records import Mention, Organisation, Person, Role

    gold = {
        "persons": [
            {"name": "Frank-Jürgen Weise", "mentions": ["Weise"], "role_heads": ["Chefs"], "gender": "male"},
            {
                "name": "Ursula von der Leyen",
                "mentions": [],
                "role_heads": ["Ministerin"],
                "gender": "female",
            },
        ],
        "organisations": [
            {"name": "Bundesagentur für Arbeit", "variants": ["BA"]},
            {"name": "NATO", "variants": []},
        ],
    }
    persons = [
        Person(0, "Weise", mentions=[Mention(0, 5, "Weise", 0)], gender="female"),
        Person(1, "Heinz Müller"),
    ]
    roles = [
        Role(0, "Chef der BA", 0, 11, "Chef/in", short="Chef"),
        Role(1, "Sprecher", 0, 8, "Sprecher/in", short="Sprecher"),
    ]
    orgs = [Organisation(0, "BA", mentions=[Mention(0, 2, "BA", 0)])]
    doc = SimpleNamespace(_=SimpleNamespace(persons=persons, roles=roles, organisations=orgs))
    scores = {
        "persons": SetScore(),
        "role_heads": SetScore(),
        "organisations": SetScore(),
        "gender": GenderScore(),
    }
    score_annotated(doc, gold, scores)
    assert (scores["persons"].predicted_hit, scores["persons"].gold_hit, scores["persons"].gold) == (1, 1, 2)
    assert scores["role_heads"].predicted_hit == 1  # „Chef“ = gold „Chefs“ (genitive)
    assert scores["role_heads"].spurious == ["Heinz Müller: Sprecher"]
    assert (scores["organisations"].gold_hit, scores["organisations"].missed) == (1, ["NATO"])
    assert scores["gender"].wrong == ["Weise: female (gold male)"]
    assert scores["gender"].documents == [(1, 0)]  # one document: one gender stated, none right


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Ministerpräsidenten", "Ministerpräsident", True),  # the guidelines allow inflected heads
        ("Vorsitzenden", "Vorsitzender", True),
        ("Kauffrau", "Kaufmann", True),  # one role, as the lexicon normalises it
        ("Staatsführers", "Staatsführer", True),
        ("IHK-Präsidentin", "Präsidentin", False),  # a prefix joined by a hyphen is kept
        ("Bundesinnenminister", "Minister", False),
        ("Hartz-IV-Empfängers", "Hartz-IV-Empfänger", True),  # no role noun: the genitive only
    ],
)
def test_role_heads_are_compared_without_inflection(gold, predicted, same):
    from pipeline.evaluation.people_real import role_head_key

    assert (role_head_key(gold) == role_head_key(predicted)) is same


def test_the_wikinews_gold_is_consistent_with_its_articles():
    from pipeline.evaluation.people_real import wikinews_documents
    from pipeline.settings import Settings

    documents = wikinews_documents(Settings(), "dev") + wikinews_documents(Settings(), "test")
    assert len(documents) == 358
    assert len(wikinews_documents(Settings(), "dev", rounds={5, 6})) == 85  # the NER never trained on them
    assert len(wikinews_documents(Settings(), "test", rounds={7})) == 43
    for document in documents:
        for person in document.annotated["persons"]:
            assert person["gender"] in {"female", "male", "unknown"}
            assert all(m in document.text for m in person["mentions"]), person
            assert all(h in document.text for h in person["role_heads"]), person


def test_names_compare_without_the_spaces_of_a_text_rebuilt_from_tokens():
    from pipeline.evaluation.names import name_key

    assert name_key("Sean O ’ Keefe") == name_key("Sean O’Keefe") == "sean o’keefe"
    assert name_key("Robert M. Böhmer") == "robert böhmer"


def test_the_report_names_the_model_build_it_measured(tmp_path):
    """Scores differ between builds of one recipe, so the report records the build's weights."""
    from pipeline.evaluation.people_real import evaluate_real
    from pipeline.nlp import load_nlp
    from pipeline.settings import Settings

    scores = evaluate_real(tmp_path, "dev", limit=2, rounds={5})
    _, model = load_nlp(settings=Settings())
    report = json.loads(
        (tmp_path / "evaluation" / "people_real_dev_rounds5.json").read_text(encoding="utf-8")
    )
    assert report["documents"] == 8 and report["model"]["weights"] == model.weights != ""
    markdown = (tmp_path / "evaluation" / "people_real_dev_rounds5.md").read_text(encoding="utf-8")
    assert f"weights `{model.weights}`" in markdown
    assert scores["wikinews-gold"]["persons"].gold > 0
