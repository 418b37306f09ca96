"""Output edge of the pipeline: tables to CSV/JSONL/Excel/Parquet, always written atomically.

The atomic file helpers load at once; the table writers (pandas) on first use (PEP 562), so that a
no-change rerun, which writes only ``run.json``, does not import pandas.
"""

from pipeline.export.atomic import atomic_path, atomic_write_text

__all__ = [
    "atomic_path",
    "atomic_write_text",
    "neutralise_formula",
    "read_table",
    "write_jsonl",
    "write_table",
]


def __getattr__(name: str):
    if name in __all__:
        from pipeline.export import writers

        return getattr(writers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
