"""Orchestration: stream documents through the stages and write the tables.

The CLI and the notebook API (:func:`pipeline.run`) both call :func:`run`; nothing here parses
arguments or prints, so the same code serves scripts, tests and the Dask engine.
"""

from __future__ import annotations

import json
import platform
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import __version__
from pipeline.document import Document
from pipeline.export import atomic_write_text, frame_for, write_jsonl, write_table
from pipeline.ingest import discover_files, iter_documents
from pipeline.settings import Settings

ProgressCallback = Callable[[Document], None]


@dataclass
class RunResult:
    """Tables of one run as DataFrames, plus the run's summary counts."""

    tables: dict[str, pd.DataFrame]
    counts: Counter = field(default_factory=Counter)
    out_dir: Path | None = None

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def summary(self) -> str:
        c = self.counts
        return (
            f"{c['ok']} processed, {c['duplicate']} duplicates, {c['skipped']} skipped, {c['failed']} failed"
        )


def count_inputs(inputs: Sequence[Path | str]) -> int:
    """Number of input files (for a progress bar's total)."""
    return len(discover_files([Path(p) for p in inputs]))


def run(
    inputs: Sequence[Path | str] | Path | str,
    out_dir: Path | str | None = None,
    *,
    settings: Settings | None = None,
    on_document: ProgressCallback | None = None,
) -> RunResult:
    """Run all stages over files or folders; write the tables to ``out_dir`` when given."""
    settings = settings or Settings()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    paths = [Path(p) for p in inputs]
    out = Path(out_dir) if out_dir is not None else None
    started = time.time()

    documents: list[Document] = []
    counts: Counter = Counter()
    for document in iter_documents(paths, settings):
        counts[document.status] += 1
        documents.append(document)
        if on_document:
            on_document(document)

    tables = {"documents": frame_for("documents", (d.to_row() for d in documents))}
    result = RunResult(tables=tables, counts=counts, out_dir=out)
    if out is not None:
        for name, frame in tables.items():
            write_table(frame, name, out)
        write_jsonl(
            (d.to_json() for d in sorted(documents, key=lambda d: d.source_path) if d.ok),
            out / "documents.jsonl",
        )
        run_info = {
            "projektradar": __version__,
            "python": platform.python_version(),
            "inputs": [str(p) for p in paths],
            "counts": dict(sorted(counts.items())),
            "seconds": round(time.time() - started, 3),
        }
        atomic_write_text(out / "run.json", json.dumps(run_info, ensure_ascii=False, indent=2) + "\n")
    return result
