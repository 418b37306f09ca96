"""Codebook validation and compound-aware indicator matching."""

import pytest
import yaml

from pipeline.themes.codebook import CodebookError, load_codebook, parse_codebook
from pipeline.themes.matching import IndicatorMatcher

IDS = [
    "good_practice",
    "chancengleichheit",
    "frauen_fuehrung",
    "vereinbarkeit",
    "fachkraefte",
    "nachwuchs_ausbildung",
    "weiterbildung",
    "netzwerk",
    "verstetigung",
    "foerderung",
    "oeffentlichkeit",
    "vielfalt_integration",
]


def theme(**overrides):
    entry = {
        "id": "digital",
        "label": "Digitalisierung",
        "definition": "Digitale Arbeit.",
        "indicators": ["digital"],
    }
    return entry | overrides


def test_bundled_codebook_has_the_mission_themes():
    codebook = load_codebook()
    assert codebook.ids == IDS
    assert all(t.definition and t.examples for t in codebook.themes)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "top-level 'themes:'"),
        ({"themes": [theme(id="Digital")]}, "lower-case"),
        ({"themes": [theme(label="")]}, "'label' is missing"),
        ({"themes": [theme(indicators=[])]}, "at least one term"),
        ({"themes": [theme(indicators=["ab"])]}, "shorter than 3"),
        ({"themes": [theme(indicators="digital")]}, "must be a list"),
        ({"themes": [theme(exclusions=["a+b"])]}, "letters, digits"),
        ({"themes": [theme(threshold=1.5)]}, "between 0 and 1"),
        ({"themes": [theme(colour="red")]}, "unknown field"),
        ({"themes": [theme(), theme()]}, "used twice"),
    ],
)
def test_codebook_errors_name_the_problem(data, message):
    with pytest.raises(CodebookError, match=message):
        parse_codebook(data)


def test_codebook_file_errors(tmp_path):
    with pytest.raises(CodebookError, match="does not exist"):
        load_codebook(tmp_path / "missing.yml")
    bad = tmp_path / "bad.yml"
    bad.write_text("themes: [\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="not valid YAML"):
        load_codebook(bad)
    wrong = tmp_path / "wrong.yml"
    wrong.write_text(yaml.safe_dump({"themes": [theme(id="x y")]}), encoding="utf-8")
    with pytest.raises(CodebookError, match=r"wrong\.yml: theme 'x y'"):
        load_codebook(wrong)


@pytest.fixture(scope="module")
def matcher():
    return IndicatorMatcher(load_codebook())


@pytest.mark.parametrize(
    "text",
    [
        "Der Fachkräftemangel ist spürbar.",
        "Fachkräftesicherung ist das Ziel.",
        "Wir suchen Nachwuchsfachkräfte.",
        "Eine Fachkraft kündigte.",
    ],
)
def test_compounds_match_the_fachkraefte_indicator(matcher, text):
    assert "fachkraefte" in matcher.weak_labels(text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Die MINT-Förderung startet.", "nachwuchs_ausbildung"),
        ("Die Azubis und die Berufsausbildung", "nachwuchs_ausbildung"),
        ("Mittel aus dem ESF stehen bereit.", "foerderung"),
        ("Die Beschäftigten wurden weitergebildet.", "weiterbildung"),  # lemma weiterbilden
        ("Die Betriebskita öffnet früh.", "vereinbarkeit"),
        ("Der Girls' Day war ein Erfolg.", "nachwuchs_ausbildung"),
    ],
)
def test_lemmas_abbreviations_and_hyphen_parts(matcher, text, theme):
    assert theme in matcher.weak_labels(text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Empfehlen Sie diese Seite Ihrem sozialen Netzwerk", "netzwerk"),  # exclusion
        ("Die Kohleförderung sinkt weiter.", "foerderung"),  # false friend
        (
            "Die Vereinbarkeit von Terminen ist schwierig; die Desfor GmbH lädt ein.",
            "foerderung",
        ),  # =ESF whole word
        ("Männer in Führungspositionen", "frauen_fuehrung"),  # requires a reference to women
        ("Der Verein setzt auf ökologisch nachhaltige Produktion.", "verstetigung"),
    ],
)
def test_false_friends_do_not_match(matcher, text, theme):
    assert theme not in matcher.weak_labels(text)


def test_mask_hides_every_indicator_word(matcher):
    masked = matcher.mask("Der Fachkräftemangel trifft Nachwuchsfachkräfte im Bündnis.")
    assert masked == "Der _ trifft _ im _."
