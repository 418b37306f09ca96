"""The German pipeline that runs (official or project-trained) on the seed press release."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp import first_name_gender, load_nlp
from pipeline.nlp.components import MORPH_TABLE_NAME
from pipeline.nlp.resolve import trained_model_dir
from pipeline.nlp.sentences import PARAGRAPH_BREAKS
from pipeline.nlp.training.train import assemble
from pipeline.settings import Settings

SEED = Settings().shared_dir / "seed" / "000_08f6338388034590.txt"


@pytest.fixture(scope="module")
def seed_doc():
    nlp, _ = load_nlp()
    return nlp(SEED.read_text(encoding="utf-8"))


def test_seed_people_found(seed_doc):
    people = {e.text for e in seed_doc.ents if e.label_ == "PER"}
    assert {"Kristin Jentsch", "Christian Schramm", "Robert Böhmer"} <= people


def test_seed_organisations_found(seed_doc):
    organisations = {e.text for e in seed_doc.ents if e.label_ == "ORG"}
    assert {
        "Beteiligungs- und Betriebsgesellschaft Bautzen mbH",
        "M’s Marketing + Kommunikation GmbH",
    } <= organisations


def test_morphology_for_quotes_and_roles(seed_doc):
    """Role nouns carry gender, finite verbs carry mood (quote extraction looks for Konjunktiv I)."""
    by_text = {t.text: t for t in seed_doc}
    assert by_text["Leiterin"].morph.get("Gender") == ["Fem"]
    assert by_text["Oberbürgermeister"].morph.get("Gender") == ["Masc"]
    assert by_text["wünschen"].morph.get("Mood") == ["Ind"]
    assert seed_doc.has_annotation("DEP") and len(list(seed_doc.sents)) > 5
    assert all(t.lemma_ for t in seed_doc if not t.is_space)


def test_konjunktiv_one_is_marked():
    nlp, _ = load_nlp()
    doc = nlp("Die Geschäftsführerin sagte, das Projekt sei ein Erfolg und habe viele Unternehmen erreicht.")
    moods = {t.text: t.morph.get("Mood") for t in doc}
    assert moods["sei"] == ["Sub"]
    assert moods["habe"] == ["Sub"]


def test_a_blank_line_ends_a_sentence_before_the_parser_reads_it():
    nlp, _ = load_nlp()
    assert nlp.pipe_names.index(PARAGRAPH_BREAKS) == nlp.pipe_names.index("parser") - 1
    doc = nlp(
        "Spitzenduo der Demokraten steht fest\n\nJoseph Biden, der seine Kandidatur zurückzog, ist nun "
        "Kandidat.\n\n\nDer Senator von Delaware ist erfahren."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Spitzenduo der Demokraten steht fest",
        "Joseph Biden, der seine Kandidatur zurückzog, ist nun Kandidat.",
        "Der Senator von Delaware ist erfahren.",
    ]
    assert next(doc.sents).text.endswith("fest\n\n")  # the blank line stays before


def test_load_nlp_is_cached_and_reports_model():
    first, info = load_nlp()
    second, _ = load_nlp()
    assert first is second
    assert info.name and info.path
    assert "projektradar_entity_rules" in first.pipe_names


def test_model_directory_loads_with_plain_spacy():
    """No project import needed: the rule factories come from the spacy_factories entry point."""
    _, info = load_nlp()
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
        "print(any(n.startswith('projektradar') for n in nlp.pipe_names)); "
        "print([(e.text, e.label_) for e in nlp('Die Lebenshilfe Bautzen e.V. lädt ein.').ents])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, info.path], capture_output=True, text=True, check=True
    )
    assert "'pipeline.nlp" not in result.stdout
    assert "Lebenshilfe Bautzen e.V." in result.stdout


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Kristin", "female"),
        ("Christian", "male"),
        ("Hans-Peter", "male"),
        ("Maria", "female"),
        ("Kim", "female"),  # Swiss figures only: mostly female
        ("Mehmet", "male"),  # no German-speaking figures: the global ones
        ("Robin", "male"),
        ("Bautzen", ""),
        ("-", ""),  # a lone hyphen or dash from a broken name no longer raises
        ("- Peter", ""),
        ("  Anna-Lena  Müller", "female"),
        ("", ""),
    ],
)
def test_first_name_gender(name, gender):
    assert first_name_gender(name) == gender


@given(st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_first_name_gender_accepts_any_text(name):
    assert first_name_gender(name) in {"female", "male", ""}


def test_public_bodies_legal_forms_and_abbreviations():
    nlp, _ = load_nlp()
    doc = nlp(
        "Das Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ) fördert die Agentur "
        "für Arbeit Bautzen, die Technische Universität Dresden und die Lebenshilfe Bautzen e.V. "
        "Die Firma Müller GmbH. Die IHK Dresden lud ein."
    )
    organisations = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert {
        "Bundesministerium für Familie, Senioren, Frauen und Jugend",
        "BMFSFJ",
        "Agentur für Arbeit Bautzen",
        "Technische Universität Dresden",
        "Lebenshilfe Bautzen e.V.",
        "Müller GmbH",
        "IHK Dresden",
    } <= organisations


def test_organisation_rule_ignores_parser_boundaries_inside_names():
    """A statistical parser may start a sentence inside a name („… + Kommunikation | GmbH“); only a
    boundary after sentence-final punctuation ends the legal-form rule's scan to the left."""
    nlp, _ = load_nlp()
    doc = nlp.make_doc("Es wird durch M’s Marketing + Kommunikation GmbH initiiert. Müller GmbH lädt ein.")
    for token in doc:
        token.is_sent_start = token.i == 0 or token.text in ("GmbH", "Müller")
    doc = nlp.get_pipe("projektradar_entity_rules")(doc)
    assert {e.text for e in doc.ents if e.label_ == "ORG"} == {
        "M’s Marketing + Kommunikation GmbH",
        "Müller GmbH",
    }


def test_experiments_reassemble_a_cached_model():
    """`model experiment` reuses the cached model's treebank part: assembling it again with a new NER
    gives the pipeline of a build, each rule component once."""
    cached = trained_model_dir(Settings())
    rebuilt = assemble(cached, cached, cached / "projektradar_morph_lexicon" / MORPH_TABLE_NAME)
    assert rebuilt.pipe_names == json.loads((cached / "meta.json").read_text(encoding="utf-8"))["pipeline"]
    assert rebuilt.pipe_names[-3:] == ["projektradar_entity_rules", "ner", "projektradar_entity_trim"]


def test_the_model_licence_follows_its_sources(monkeypatch):
    """WikiNEuRal (CC BY-NC-SA) makes the model non-commercial; the card and meta.json say what
    :func:`model_licence` says."""
    from pipeline.nlp.training import card

    names = {source["name"]: source["license"] for source in card.sources()}
    assert names["wikineural-de"] == "CC BY-NC-SA 4.0"
    assert card.model_licence() == "CC BY-NC-SA 4.0"
    shared_alike = [s for s in card.sources() if "NC" not in s["license"]]
    monkeypatch.setattr(card, "sources", lambda: shared_alike)
    assert card.model_licence() == "CC BY-SA 4.0"
