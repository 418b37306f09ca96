"""The tables for code: one Parquet file per table, with the schema's dtypes (a lossless round trip,
without the CSVs' spreadsheet formula protection)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.export.atomic import atomic_path

if TYPE_CHECKING:
    import pandas as pd

PARQUET_DIR = "parquet"


def parquet_path(name: str, out_dir: Path) -> Path:
    return Path(out_dir) / PARQUET_DIR / f"{name}.parquet"


def read_parquet(name: str, out_dir: Path) -> pd.DataFrame:
    """A table exactly as it was written."""
    import pandas as pd

    return pd.read_parquet(parquet_path(name, out_dir), engine="pyarrow")


def write_parquet(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write ``<out_dir>/parquet/<table>.parquet`` for every table, in schema order."""
    from pipeline.tables.frames import tables_in_schema_order

    written = []
    for table, frame in tables_in_schema_order(tables):
        target = parquet_path(table.name, out_dir)
        with atomic_path(target) as tmp:
            frame.to_parquet(tmp, engine="pyarrow", index=False)
        written.append(target)
    return written
