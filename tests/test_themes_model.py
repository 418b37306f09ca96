"""The theme classifier on real labelled data, the seed document, determinism, a custom codebook and
the active-learning round trip through the command line."""

import csv
from pathlib import Path

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.document import Document
from pipeline.schema import TABLES
from pipeline.settings import Settings
from pipeline.themes import load_codebook, load_theme_model, train_theme_model
from pipeline.themes.train import PRECISION_TARGET, THRESHOLD_GRID

SEED = Settings().shared_dir / "seed" / "000_08f6338388034590.txt"
SEED_THEMES = {
    "netzwerk",
    "good_practice",
    "chancengleichheit",
    "fachkraefte",
    "nachwuchs_ausbildung",
    "weiterbildung",
    "verstetigung",
}
# Below their thresholds since the thresholds are learned precision-first on real paragraphs and
# applied to scores of paragraph-sized units (README, Themes): issue 16 asks for them back.
SEED_THEMES_MISSED = {"nachwuchs_ausbildung", "verstetigung"}


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return Settings(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def model(settings):
    return load_theme_model(settings)


def document(text: str) -> Document:
    paragraphs, start = [], 0
    for block in text.split("\n\n"):
        offset = text.index(block, start)
        if block.strip():
            paragraphs.append((offset, offset + len(block)))
        start = offset + len(block)
    return Document(source_path="test.txt", format="txt", text=text, paragraphs=paragraphs, doc_id="d1")


def test_predicts_themes_of_unseen_paragraphs(model):
    texts = [
        "Weil kaum noch Bewerbungen eingehen, wirbt die Bäckerei mit höheren Löhnen um neue Leute.",
        "Eltern im Betrieb dürfen ihre Arbeitszeit an die Öffnungszeiten der Krippe anpassen.",
        "Der Wetterdienst erwartet für das Wochenende Regen und kühle Temperaturen.",
    ]
    predicted = model.predict(texts)
    scores = model.predict_proba(texts)
    fachkraefte = model.codebook.ids.index("fachkraefte")
    # one keyword-free sentence: its theme comes first, but stays below the threshold learned
    # precision-first on real paragraphs (one sentence is thin evidence)
    assert scores[0].argmax() == fachkraefte and scores[0, fachkraefte] > 5 * scores[2, fachkraefte]
    assert predicted[0] == set()
    assert "vereinbarkeit" in predicted[1]
    assert predicted[2] == set()


def test_metadata_describes_the_training(model, settings):
    meta = model.metadata
    assert meta["codebook_hash"] == load_codebook().fingerprint
    assert meta["training_counts"]["labelled"] >= 250
    assert meta["training_counts"]["real_train"] == 4021  # the real paragraphs' train part
    assert set(meta["learned_thresholds"].values()) <= set(THRESHOLD_GRID)
    assert meta["thresholds"] == meta["learned_thresholds"]  # the codebook sets none of its own
    assert meta["precision_target"] == PRECISION_TARGET
    assert list((settings.cache_dir / "themes").glob("*/model.joblib"))


def test_seed_document_themes(model):
    from pipeline.ingest import iter_documents

    (seed,) = list(iter_documents([SEED], Settings()))
    paragraph_rows, theme_rows = model.classify(seed)
    assigned = {r["theme"] for r in theme_rows if r["assigned"]}
    assert assigned == SEED_THEMES - SEED_THEMES_MISSED | {"foerderung"}  # the ESF-Richtlinie
    # each missed theme rests on one sentence of a paragraph about six themes: close below threshold
    missed = {r["theme"]: r["score"] / r["threshold"] for r in theme_rows if r["theme"] in SEED_THEMES_MISSED}
    assert all(0.8 < ratio < 1 for ratio in missed.values())
    assert "vielfalt_integration" not in assigned
    evidence = {r["theme"]: r["evidence"] for r in theme_rows}
    assert "Fachkräftesicherung" in evidence["fachkraefte"]
    assert set(paragraph_rows[0]) == set(TABLES["paragraph_themes"].column_names)
    assert set(theme_rows[0]) == set(TABLES["themes"].column_names)


def test_classify_rows_and_offsets(model):
    text = "Pressemitteilung\n\nDie Betriebskita öffnet schon um sechs Uhr für Eltern im Schichtdienst."
    paragraph_rows, theme_rows = model.classify(document(text))
    assert len(theme_rows) == len(model.codebook.themes)
    row = next(r for r in paragraph_rows if r["theme"] == "vereinbarkeit" and r["paragraph_index"] == 1)
    assert text[row["start_char"] : row["end_char"]].startswith("Die Betriebskita")
    assert row["assigned"] and row["indicators"] == "Betriebskita"
    doc_row = next(r for r in theme_rows if r["theme"] == "vereinbarkeit")
    assert doc_row["assigned"] and "Betriebskita" in doc_row["evidence"]
    assert model.classify(document("")) == ([], model.classify(document(""))[1])


def test_training_is_deterministic(model, settings):
    again = train_theme_model(settings)
    texts = ["Die Partner wollen das Netzwerk nach Projektende weiterführen.", "Ein Text über das Wetter."]
    assert np.array_equal(model.predict_proba(texts), again.predict_proba(texts))
    doc = document("Azubis lernen im Betrieb.\n\nDie Stiftung fördert das Projekt mit 20.000 Euro.")
    assert model.classify(doc) == again.classify(doc)


CUSTOM_CODEBOOK = {
    "themes": [
        {
            "id": "digital",
            "label": "Digitalisierung",
            "definition": "Digitale Werkzeuge und Prozesse in der Arbeit.",
            "indicators": ["digital", "software", "=KI"],
            "examples": [
                "Die Verwaltung stellt alle Anträge auf digitale Formulare um.",
                "Neue Software ersetzt die Zettelwirtschaft im Lager.",
                "Mit KI werden Rechnungen automatisch geprüft.",
            ],
        },
        {
            "id": "gesundheit",
            "label": "Gesundheit",
            "definition": "Betriebliche Gesundheitsförderung.",
            "indicators": ["gesundheit", "krankenstand", "rückenschule"],
            "examples": [
                "Der Betrieb bietet eine Rückenschule für alle Beschäftigten an.",
                "Der Krankenstand sank nach Einführung der Pausenregelung.",
                "Ein Gesundheitstag informierte über Ernährung und Bewegung.",
            ],
        },
    ]
}


@pytest.fixture
def custom_codebook(tmp_path) -> Path:
    path = tmp_path / "book.yml"
    path.write_text(yaml.safe_dump(CUSTOM_CODEBOOK, allow_unicode=True), encoding="utf-8")
    return path


def test_custom_codebook_without_shared_data(tmp_path, custom_codebook):
    settings = Settings(shared_dir=tmp_path / "no-shared", cache_dir=tmp_path / "cache")
    with pytest.warns(UserWarning, match="not in the codebook"):
        custom = load_theme_model(settings, custom_codebook)
    assert custom.codebook.ids == ["digital", "gesundheit"]
    assert custom.metadata["training_counts"].get("weak_pool", 0) == 0
    (scores,) = custom.predict_proba(["Die neue Software für digitale Dienstpläne läuft seit Mai."])
    assert scores[0] > scores[1]


@pytest.mark.filterwarnings("ignore:theme id")
def test_review_export_is_read_back_into_training(tmp_path, custom_codebook, monkeypatch):
    """Active learning round trip: ``themes label`` exports '?' rows, a person fills them in, ``themes
    train --labels`` trains on them."""
    monkeypatch.setenv("PROJEKTRADAR_CACHE", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Die Werkstatt plant ihre Aufträge jetzt mit einer App auf dem Tablet.\n\n"
        "Nach der Einführung der Rückenschule sank der Krankenstand deutlich.\n",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text("Der Chor probt jeden Donnerstag im Gemeindehaus.\n", encoding="utf-8")
    common = ["--codebook", str(custom_codebook), "--shared", str(tmp_path / "no-shared")]
    review = tmp_path / "review" / "labels_review.csv"
    runner = CliRunner()
    result = runner.invoke(
        app, ["themes", "label", "--corpus", str(corpus), "--out", str(review), "--n", "2", *common]
    )
    assert result.exit_code == 0, result.output
    with open(review, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2 and {r["themes"] for r in rows} == {"?"}
    assert {r["source_path"] for r in rows} <= {"a.txt", "b.txt"}
    rows[0]["themes"] = "digital" if "Tablet" in rows[0]["text"] else ""
    with open(review, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)  # the second row keeps its '?' and is skipped

    settings = Settings(shared_dir=tmp_path / "no-shared", cache_dir=tmp_path / "cache")
    before = load_theme_model(settings, custom_codebook).metadata["training_counts"]["labelled"]
    result = runner.invoke(app, ["themes", "train", "--labels", str(review.parent), *common])
    assert result.exit_code == 0, result.output
    model = load_theme_model(settings, custom_codebook, [review.parent])
    assert str(review.resolve()) in model.metadata["label_files"]
    assert model.metadata["training_counts"]["labelled"] == before + 1
    again = tmp_path / "again.csv"
    result = runner.invoke(
        app,
        [
            "themes",
            "label",
            "--corpus",
            str(corpus),
            "--out",
            str(again),
            "--labels",
            str(review.parent),
            *common,
        ],
    )
    assert result.exit_code == 0, result.output
    with open(again, encoding="utf-8", newline="") as handle:
        exported = [r["text"] for r in csv.DictReader(handle)]
    assert rows[0]["text"] not in exported and rows[1]["text"] in exported  # labelled ones not asked again


def test_thresholds_are_chosen_precision_first():
    import numpy as np

    from pipeline.themes.train import precision_first_threshold

    truth = np.array([1, 1, 0, 0, 1, 0])
    scores = np.array([0.9, 0.8, 0.75, 0.3, 0.5, 0.45])
    # 0.45 reaches F1 0.75 at precision 0.6; 0.5 gives precision 0.75 and the best F1 among the precise
    assert precision_first_threshold(truth, scores) == 0.5
    # no threshold is precise enough: the best F0.5, the lowest of equals
    assert precision_first_threshold(np.array([1, 0, 0]), np.array([0.3, 0.9, 0.95])) == 0.2
