"""Output writers: atomic replacement, spreadsheet-formula safety and a lossless round trip."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.document import Document
from pipeline.export import (
    atomic_path,
    neutralise_formula,
    read_table,
    write_jsonl,
    write_table,
)
from pipeline.tables.frames import frame_for

ROWS = [
    Document(
        "b.txt",
        "txt",
        text="Größe der Maßnahme",
        paragraphs=[(0, 18)],
        doc_id="b" * 16,
        title="Größe der Maßnahme – „Netzwerk“ für Leiter*innen",
        date="2015-09",
    ).to_row(),
    Document(
        "a.csv#row=2", "csv", doc_id="a" * 16, status="failed", error="Zeile 2 ist kein gültiges JSON"
    ).to_row(),
]


def test_round_trip_keeps_values_types_and_order(tmp_path):
    written = frame_for("documents", ROWS)
    path = write_table(written, "documents", tmp_path)
    assert path == tmp_path / "documents.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets detect UTF-8
    read = read_table("documents", tmp_path)
    pd.testing.assert_frame_equal(read, written)
    assert list(read["source_path"]) == ["a.csv#row=2", "b.txt"]
    assert read.loc[1, "title"] == "Größe der Maßnahme – „Netzwerk“ für Leiter*innen"
    assert read["n_chars"].dtype == "Int64" and list(read["n_chars"]) == [0, 18]


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+49 30 1234", "-1+1", "@SUM(A1)"])
def test_formula_cells_are_neutralised(tmp_path, cell):
    write_table(frame_for("documents", [{**ROWS[0], "title": cell}]), "documents", tmp_path)
    assert read_table("documents", tmp_path).loc[0, "title"] == "'" + cell
    assert neutralise_formula("Gefördert vom BMFSFJ") == "Gefördert vom BMFSFJ"
    assert neutralise_formula(42) == 42


def test_interrupted_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    write_table(frame_for("documents", ROWS), "documents", tmp_path)
    before = (tmp_path / "documents.csv").read_bytes()

    def crash_halfway(frame, path, **kwargs):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("doc_id,source_path\nhalb")
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", crash_halfway)
    with pytest.raises(KeyboardInterrupt):
        write_table(frame_for("documents", ROWS[:1]), "documents", tmp_path)
    assert (tmp_path / "documents.csv").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["documents.csv"]  # no temporary file left


def test_atomic_path_only_replaces_on_success(tmp_path):
    target = tmp_path / "sub" / "notes.txt"
    with atomic_path(target) as tmp:
        tmp.write_text("erste Fassung", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("kaputt", encoding="utf-8")
        raise RuntimeError("abgebrochen")
    assert target.read_text(encoding="utf-8") == "erste Fassung"
    assert [p.name for p in target.parent.iterdir()] == ["notes.txt"]


def test_jsonl_is_utf8_one_object_per_line(tmp_path):
    records = [{"text": "„Tu Gutes und sprich darüber“", "paragraphs": [[0, 29]]}, {"text": "ß"}]
    path = write_jsonl(records, tmp_path / "documents.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records
    assert "„Tu Gutes" in lines[0]  # not escaped as \u201e
