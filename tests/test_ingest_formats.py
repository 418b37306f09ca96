"""Ingest of every supported format and of every kind of bad input, on real files."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.document import content_id
from pipeline.ingest import discover_files, iter_documents
from pipeline.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
SETTINGS = Settings()


def ingest(*paths: Path, settings: Settings = SETTINGS) -> dict:
    """Documents by source path (asserting each source path appears once)."""
    documents = list(iter_documents(list(paths), settings))
    by_path = {d.source_path: d for d in documents}
    assert len(by_path) == len(documents)
    return by_path


@pytest.fixture(scope="module")
def good() -> dict:
    return ingest(GOOD)


@pytest.fixture(scope="module")
def bad() -> dict:
    return ingest(BAD)


def assert_clean_layout(document) -> None:
    """Paragraph offsets cover the text, separated by exactly one blank line, no stray spaces."""
    assert document.text == "\n\n".join(document.paragraph_texts())
    assert all(p == p.strip() and "\n" not in p and "  " not in p for p in document.paragraph_texts())


def test_real_seed_scrape_keeps_funding_facts_as_metadata():
    seed = ingest(SETTINGS.shared_dir / "seed")["000_08f6338388034590.txt"]
    assert seed.status == "ok" and seed.format == "scrape" and seed.language == "de"
    assert seed.title == (
        "Bündnis Bautzen: Die regionale Abschlussveranstaltung gibt gute Aussichten "
        "auf weitere Netzwerkarbeit"
    )
    assert (seed.date, seed.projekttraeger, seed.funder) == ("2015-09-17", "EAF", "BMFSFJ")
    paragraphs = seed.paragraph_texts()
    assert paragraphs[0] == seed.title and paragraphs[1] == "Podiumsgespräch zu Good Practices"
    assert "Empfehlen Sie" not in seed.text and "Logo" not in seed.text and "logo" not in seed.text
    assert "17.09.2015" not in seed.text
    assert "des Zukunftsworkshops" in seed.text  # the no-break space collapsed
    assert "„Tu Gutes und sprich darüber“" in seed.text
    assert "Kaufmännische Leiterin der Beteiligungs- und Betriebsgesellschaft Bautzen mbH" in seed.text
    assert seed.doc_id == content_id(seed.text)
    assert_clean_layout(seed)


def test_seed_like_scrape(good):
    scrape = good["scrape_aehnlich.txt"]
    assert scrape.format == "scrape"
    assert scrape.title == "Netzwerk Zwickau: Betriebe setzen auf flexible Arbeitszeiten"
    assert (scrape.date, scrape.projekttraeger, scrape.funder) == ("2017-10-05", "Werkstatt", "ESF")
    assert scrape.paragraph_texts()[0] == scrape.title
    assert len(scrape.paragraphs) == 3 and "Förderer" not in scrape.text


def test_windows_1252_text_is_decoded(good):
    document = good["mitteilung_cp1252.txt"]
    assert document.format == "txt" and document.title == "Neue Maßnahme für Fachkräfte in Görlitz"
    assert "Die Größe der Maßnahme überrascht" in document.text
    assert "„Netzwerk Lausitzer Vereinbarkeit“" in document.text
    assert document.date == "2021-03-03"  # from the dateline „Görlitz, 3. März 2021 –“
    assert_clean_layout(document)


def test_markdown_with_bom(good):
    document = good["gruenderinnen_bom.md"]
    assert not document.text.startswith("\ufeff") and "\ufeff" not in document.title
    assert document.title == "Mentoring für Gründerinnen startet"
    assert document.date == "2022-05-12"
    assert document.paragraph_texts()[1].startswith("Leipzig, 12.05.2022. Das Programm Gründerinnen-Kompass")
    assert "Mehr dazu auf der Projektseite." in document.text and "](" not in document.text
    assert document.paragraph_texts()[2:] == [
        "- zwölf Tandems im ersten Jahr",
        "- Abschluss mit einer Fachtagung",
    ]


def test_pdf_repairs_hyphenation_and_drops_running_lines(good):
    document = good["projektbericht.pdf"]
    assert (
        document.format == "pdf" and document.title == "Projektbericht Chancengleichheit in der Oberlausitz"
    )
    assert "tragfähiges Netzwerk aufgebaut" in document.text
    assert "die Beteiligungs- und Betriebsgesellschaft" in document.text
    assert "die ESF-Richtlinie zur" in document.text
    assert "Die Unternehmen berichteten" in document.text and "Koordination der" in document.text
    assert "Projektbericht 2015" not in document.text and "Seite" not in document.text
    assert len(document.paragraphs) == 5
    assert_clean_layout(document)


def test_docx_paragraphs_and_table(good):
    document = good["jahresbericht.docx"]
    assert document.title == "Netzwerk Vereinbarkeit Chemnitz – Jahresbericht"
    assert document.paragraph_texts()[:3] == [
        "Jahresbericht 2019",
        "Das Netzwerk Vereinbarkeit Chemnitz hat im Berichtsjahr 14 neue Mitgliedsbetriebe gewonnen. "
        "„Familienfreundlichkeit ist ein Standortfaktor“, sagte Koordinatorin Ulrike Brandes.",
        "Veranstaltungen",
    ]
    assert "09.10.2019 | Väterforum" in document.paragraph_texts()


def test_html_main_text_and_metadata(good):
    document = good["webseite.html"]
    assert document.title == "Väter in Elternzeit: Netzwerk zieht Bilanz"
    assert (document.date, document.publisher) == ("2016-04-21", "Familienbündnis Elbtal")
    assert document.url == "https://familienbuendnis-elbtal.example/aktuelles/vaeter-elternzeit"
    assert "„Vereinbarkeit von Familie und Beruf ist kein Frauenthema“" in document.text
    for furniture in ("Cookies", "Startseite", "Impressum", "Facebook", "©"):
        assert furniture not in document.text


def test_email_plain_text_part(good):
    document = good["pressemitteilung.eml"]
    assert document.title == "Ausbildungsmesse stärkt Nachwuchs im Vogtland"
    # From: "Pressestelle Fachkräftenetz Vogtland" – the department is not the publisher
    assert (document.date, document.publisher) == ("2022-11-08", "Fachkräftenetz Vogtland")
    assert document.paragraph_texts() == [
        "Plauen, 8. November 2022 – Mehr als 900 Schülerinnen und Schüler haben die Ausbildungsmesse des "
        "Fachkräftenetzes Vogtland besucht. 48 Betriebe stellten ihre Ausbildungsberufe vor.",
        "„Wir müssen den Nachwuchs früh für die Region gewinnen“, sagte Netzwerkleiterin Petra Sommerfeld.",
    ]


def test_email_html_body(good):
    document = good["newsletter_html.eml"]
    assert (document.title, document.date) == ("Newsletter: Frauen in Führung", "2020-03-02")
    assert document.publisher == "Gleichstellungsbüro Zwickau"
    assert (
        "Zwölf Mentees" in document.text and "Abmelden" not in document.text and "Archiv" not in document.text
    )


def test_csv_rows_with_ids_titles_and_dates(good):
    first, second, third = good["export.csv#id=PM-01"], good["export.csv#id=PM-02"], good["export.csv#row=3"]
    assert (first.format, first.title, first.date, first.url) == (
        "csv",
        "Kita-Plätze für Schichtarbeit",
        "2015-09-17",
        "https://example.org/pm-01",
    )
    assert second.date == "2015-09"  # "September 2015": month known, day not
    assert second.paragraph_texts() == [
        "Zwanzig Pflegekräfte schließen die berufsbegleitende Weiterbildung zur Praxisanleitung ab.",
        "Die Kosten trägt der Arbeitgeber.",
    ]
    assert (third.status, third.title, third.date) == ("ok", "Ohne Kennung", "2015-10-01")


def test_jsonl_malformed_line_fails_alone(good):
    assert good["export.jsonl#id=J1"].title == "Girls' Day im Handwerk"
    assert good["export.jsonl#id=J3"].date == "2018-04-26"
    broken = good["export.jsonl#row=2"]
    assert broken.status == "failed" and broken.error.startswith("Zeile 2 ist kein gültiges JSON")
    assert broken.doc_id == content_id("export.jsonl#row=2")


def test_order_ids_and_status_of_good_files(good):
    assert list(good) == sorted(good)
    assert {d.status for d in good.values()} == {"ok", "failed"}  # only the broken JSONL line fails
    assert all(d.language == "de" and d.doc_id == content_id(d.text) for d in good.values() if d.ok)
    assert [p.name for p in discover_files([GOOD])] == sorted(p.name for p in GOOD.iterdir())


@pytest.mark.parametrize(
    ("name", "status", "error_start"),
    [
        ("leer.txt", "skipped", "Datei ist leer"),
        ("nur_leerraum.txt", "skipped", "Datei enthält nur Leerzeichen"),
        ("binaer.txt", "failed", "Datei enthält keinen lesbaren Text (Binärdaten?)"),
        ("kaputt.pdf", "failed", "PDF ist beschädigt oder unlesbar"),
        (
            "scan_ohne_text.pdf",
            "failed",
            "PDF hat keine Textebene (gescanntes Bild?) – bitte OCR-Text liefern",
        ),
        ("kaputt.docx", "failed", "DOCX ist beschädigt oder kein Word-Dokument"),
        ("logo.png", "skipped", "Dateiformat nicht unterstützt (.png)"),
        ("ohne_textspalte.csv", "failed", "CSV hat keine Spalte „text“ (gefunden: titel, inhalt_ohne_namen)"),
        ("english.txt", "skipped", "Text ist nicht deutsch (erkannt: en)"),
    ],
)
def test_bad_input_gets_a_row_with_a_reason(bad, name, status, error_start):
    document = bad[name]
    assert document.status == status
    assert document.error.startswith(error_start)
    assert document.doc_id == content_id(name)


def test_every_bad_file_yields_exactly_one_row(bad):
    assert sorted(bad) == sorted(p.name for p in BAD.iterdir())


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    locked = tmp_path / "gesperrt.txt"
    shutil.copy(GOOD / "mitteilung_cp1252.txt", locked)
    shutil.copy(GOOD / "scrape_aehnlich.txt", tmp_path)
    read_bytes = Path.read_bytes

    def deny(path: Path) -> bytes:
        if path.name == locked.name:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", deny)
    documents = ingest(tmp_path)
    assert documents["gesperrt.txt"].status == "failed"
    assert documents["gesperrt.txt"].error.startswith("Keine Leseberechtigung")
    assert documents["scrape_aehnlich.txt"].status == "ok"


def test_file_over_size_limit_is_skipped():
    document = ingest(GOOD / "projektbericht.pdf", settings=replace(SETTINGS, max_file_bytes=1000))
    assert document["projektbericht.pdf"].status == "skipped"
    assert document["projektbericht.pdf"].error.startswith("Datei ist zu groß")


def test_exact_duplicates_are_marked(tmp_path):
    (tmp_path / "b").mkdir()
    shutil.copy(GOOD / "mitteilung_cp1252.txt", tmp_path / "a.txt")
    (tmp_path / "b" / "kopie.txt").write_text((tmp_path / "a.txt").read_text("cp1252"), encoding="utf-8")
    documents = ingest(tmp_path)
    original, copy = documents["a.txt"], documents["b/kopie.txt"]
    assert (original.status, copy.status) == ("ok", "duplicate")
    assert copy.duplicate_of == original.doc_id == content_id(original.text)
    assert copy.doc_id == content_id(copy.text, "b/kopie.txt")
    assert "a.txt" in copy.error


def test_short_german_text_is_not_flagged_as_foreign(tmp_path):
    (tmp_path / "kurz.txt").write_text("Good Practices im Bündnis\n", encoding="utf-8")
    document = ingest(tmp_path)["kurz.txt"]
    assert document.status == "ok" and document.title == "Good Practices im Bündnis"


def test_companion_readme_is_skipped_not_processed(tmp_path):
    (tmp_path / "README.md").write_text("# Korpus\n\nAlle Personen sind frei erfunden.\n", encoding="utf-8")
    document = ingest(tmp_path)["README.md"]
    assert document.status == "skipped" and document.error.startswith("Begleitdatei")


def test_same_file_name_in_two_input_folders_gives_two_source_paths(tmp_path):
    for year, text in (
        ("2015", "Das Bündnis traf sich in Bautzen."),
        ("2016", "Das Netzwerk tagte in Görlitz."),
    ):
        (tmp_path / year).mkdir()
        (tmp_path / year / "meldung.txt").write_text(text, encoding="utf-8")
    (tmp_path / "2016" / "nur_hier.txt").write_text("Die Kammer lud zum Fachtag ein.", encoding="utf-8")
    documents = ingest(tmp_path / "2015", tmp_path / "2016")
    assert set(documents) == {
        (tmp_path / "2015" / "meldung.txt").as_posix(),
        (tmp_path / "2016" / "meldung.txt").as_posix(),
        "nur_hier.txt",
    }
    assert "Görlitz" in documents[(tmp_path / "2016" / "meldung.txt").as_posix()].text
