"""Output edge of the pipeline: tables to CSV/JSONL/Excel/Parquet, always written atomically."""

from pipeline.export.writers import (
    atomic_path,
    atomic_write_text,
    frame_for,
    neutralise_formula,
    read_table,
    write_jsonl,
    write_table,
)

__all__ = [
    "atomic_path",
    "atomic_write_text",
    "frame_for",
    "neutralise_formula",
    "read_table",
    "write_jsonl",
    "write_table",
]
