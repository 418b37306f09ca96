"""Documents of any length: a report longer than spaCy's limit is processed in paragraph-aligned
parts and merged into one document, with the same findings as its parts run as separate files plus
the links across part boundaries."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import engines, run
from pipeline.compare import differing_files
from pipeline.ingest import iter_documents
from pipeline.nlp.parts import part_bounds
from pipeline.processing import HELPER_SHARE
from pipeline.settings import REPO_DIR, Settings

PART_CHARS = 6_000
INTRODUCTION = (
    "Die Gleichstellungsbeauftragte des Landkreises, Dr. Henrike Wolkenstein, eröffnete die "
    "Abschlusskonferenz des Netzwerks in Görlitz."
)
FILLER = (
    "Im Berichtszeitraum haben die Partnerbetriebe ihre Angebote zur Vereinbarkeit von Familie und "
    "Beruf ausgebaut, die Teilzeitausbildung erprobt und Mentoring-Programme für Nachwuchskräfte "
    "aufgelegt."
)
BACK_REFERENCE = "„Das Netzwerk bleibt auch nach dem Ende der Förderung bestehen“, sagte Wolkenstein."


def corpus_texts() -> list[str]:
    documents = iter_documents([REPO_DIR / "corpus"], Settings())
    return [d.text for d in documents if d.ok]


def long_report(min_chars: int) -> str:
    """The sample corpus's clean texts as one report; a person is introduced in the first part and
    quoted by surname alone after more than one part of other text."""
    paragraphs = [INTRODUCTION, *([FILLER] * (PART_CHARS // len(FILLER) + 1)), BACK_REFERENCE]
    texts = corpus_texts()
    while sum(map(len, paragraphs)) < min_chars:
        paragraphs.extend(texts)
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def split_runs(tmp_path_factory):
    """The report run as one file in parts, and the same parts run as separate files."""
    root = tmp_path_factory.mktemp("long")
    settings = Settings(results_dir=root / "results", part_chars=PART_CHARS)
    report = root / "whole" / "abschlussbericht.txt"
    report.parent.mkdir()
    report.write_text(long_report(40_000), encoding="utf-8")
    whole = run(report, settings=settings)
    (document,) = iter_documents([report], settings)
    bounds = part_bounds(document.text, PART_CHARS)
    assert len(bounds) >= 7
    parts_dir = root / "parts"
    parts_dir.mkdir()
    for n, (start, end) in enumerate(bounds):
        (parts_dir / f"teil_{n:02d}.txt").write_text(document.text[start:end], encoding="utf-8")
    parts = run(parts_dir, settings=settings)
    part_documents = list(iter_documents([parts_dir], settings))
    assert [d.text for d in part_documents] == [document.text[start:end] for start, end in bounds]
    offsets = {d.doc_id: start for d, (start, _) in zip(part_documents, bounds, strict=True)}
    return whole, parts, offsets


def shifted(frame: pd.DataFrame, offsets: dict[str, int], columns: list[str]) -> set[tuple]:
    """Rows of the part files with their offsets moved into the whole report."""
    frame = frame.assign(start_char=frame["start_char"] + frame["doc_id"].map(offsets))
    frame = frame.assign(end_char=frame["end_char"] + frame["doc_id"].map(offsets))
    return set(frame[columns].itertuples(index=False, name=None))


def rows(frame: pd.DataFrame, columns: list[str]) -> set[tuple]:
    return set(frame[columns].itertuples(index=False, name=None))


def test_the_long_report_is_one_processed_document(split_runs):
    whole, _parts, _offsets = split_runs
    (row,) = whole["documents"].itertuples()
    assert row.status == "ok" and row.n_chars > 40_000
    assert whole["people"]["n_documents"].eq(1).all()


def test_findings_match_the_parts_run_as_separate_files(split_runs):
    """Equal where nothing links across parts; where something does, the whole report knows more:
    a role already stated for the person is not repeated, an abbreviation or surname resolves to what
    an earlier part introduced, and a surname that two people in the report share is left open."""
    whole, parts, offsets = split_runs
    columns = ["start_char", "end_char", "text"]
    assert shifted(parts["quotes"], offsets, columns) == rows(whole["quotes"], columns)
    paragraph_columns = ["start_char", "end_char", "theme", "score", "assigned"]
    assert shifted(parts["paragraph_themes"], offsets, paragraph_columns) == rows(
        whole["paragraph_themes"], paragraph_columns
    )
    role_columns = ["start_char", "end_char", "role", "name", "role_normalized"]
    known_roles = rows(whole["roles"], ["name", "role_normalized"])
    missing_roles = shifted(parts["roles"], offsets, role_columns) - rows(whole["roles"], role_columns)
    assert missing_roles and all((name, role) in known_roles for *_, name, role in missing_roles)
    org_starts = {start for start, *_ in rows(whole["org_mentions"].dropna(subset=["start_char"]), columns)}
    assert {
        s for s, *_ in shifted(parts["org_mentions"].dropna(subset=["start_char"]), offsets, columns)
    } <= (org_starts)
    surnames = whole["people"].query("first_name != ''").groupby("surname")["name"].nunique()
    shared = set(surnames[surnames > 1].index)
    missing_mentions = shifted(parts["person_mentions"], offsets, columns) - rows(
        whole["person_mentions"], columns
    )
    assert all(text.split()[-1] in shared for *_, text in missing_mentions)
    assert set(parts["people"]["name"]) - set(whole["people"]["name"]) <= shared


def test_a_speaker_named_by_surname_keeps_her_role_across_a_part_boundary(split_runs):
    """„…, sagte Wolkenstein“ stands more than one part after „Die Gleichstellungsbeauftragte …,
    Dr. Henrike Wolkenstein“: in the whole report the quote has her name and role; the part file
    that quotes her alone does not state the role."""
    whole, parts, _offsets = split_runs

    def quote(result):
        quotes = result["quotes"]
        return quotes[quotes["text"].str.startswith("Das Netzwerk bleibt")].iloc[0]

    speaker = whole["people"].set_index("person_id").loc[quote(whole)["person_id"]]
    assert speaker["name"] == "Henrike Wolkenstein"
    assert quote(whole)["speaker_role"] == "Gleichstellungsbeauftragte"
    assert pd.isna(quote(parts)["speaker_role"]) or quote(parts)["speaker_role"] == ""


def test_a_report_longer_than_spacys_limit_yields_people_quotes_and_themes(tmp_path):
    report = tmp_path / "abschlussbericht.txt"
    report.write_text(long_report(1_050_000), encoding="utf-8")
    result = run(report, settings=Settings(results_dir=tmp_path / "results"))
    (row,) = result["documents"].itertuples()
    assert row.status == "ok", row.error
    assert row.n_chars > 1_000_000
    assert "Henrike Wolkenstein" in set(result["people"]["name"])
    assert len(result["quotes"]) > 100
    assert set(result["themes"].query("assigned")["theme"]) >= {"vereinbarkeit", "netzwerk"}


def test_a_helper_process_parsing_parts_and_themes_changes_nothing(tmp_path, monkeypatch):
    """A long report alone in a run: a helper process parses half of its parts and classifies its
    themes (both cores busy); the outputs are byte-identical to doing everything in one process."""
    report = tmp_path / "bericht" / "abschlussbericht.txt"
    report.parent.mkdir()
    report.write_text(long_report(2 * engines.PARTS_PER_BATCH * PART_CHARS), encoding="utf-8")
    helped = []  # texts sent to a helper process
    submit = engines.ProcessPoolExecutor.submit

    def recorded(pool, task, *args):
        if task is engines.parsed_bytes:
            helped.append(len(args[1]))
        return submit(pool, task, *args)

    monkeypatch.setattr(engines.ProcessPoolExecutor, "submit", recorded)
    run(report, tmp_path / "helped", settings=Settings(results_dir=tmp_path / "r1", part_chars=PART_CHARS))
    parts = len(part_bounds(report.read_text(encoding="utf-8").strip(), PART_CHARS))
    assert parts >= 2 * engines.PARTS_PER_BATCH and helped == [int(parts * HELPER_SHARE)]
    monkeypatch.setattr(engines, "PARTS_PER_BATCH", 10**6)  # no helper: every part parsed here
    run(report, tmp_path / "alone", settings=Settings(results_dir=tmp_path / "r2", part_chars=PART_CHARS))
    assert helped == [int(parts * HELPER_SHARE)]  # no second helper
    assert differing_files(tmp_path / "helped", tmp_path / "alone") == []


def test_a_quote_ending_a_part_ends_as_in_a_file_of_its_own(tmp_path):
    """The whitespace between two parts joins the sentence before it; a message that ends there loses
    its period as one at the end of a file does."""
    sentence = "Anna Berger sagte, das Projekt sei ein großer Erfolg für die Region."
    texts = {"allein.txt": sentence, "in_teilen.txt": f"{sentence}\n\nDie Förderung läuft bis 2027."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    settings = Settings(results_dir=tmp_path / "results", part_chars=len(sentence) + 5)
    quotes = run([tmp_path / name for name in texts], settings=settings)["quotes"]
    assert set(quotes["text"]) == {"das Projekt sei ein großer Erfolg für die Region"}
    assert len(quotes) == 2
