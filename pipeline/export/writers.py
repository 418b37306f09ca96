"""Atomic, spreadsheet-safe writers for the tables defined in :mod:`pipeline.schema`.

Every file is written to a temporary sibling and renamed into place, so an interrupted run never
leaves a half-written table. CSVs are UTF-8 with BOM (spreadsheet programs then detect the encoding
and show „ß“ and „…“ correctly) and cells that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from pipeline.export.atomic import atomic_path
from pipeline.schema import TABLES, Table

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_ENCODING = "utf-8-sig"
_PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def neutralise_formula(value: object) -> object:
    """Prefix a text cell that a spreadsheet would evaluate (``=HYPERLINK(…)``) with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def frame_for(table: Table | str, rows: Iterable[dict] | pd.DataFrame) -> pd.DataFrame:
    """DataFrame with exactly the table's columns, typed and in a deterministic row order."""
    table = TABLES[table] if isinstance(table, str) else table
    frame = pd.DataFrame(rows if isinstance(rows, pd.DataFrame) else list(rows))
    for column in table.columns:
        if column.name not in frame:
            frame[column.name] = pd.NA
        frame[column.name] = frame[column.name].astype(_PANDAS_DTYPES[column.dtype])
    frame = frame[table.column_names]
    if len(frame):
        frame = frame.sort_values(list(table.sort_by), kind="stable", na_position="first")
    return frame.reset_index(drop=True)


def tables_in_schema_order(tables: dict[str, pd.DataFrame]) -> Iterator[tuple[Table, pd.DataFrame]]:
    """The given tables in the schema's order, each as :func:`frame_for` shapes it."""
    for name, table in TABLES.items():
        if name in tables:
            yield table, frame_for(table, tables[name])


def write_table(frame: pd.DataFrame, table: Table | str, out_dir: Path) -> Path:
    """Write ``frame`` as ``<out_dir>/<table>.csv`` (spreadsheet-safe) and return the path."""
    table = TABLES[table] if isinstance(table, str) else table
    frame = frame_for(table, frame)
    safe = frame.copy()
    for column in table.columns:
        if column.dtype == "str":
            safe[column.name] = safe[column.name].map(neutralise_formula, na_action="ignore")
    target = Path(out_dir) / table.filename
    with atomic_path(target) as tmp:
        safe.to_csv(tmp, index=False, encoding=CSV_ENCODING, lineterminator="\n")
    return target


def read_table(table: Table | str, out_dir: Path) -> pd.DataFrame:
    """Read a table written by :func:`write_table` back with its schema's dtypes."""
    table = TABLES[table] if isinstance(table, str) else table
    dtypes = {c.name: _PANDAS_DTYPES[c.dtype] for c in table.columns}
    return pd.read_csv(
        Path(out_dir) / table.filename,
        encoding=CSV_ENCODING,
        dtype=dtypes,
        keep_default_na=False,
        na_values={c.name: [""] for c in table.columns if c.dtype != "str"},
    )


def write_jsonl(records: Iterable[dict], target: Path) -> Path:
    """Write one JSON object per line (UTF-8, no ASCII escaping) atomically."""
    with atomic_path(Path(target)) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return Path(target)
