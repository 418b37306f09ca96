"""Atomic, spreadsheet-safe writers for the tables defined in :mod:`pipeline.schema`.

Every file is written to a temporary sibling and renamed into place, so an interrupted run never
leaves a half-written table. CSVs are UTF-8 with BOM (spreadsheet programs then detect the encoding
and show „ß“ and „…“ correctly) and cells that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.export.atomic import atomic_path
from pipeline.schema import TABLES, Table
from pipeline.tables.frames import PANDAS_DTYPES, frame_for

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_ENCODING = "utf-8-sig"


def neutralise_formula(value: object) -> object:
    """Prefix a text cell that a spreadsheet would evaluate (``=HYPERLINK(…)``) with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


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
    dtypes = {c.name: PANDAS_DTYPES[c.dtype] for c in table.columns}
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
