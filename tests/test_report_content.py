"""The funders' report: the facts it states, German formatting, escaping of untrusted text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_tables import FORMULA_TITLE, make_corpus, make_tables
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import read_table, write_table
from pipeline.report import rebuild_report, write_report
from pipeline.report.facts import collect
from pipeline.report.formatting import format_date, format_int, format_percent
from pipeline.report.render import codebook_themes, markdown_escape
from pipeline.tables.frames import frame_for


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("report")
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    info = {"inputs": [str(corpus)], "codebook": "default"}
    write_report(make_tables(), out, info)
    return out


@pytest.fixture(scope="module")
def html(run_dir: Path) -> str:
    return (run_dir / "report" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def markdown(run_dir: Path) -> str:
    return (run_dir / "report" / "summary.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def facts(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("facts")
    tables = make_tables()
    info = {"inputs": [str(make_corpus(tmp_path / "corpus"))]}
    return collect(tables, info, tmp_path / "out" / "report", codebook_themes(info, tables))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _text(html: str) -> str:
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_german_number_and_date_formats():
    assert format_int(12345) == "12.345"
    assert format_percent(1, 8) == "12,5\u202f%"
    assert format_percent(2, 5) == "40\u202f%"
    assert format_percent(1, 0) == "–"
    assert format_date("2015-09-17") == "17.09.2015"
    assert format_date("2015-11") == "November 2015"
    assert format_date("") == ""


def test_overview_counts_processed_documents_and_every_status(facts, html):
    overview = facts.overview
    assert (overview.n_inputs, overview.n_documents) == (8, 5)
    assert overview.status == {"ok": 5, "duplicate": 1, "skipped": 1, "failed": 1}
    assert (overview.first_date, overview.last_date, overview.n_undated) == ("04.03.2013", "November 2015", 1)
    assert (overview.n_people, overview.n_organisations, overview.n_quotes) == (5, 5, 8)
    text = _text(html)
    assert "Dokumente ausgewertet 5" in text
    assert "Zeitraum 2013–2015" in text and "Zeitraum 04.03.2013 bis November 2015" in text
    assert "fehlgeschlagen 1" in text and "Dubletten (nicht doppelt gezählt) 1" in text


def test_theme_facts_count_documents_trend_people_and_quotes(facts):
    themes = {t.id: t for t in facts.themes}
    network = themes["netzwerk"]
    assert network.label == "Netzwerkarbeit & Kooperation"
    assert network.n_documents == 3
    assert facts.period_unit == "Jahr"
    assert network.trend == [("2013", 1), ("2014", 0), ("2015", 1)]
    assert network.n_undated == 1
    assert [p.name for p in network.people][:2] == ["Kristin Jentsch", "Christian Schramm"]
    assert (
        network.people[0].detail
        == "Kaufmännische Leiterin, Beteiligungs- und Betriebsgesellschaft Bautzen mbH"
    )
    assert network.organisations[0].name == "EAF Berlin" and network.organisations[0].n_documents == 3
    speakers = [q.speaker for q in network.quotes]
    assert speakers[0] == "Kristin Jentsch"
    assert "Christian Schramm" in speakers  # resolved from „Schramm“ through person_id
    assert all(q.speaker for q in network.quotes)  # the speakerless motto is never a voice
    assert themes["oeffentlichkeit"].n_documents == 0
    assert [t.n_documents for t in facts.themes] == sorted(
        (t.n_documents for t in facts.themes), reverse=True
    )


def test_quotes_with_a_sure_speaker_come_before_unsure_ones(facts):
    from pipeline.report.facts import sure_speaker

    assert 0.45 < sure_speaker() < 0.8  # the fixture's unsure and sure quotes lie either side
    skilled = next(t for t in facts.themes if t.id == "fachkraefte")  # documents d1 and d4
    # „ein Sprecher“ (d4, direct) would come third as the other document's voice; the group quoted
    # in d1 is the surer attribution
    speakers = [q.speaker for q in skilled.quotes]
    assert speakers == ["Kristin Jentsch", "Christian Schramm", "die Teilnehmenden"]


def test_every_theme_found_has_a_section_with_chart_people_quotes_and_links(html, facts):
    found = [t for t in facts.themes if t.n_documents]
    for theme in found:
        section = html.split(f'id="thema-{theme.id}"', 1)[1].split("</section>", 1)[0]
        assert f">{theme.label.replace('&', '&amp;')}</h3>" in section
        assert '<svg role="img"' in section
        assert "Personen, die am häufigsten vorkommen" in section
        assert section.count('<figure class="quote">') == len(theme.quotes)
    network = html.split('id="thema-netzwerk"', 1)[1].split("</section>", 1)[0]
    assert "<strong>3</strong> von 5 Dokumenten (60\u202f%)" in network
    assert 'href="../../corpus/bautzen/abschluss.txt"' in network
    assert "<code>d1</code>" in network
    assert "In keinem Dokument gefunden: Öffentlichkeitsarbeit" in _text(html)


def test_source_links_are_relative_and_point_at_the_files(run_dir, html):
    report_dir = run_dir / "report"
    hrefs = {a["href"] for tag, a in _tags(html) if tag == "a" and not a["href"].startswith("#")}
    assert hrefs
    for href in hrefs:
        assert not re.match(r"^[a-z]+:", href), href
        assert (report_dir / href).resolve().is_file(), href


def test_voices_show_unknown_gender_and_role_categories(facts, html, markdown):
    voices = facts.voices
    # „ein Sprecher“ (unresolved) and Kim Lehmann (no evidence) are quoted with gender unknown.
    assert voices.by_gender == [("weiblich", 2, 2, 2), ("männlich", 2, 1, 2), ("unbekannt", 1, 1, 2)]
    assert (voices.n_named, voices.n_quoted) == (5, 4)
    assert dict((c, (p, q)) for c, p, q in voices.by_role)["Politik/Verwaltungsspitze"] == (1, 2)
    assert dict(voices.by_source) == {"Person": 6, "Gruppe": 1, "Organisation": 1}
    text = _text(html)
    assert "unbekannt 1 1 2" in text
    assert "5 Personen werden genannt, 4 davon zitiert (80\u202f%)" in text
    assert "| unbekannt | 1 | 1 | 2 |" in markdown
    assert 'aria-label="Genannte und zitierte Personen nach Geschlecht"' in html


def test_organisations_by_function_with_their_themes(facts, markdown):
    sponsors = facts.organisations["Projektträger"]
    assert [o.name for o in sponsors] == ["EAF Berlin", "Stadt Görlitz"]  # header „EAF“ is EAF Berlin
    assert sponsors[0].themes[0] == ("Netzwerkarbeit & Kooperation", 3)
    funder = facts.organisations["Förderer"][0]
    assert funder.name == "Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ)"
    assert [o.name for o in facts.organisations["Partner/Mitglied"]] == [
        "Beteiligungs- und Betriebsgesellschaft Bautzen mbH"
    ]
    assert "### Partner und Mitglieder" in markdown


def test_themes_say_how_strong_their_evidence_is(facts, html, markdown):
    themes = {t.id: t for t in facts.themes}
    network, balance = themes["netzwerk"], themes["vereinbarkeit"]
    assert (network.n_documents, network.n_strong, network.thin) == (3, 3, False)
    assert (balance.n_documents, balance.n_strong, balance.thin) == (1, 0, True)
    assert "davon 0 mit starker Evidenz · dünne Evidenz: meist nur ein Absatz" in _text(html)
    assert "| Vereinbarkeit von Familie, Pflege und Beruf | 1 | 20\u202f% | 0 (dünne Evidenz) |" in markdown


def test_strong_evidence_is_measured_from_each_themes_threshold():
    import pandas as pd

    from pipeline.report.facts import _strong_evidence

    docs = pd.DataFrame(
        {
            "threshold": [0.8, 0.8, 0.45, 0.45, None],
            "score": [0.85, 0.92, 0.74, 0.70, 0.81],
            "n_paragraphs": [1, 1, 1, 1, 1],
        }
    )
    # halfway to 1: 0.90 for the strict theme, 0.725 for the lenient one, 0.8 without a threshold
    assert _strong_evidence(docs) == 3
    assert _strong_evidence(docs.assign(n_paragraphs=2)) == 5


def test_programmes_with_funders_operators_and_themes_in_both_formats(facts, html, markdown):
    assert facts.overview.n_programmes == 2  # the duplicate document's programme does not count
    bundnisse, project = facts.programmes
    assert (bundnisse.name, bundnisse.kind, bundnisse.n_documents) == (
        "Regionale Bündnisse für Chancengleichheit",
        "Programm",
        3,
    )
    assert bundnisse.themes[0] == ("Netzwerkarbeit & Kooperation", 3)
    assert (project.operators, project.n_documents, facts.more_programmes) == (
        "M’s Marketing + Kommunikation GmbH",
        1,
        0,
    )
    assert "Programme und Projekte 2" in _text(html)
    assert (
        "| Fachkräfte sichern: weiter bilden und Gleichstellung fördern | Projekt | – "
        "| M’s Marketing + Kommunikation GmbH | 1 |"
    ) in markdown


def test_document_text_is_escaped_in_html(html):
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert not any(tag == "script" for tag, _ in _tags(html))
    assert "javascript:" not in {a.get("href", "") for _, a in _tags(html)}


def test_document_text_is_escaped_in_markdown(markdown):
    assert "<script>" not in markdown
    assert r"\<script\>alert" in markdown
    assert r"Wir \*fördern\* \| \[mehr\](javascript:alert(1))" in markdown
    assert f"[{markdown_escape(FORMULA_TITLE)}](../../corpus/goerlitz/ausbildung.docx)" in markdown
    assert markdown_escape("# Überschrift\nzweite Zeile") == r"\# Überschrift zweite Zeile"
    assert markdown_escape("1. Platz & &amp; Co") == r"1\. Platz & &amp;amp; Co"


def test_html_is_self_contained(html):
    tags = _tags(html)
    assert not [t for t, a in tags if t in {"script", "link", "img", "iframe", "object", "embed"}]
    assert not [a for _, a in tags if "src" in a]
    assert "@import" not in html and "url(http" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert '<html lang="de">' in html


def test_report_of_an_ingest_only_run_says_no_themes_were_found(tmp_path):
    documents = make_tables()["documents"]
    path = write_report({"documents": documents}, tmp_path, {})
    text = _text(path.read_text(encoding="utf-8"))
    assert "keines der Themen gefunden" in text
    assert "Keine Organisation in dieser Funktion erkannt." in text


def test_rebuilt_report_from_csvs_equals_the_direct_one(tmp_path, html):
    tables = make_tables()
    info = {"inputs": [str(tmp_path / "corpus")], "codebook": "default"}
    out = tmp_path / "csv"
    for name, frame in tables.items():
        write_table(frame, name, out)
    (out / "run.json").write_text(json.dumps(info), encoding="utf-8")
    result = CliRunner().invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rebuilt = (out / "report" / "index.html").read_text(encoding="utf-8")
    read_back = {name: read_table(name, out) for name in tables}  # CSVs neutralise „=…“ cells
    assert rebuilt == write_report(read_back, tmp_path / "direct", info).read_text(encoding="utf-8")
    assert _text(rebuilt).count("Kristin Jentsch") == _text(html).count("Kristin Jentsch")
    assert rebuild_report(out) == out / "report" / "index.html"


def test_report_command_explains_a_folder_without_tables(tmp_path):
    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "projektradar run" in result.output


def test_themes_missing_from_the_codebook_are_still_reported(tmp_path):
    tables = make_tables()
    themes = tables["themes"]
    extra = frame_for("themes", [{"doc_id": "d1", "theme": "eigenes_thema", "score": 0.8, "assigned": True}])
    tables["themes"] = frame_for("themes", [*themes.to_dict("records"), *extra.to_dict("records")])
    html = write_report(tables, tmp_path, {}).read_text(encoding="utf-8")
    assert 'id="thema-eigenes_thema"' in html
