"""The tables for people who live in spreadsheets: one Excel workbook.

The workbook carries the same columns as the CSVs, one sheet per table in schema order, plus a
sheet that explains every column, so it can be forwarded on its own. Text cells get the same
formula neutralisation as the CSVs: a press release must not be able to run ``=HYPERLINK(…)``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from xlsxwriter import Workbook

from pipeline.export.atomic import atomic_path
from pipeline.export.writers import neutralise_formula
from pipeline.tables.frames import tables_in_schema_order

WORKBOOK_NAME = "projektradar.xlsx"
COLUMNS_SHEET = "Spalten"
EXCEL_CELL_LIMIT = 32_767  # characters; Excel refuses longer cells
EXCEL_DATA_ROWS = 1_048_575  # rows per sheet below the header; larger tables are cut (CSV/Parquet are whole)
WIDTH_SAMPLE_ROWS = 500
MIN_WIDTH, MAX_WIDTH = 8, 60
_HEADER_FORMAT = {"bold": True, "bg_color": "#DDE5EE", "valign": "top"}
# Streamed rows (flat memory for large tables); cell text is stored as text, never interpreted as a
# formula, link or number (values are also neutralised like the CSVs).
_WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def excel_value(value: object) -> object:
    """A cell value Excel accepts and never evaluates: no NA, no control characters, no formulas."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar → Python scalar
        value = value.item()
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > EXCEL_CELL_LIMIT:
            value = value[: EXCEL_CELL_LIMIT - 1] + "…"
        return neutralise_formula(value)
    return value


def _excel_rows(frame: pd.DataFrame) -> Iterator[list]:
    """The frame's rows as cells Excel accepts, prepared column by column: numbers and flags need only
    their missing values replaced, text cells go through :func:`excel_value`."""
    columns = []
    for name in frame.columns:
        values = frame[name]
        if pd.api.types.is_string_dtype(values) or values.dtype == object:
            columns.append([excel_value(v) for v in values.tolist()])
        else:  # Python numbers and bools (object dtype), None where missing
            columns.append(values.astype(object).where(values.notna(), None).tolist())
    return (list(row) for row in zip(*columns, strict=True))


def _column_widths(frame: pd.DataFrame) -> list[float]:
    """Width per column from the header and the first rows, so long evidence texts stay readable."""
    sample = frame.head(WIDTH_SAMPLE_ROWS)
    widths = []
    for name in frame.columns:
        lengths = sample[name].dropna().astype(str).str.len()
        longest = max(len(name) + 3, int(lengths.max()) if len(lengths) else 0)
        widths.append(float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 1))))
    return widths


def _add_sheet(book: Workbook, title: str, header: list[str], rows: Iterator[list], widths) -> None:
    """A sheet with a bold, frozen, filterable header row; ``rows`` hold cells as :func:`excel_value`
    makes them and are streamed (constant memory)."""
    sheet = book.add_worksheet(title)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    sheet.write_row(0, 0, header, book.add_format(_HEADER_FORMAT))
    last = 0
    for last, row in enumerate(rows, start=1):
        sheet.write_row(last, 0, row)
    sheet.autofilter(0, 0, last, len(header) - 1)


def write_workbook(tables: dict[str, pd.DataFrame], out_dir: Path) -> Path:
    """Write ``<out_dir>/projektradar.xlsx``: one sheet per table, then a sheet explaining the columns."""
    target = Path(out_dir) / WORKBOOK_NAME
    with atomic_path(target) as tmp:
        book = Workbook(str(tmp), _WORKBOOK_OPTIONS)
        described: list[list[str]] = []
        for table, frame in tables_in_schema_order(tables):
            shown = frame.head(EXCEL_DATA_ROWS)
            _add_sheet(book, table.name, table.column_names, _excel_rows(shown), _column_widths(frame))
            described.extend([table.name, c.name, c.dtype, c.description] for c in table.columns)
            if len(shown) < len(frame):
                note = (
                    f"Excel fasst nur {len(shown):,} von {len(frame):,} Zeilen; "
                    f"vollständig in {table.filename}"
                )
                described.append([table.name, "", "", note])
        _add_sheet(
            book,
            COLUMNS_SHEET,
            ["Tabelle", "Spalte", "Typ", "Bedeutung"],
            ([excel_value(v) for v in row] for row in described),
            [16, 20, 8, 100],
        )
        book.close()
    return target
