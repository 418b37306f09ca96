"""Excel workbook and Parquet copies of the tables."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook
from report_tables import FORMULA_TITLE, make_tables

from pipeline.export.parquet import read_parquet, write_parquet
from pipeline.export.workbook import COLUMNS_SHEET, excel_value, write_workbook
from pipeline.schema import TABLES
from pipeline.tables.frames import frame_for


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    tables = make_tables()
    tables["documents"].loc[1, "error"] = "Steuerzeichen\x07 entfernt"
    return tables


@pytest.fixture(scope="module")
def workbook(tables, tmp_path_factory):
    path = write_workbook(tables, tmp_path_factory.mktemp("xlsx"))
    assert path.name == "projektradar.xlsx"
    return load_workbook(path)


def test_one_sheet_per_table_in_schema_order_then_the_column_guide(workbook, tables):
    expected = [name for name in TABLES if name in tables]
    assert workbook.sheetnames == [*expected, COLUMNS_SHEET]
    guide = list(workbook[COLUMNS_SHEET].iter_rows(values_only=True))
    assert guide[0] == ("Tabelle", "Spalte", "Typ", "Bedeutung")
    assert ("documents", "doc_id") in {row[:2] for row in guide}


def test_sheets_have_the_schema_header_bold_frozen_and_filterable(workbook, tables):
    for name, frame in tables.items():
        sheet = workbook[name]
        header = [cell.value for cell in sheet[1]]
        assert header == TABLES[name].column_names
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{len(frame) + 1}"
        assert sheet.max_row == len(frame) + 1
        widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
        assert all(8 <= w <= 60.72 for w in widths)  # stored width = characters + Excel's cell padding


def test_cells_are_values_not_formulas(workbook, tables):
    documents = frame_for("documents", tables["documents"])
    sheet = workbook["documents"]
    titles = [row[documents.columns.get_loc("title")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "'" + FORMULA_TITLE in titles
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    errors = [row[documents.columns.get_loc("error")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Steuerzeichen entfernt" in errors
    n_chars = [
        row[documents.columns.get_loc("n_chars")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert n_chars == [None] * len(documents)  # NA stays an empty cell, not the text "<NA>"


def test_excel_value_limits():
    assert excel_value(pd.NA) is None
    assert excel_value("-5 Prozent") == "'-5 Prozent"
    assert len(excel_value("x" * 40_000)) == 32_767


def test_parquet_round_trip_keeps_values_and_dtypes(tables, tmp_path):
    paths = write_parquet(tables, tmp_path)
    assert [p.name for p in paths] == [f"{name}.parquet" for name in TABLES if name in tables]
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(read_parquet(name, tmp_path), frame_for(name, frame))
    assert FORMULA_TITLE in set(read_parquet("documents", tmp_path)["title"])  # no spreadsheet apostrophe


def test_a_table_longer_than_an_excel_sheet_is_cut_with_a_note(tmp_path, monkeypatch):
    from openpyxl import load_workbook

    import pipeline.export.workbook as workbook
    from pipeline.tables.frames import frame_for

    monkeypatch.setattr(workbook, "EXCEL_DATA_ROWS", 2)
    rows = [{"doc_id": f"d{i}", "source_path": f"{i}.txt", "status": "ok"} for i in range(5)]
    path = workbook.write_workbook({"documents": frame_for("documents", rows)}, tmp_path)
    book = load_workbook(path, read_only=True)
    assert len(list(book["documents"].iter_rows(values_only=True))) == 3  # header + 2
    notes = [row[3] for row in book[workbook.COLUMNS_SHEET].iter_rows(values_only=True)]
    assert any("2 von 5 Zeilen" in str(note) for note in notes)
