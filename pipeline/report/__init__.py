"""The thematic summary for funders: ``report/index.html`` (self-contained) and ``report/summary.md``.

:func:`write_report` renders from the tables of a run; :func:`rebuild_report` does the same from the
CSVs an earlier run left in its output folder (``projektradar report``, ``make report``).
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.errors import UserFacingError
from pipeline.export import read_table
from pipeline.report.render import write_report
from pipeline.schema import TABLES


def rebuild_report(out_dir: Path) -> Path:
    """Re-render the report from ``<out_dir>/*.csv`` and ``run.json``; returns the HTML path."""
    out_dir = Path(out_dir)
    tables = {name: read_table(t, out_dir) for name, t in TABLES.items() if (out_dir / t.filename).is_file()}
    if "documents" not in tables:
        raise UserFacingError(f"{out_dir} enthält keine documents.csv – zuerst `projektradar run` ausführen.")
    run_json = out_dir / "run.json"
    info = json.loads(run_json.read_text(encoding="utf-8")) if run_json.is_file() else {}
    return write_report(tables, out_dir, info)


__all__ = ["rebuild_report", "write_report"]
