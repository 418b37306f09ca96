"""The gazetteer of known organisations: its patterns, and the loaded pipeline on real-looking news."""

from __future__ import annotations

import json
import re

import pytest
import spacy
from spacy.tokens import Span

from pipeline.extract import EXTRACTORS, add_extractors
from pipeline.nlp import load_nlp
from pipeline.nlp.known import (
    COMPONENT,
    GENITIVE_ENDINGS,
    MEDIA_TITLE,
    compound_pattern,
    gazetteer_name,
    is_known_organisation,
    is_national_body,
    known_names,
    media_noun_pattern,
    name_forms,
    portfolio_pattern,
    weak_adjective_form,
)
from pipeline.settings import Settings


def tagged(text: str, entities: list[tuple[int, int, str]]):
    """The known-entity component run over ``text`` whose NER entities are
    ``entities``: (start token, end token, label)."""
    nlp = spacy.blank("de")
    component = nlp.add_pipe(COMPONENT)
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label) for start, end, label in entities]
    return component(doc)


def test_compounds_of_a_known_prefix_and_a_body_are_organisations():
    pattern = re.compile(compound_pattern())
    for word in ("US-Regierung", "EU-Kommission", "UN-Sicherheitsrat", "US-Verteidigungsministeriums"):
        assert pattern.match(word), word
    for word in ("US-Präsident", "EU-Länder", "NATO-Partner", "Bundesregierung"):
        assert not pattern.match(word), word


def test_a_body_named_by_its_portfolio_is_an_organisation_the_bare_head_is_not():
    pattern = re.compile(portfolio_pattern())
    for word in (
        "Außenministerium",
        "Bundesbildungsministeriums",
        "Wahlkommission",
        "Ethikkommission",
        "Innenausschuss",
        "Haushaltsausschusses",
        "Bundestagsrechtsausschuss",  # a portfolio after the parent body
    ):
        assert pattern.match(word) and is_known_organisation(word), word
    for word in (
        "Ministerium",
        "Kommission",
        "Ausschuss",
        "Ministeriumssprecher",
        "Ausschussvorsitzende",
        "Mordkommission",  # a task force, no body of its own
        "Bundestagsausschusses",  # a committee of the parent body, no portfolio
        "außenministerium",
    ):
        assert not pattern.match(word), word


def test_a_newspaper_named_by_its_town_or_region():
    nlp = spacy.blank("de")
    nlp.add_pipe(COMPONENT)
    doc = nlp("Die Sächsische Zeitung, ein Reporter des Hamburger Abendblatts und der Hamburger Hafen.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Sächsische Zeitung", "ORG"),
        ("Hamburger Abendblatts", "ORG"),
    ]


def test_a_medium_whose_name_is_a_common_word_is_an_organisation_in_context():
    nlp = spacy.blank("de")
    nlp.add_pipe(COMPONENT)
    doc = nlp(
        "Laut „Welt“ schrieb das Fachmagazin „Automobilwoche“, dem „Figaro“ zufolge die Zeitung "
        '"Yemen Observer"; er rief „Welt“ und „Stern“, die Welt sah es.'
    )
    titles = [(e.text, e.kb_id_) for e in doc.ents]
    assert titles == [(t, MEDIA_TITLE) for t in ("Welt", "Automobilwoche", "Figaro", "Yemen Observer")]


def test_an_unquoted_medium_after_a_media_noun_also_where_the_ner_saw_a_person():
    doc = tagged(
        "Die Zeitung Sankei Shimbun berichtete , die Zeitung Anna Meier las .",
        [(2, 4, "PER"), (8, 10, "PER")],
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("Sankei Shimbun", "ORG"), ("Anna Meier", "PER")]
    assert media_noun_pattern().match("Illustrierten") and media_noun_pattern().match("Online-Ausgabe")
    assert not media_noun_pattern().match("Zeitungsartikel") and not media_noun_pattern().match("zeitung")


def test_a_countrys_body_named_by_its_kind_with_a_nationality_adjective_or_the_country():
    doc = tagged(
        "Die jemenitische Regierung, die Regierung Ungarns, Kenias Regierung, die Regierung in Khartum und "
        "die Regierung tagten.",
        [(6, 7, "LOC"), (8, 9, "LOC"), (14, 15, "LOC")],
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Regierung", "ORG"),  # the adjective is no part of the name
        ("Regierung Ungarns", "ORG"),
        ("Kenias Regierung", "ORG"),
        ("Regierung in Khartum", "ORG"),  # named by its seat
    ]
    assert is_national_body("Russischen", "Parlaments") and not is_national_body("neue", "Regierung")
    assert not is_national_body("jemenitische", "Polizei")  # the annotators count it only sometimes
    assert is_national_body("niedersächsische", "Landeskabinett") and is_national_body(
        "bayerischen", "Staatsregierung"
    )
    assert is_national_body("syrischen", "Geheimdienst") and is_national_body(
        "ägyptischen", "Staatsfernsehens"
    )
    assert is_national_body("peruanischen", "Zivilluftfahrtbehörde")
    assert is_national_body("chinesische", "Zentralfernsehen") and is_national_body("spanischen", "Luftwaffe")


