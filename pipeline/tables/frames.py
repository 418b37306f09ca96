"""Rows to DataFrames shaped by :mod:`pipeline.schema`: exactly the table's columns, typed, in a
deterministic row order. Every table the pipeline builds, writes or reads back passes through here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

from pipeline.schema import TABLES, Table

PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def frame_for(table: Table | str, rows: Iterable[dict] | pd.DataFrame) -> pd.DataFrame:
    """DataFrame with exactly the table's columns, typed and in a deterministic row order.

    A row with a column the schema does not know is an error (a misspelt key would otherwise vanish
    silently); columns a row leaves out are empty."""
    table = TABLES[table] if isinstance(table, str) else table
    frame = pd.DataFrame(rows if isinstance(rows, pd.DataFrame) else list(rows))
    if unknown := set(frame.columns) - set(table.column_names):
        raise ValueError(f"{table.name}: columns not in pipeline/schema.py: {sorted(unknown)}")
    for column in table.columns:
        if column.name not in frame:
            frame[column.name] = pd.NA
        frame[column.name] = frame[column.name].astype(PANDAS_DTYPES[column.dtype])
    frame = frame[table.column_names]
    if len(frame):
        frame = frame.sort_values(list(table.sort_by), kind="stable", na_position="first")
    return frame.reset_index(drop=True)


def tables_in_schema_order(tables: dict[str, pd.DataFrame]) -> Iterator[tuple[Table, pd.DataFrame]]:
    """The given tables in the schema's order, each as :func:`frame_for` shapes it."""
    for name, table in TABLES.items():
        if name in tables:
            yield table, frame_for(table, tables[name])