def test_every_name_gets_a_pattern_with_its_genitive():
    nlp = spacy.blank("de")
    component = nlp.add_pipe(COMPONENT)
    forms = [form.text for form in name_forms(nlp)]
    assert len(forms) >= len(known_names()) * len(GENITIVE_ENDINGS)
    assert {"Bundestag", "Bundestags", "Bundestages", "Human Rights Watch"} <= set(forms)
    # the head takes the genitive, leading adjectives their weak form
    assert {
        "Bundesamtes für Migration und Flüchtlinge",
        "Europäischen Parlaments",
        "Deutschen Roten Kreuzes",
    } <= (set(forms))
    doc = nlp(
        "Ein Sprecher des Europäischen Auswärtigen Dienstes lobte die Helfer vom Deutschen Roten Kreuz."
    )
    assert [e.text for e in doc.ents] == ["Europäischen Auswärtigen Dienstes", "Deutschen Roten Kreuz"]
    doc = nlp("Die Sprecherin des Bundestages und der NATO sowie Human Rights Watch widersprachen.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Bundestages", "ORG"),
        ("NATO", "ORG"),
        ("Human Rights Watch", "ORG"),
    ]
    doc = nlp("Helfer des Malteser Hilfsdienstes und der KFOR zeigten es auf YouTube.")
    assert [e.text for e in doc.ents] == ["Malteser Hilfsdienstes", "KFOR", "YouTube"]
    assert component.name == COMPONENT
    assert is_known_organisation("Bundestages") and is_known_organisation("US-Regierung")
    assert not is_known_organisation("Bundestagswahl")


def test_an_organisation_the_ner_found_whole_is_not_cut_to_the_gazetteer_name():
    doc = tagged("Die Volkswagen AG und die New York Times", [(1, 3, "ORG"), (5, 8, "PER")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Volkswagen AG", "ORG"), ("New York Times", "ORG")]


@pytest.fixture(scope="module")
def nlp():
    model, _ = load_nlp(settings=Settings())
    return model


def test_the_loaded_pipeline_tags_known_organisations_over_the_ner(nlp):
    # the last of the model's components (other tests may have added the extractors after them)
    assert [name for name in nlp.pipe_names if name not in EXTRACTORS][-1] == COMPONENT
    doc = nlp(
        "Die New York Times berichtete, Greenpeace habe die Bundesregierung und die EU-Kommission "
        "kritisiert. Auch die IG Metall und Reuters meldeten sich zu Wort."
    )
    organisations = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert {"New York Times", "Greenpeace", "Bundesregierung", "EU-Kommission", "IG Metall", "Reuters"} <= (
        organisations
    )
    assert not {e.text for e in doc.ents if e.label_ == "PER"} & organisations
    doc = nlp(
        "Spartak Moskau schlug Inter Mailand, die San Antonio Spurs gewannen gegen die Cleveland Cavaliers."
    )
    clubs = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert {"Spartak Moskau", "Inter Mailand", "San Antonio Spurs", "Cleveland Cavaliers"} <= clubs


def test_media_named_by_common_words_are_organisations_of_the_loaded_pipeline(nlp):
    doc = add_extractors(nlp)(
        "Laut „Welt“ sitzt er in Haft. Das sagte Präsident Sarkozy der Illustrierten „Stern“, berichtete "
        "die japanische Zeitung Sankei Shimbun. Er sah die Welt anders."
    )
    assert {o.name for o in doc._.organisations} == {"Welt", "Stern", "Sankei Shimbun"}
    assert [m.text for o in doc._.organisations if o.name == "Welt" for m in o.mentions] == ["Welt"]
    assert "Sankei Shimbun" not in {p.name for p in doc._.persons}


def test_only_leading_adjectives_take_the_weak_form():
    assert weak_adjective_form(["Internationales", "Olympisches", "Komitee"]) == [
        "Internationalen",
        "Olympischen",
        "Komitee",
    ]
    assert weak_adjective_form(["Neue", "Zürcher", "Zeitung"]) == ["Neuen", "Zürcher", "Zeitung"]
    assert weak_adjective_form(["Human", "Rights", "Watch"]) is None
    assert weak_adjective_form(["Bundestag"]) is None


def test_a_name_after_a_definite_article_in_the_nominative_is_known_and_named_as_listed():
    """„das Rote Kreuz“, „der Europäische Rat“: the weak form in -e after „der/die/das“; the
    organisation keeps the gazetteer's name."""
    assert weak_adjective_form(["Rotes", "Kreuz"], "e") == ["Rote", "Kreuz"]
    assert weak_adjective_form(["Europäische", "Kommission"], "e") is None  # as written already
    doc = tagged("Das Rote Kreuz und der Europäische Rat halfen dem Weißen Haus.", [(1, 3, "LOC")])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Rote Kreuz", "ORG"),
        ("Europäische Rat", "ORG"),
        ("Weißen Haus", "ORG"),
    ]
    assert [gazetteer_name(e.text) for e in doc.ents] == ["Rotes Kreuz", "Europäischer Rat", "Weißes Haus"]
    assert gazetteer_name("Rotes Kreuz") == "Rotes Kreuz" and gazetteer_name("Rote") == ""


def test_model_evaluate_scores_the_pipeline_as_loaded_on_the_held_out_news(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["model", "evaluate", "--limit", "40", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    scores = json.loads((tmp_path / "evaluation" / "ner.json").read_text(encoding="utf-8"))
    assert set(scores) == {"germeval2014", "smartdata", "uner-german-pud", "contemporary"}
    contemporary = scores["contemporary"]
    assert contemporary["PER"]["n"] > 40 and 0.6 < contemporary["PER"]["f"] <= 1.0
    assert 0.3 < contemporary["ORG"]["f"] < contemporary["overall"]["f"] + 0.2
    assert "| contemporary |" in result.output
    bad = CliRunner().invoke(app, ["model", "evaluate", "--group", "nonexistent", "--out", str(tmp_path)])
    assert bad.exit_code != 0 and "no corpus of group" in bad.output
