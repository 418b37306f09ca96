"""Exports researchers already have: .csv and .jsonl with one document per row.

A row's source path is ``file.csv#id=<id>`` when the row has an id, else ``file.csv#row=<n>``
(n counts data rows from 1; for JSONL it is the line number, so a broken line is easy to find).
"""

from __future__ import annotations

import csv
import io
import json

from pipeline.document import STATUS_SKIPPED
from pipeline.ingest.clean import plain_text_blocks
from pipeline.ingest.extracted import Extracted, IngestError
from pipeline.ingest.rules import load_rules
from pipeline.ingest.text import decode_text_file

DELIMITERS = ",;\t|"
SNIFF_CHARS = 20_000
FIELD_SIZE_LIMIT = 2**31 - 1  # csv's default of 128 KiB is smaller than a long report


def _cell(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _column_map(names: list[str]) -> dict[str, str]:
    """Document field -> column name of this file (aliases from ingest.yml, any case)."""
    by_lower = {}
    for name in names:
        by_lower.setdefault(str(name).strip().lstrip("\ufeff").lower(), name)
    return {
        field: next(by_lower[alias] for alias in aliases if alias in by_lower)
        for field, aliases in load_rules().columns.items()
        if any(alias in by_lower for alias in aliases)
    }


def _non_empty(rows: list[Extracted]) -> list[Extracted]:
    """A table without data rows still needs its one row in the output, saying so."""
    if not rows:
        raise IngestError("Tabelle enthält keine Datenzeilen – Export prüfen", STATUS_SKIPPED)
    return rows


def _missing_text_column(kind: str, names: list[str]) -> str:
    found = ", ".join(str(n) for n in names) or "keine"
    return (
        f"{kind} hat keine Spalte „text“ (gefunden: {found}) – die Spalte mit dem Dokumenttext "
        "in „text“ umbenennen"
    )


def _row(record: dict, columns: dict[str, str], number: int, fmt: str, used_ids: set[str]) -> Extracted:
    values = {field: _cell(record.get(column)).strip() for field, column in columns.items()}
    row_id = values.pop("id", "")
    part = f"#id={row_id}" if row_id and row_id not in used_ids else f"#row={number}"
    used_ids.add(row_id)
    return Extracted(plain_text_blocks(values.pop("text", "")), fmt, part=part, **values)


def read_csv(data: bytes) -> list[Extracted]:
    text = decode_text_file(data)
    try:
        dialect = csv.Sniffer().sniff(text[:SNIFF_CHARS], delimiters=DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    names = list(reader.fieldnames or [])
    columns = _column_map(names)
    if "text" not in columns:
        raise IngestError(_missing_text_column("CSV", names))
    used_ids: set[str] = set()
    return _non_empty(
        [_row(record, columns, number, "csv", used_ids) for number, record in enumerate(reader, 1)]
    )


def _jsonl_row(line: str, number: int, used_ids: set[str]) -> Extracted:
    """One JSONL line; a broken line becomes a failed row instead of failing the whole file."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        problem = f"Zeile {number} ist kein gültiges JSON ({exc}) – Zeile korrigieren"
    else:
        if not isinstance(record, dict):
            problem = f'Zeile {number} ist kein JSON-Objekt – jede Zeile braucht die Form {{"text": …}}'
        elif "text" not in (columns := _column_map(list(record))):
            problem = _missing_text_column(f"Zeile {number}", list(record))
        else:
            return _row(record, columns, number, "jsonl", used_ids)
    return Extracted("", "jsonl", part=f"#row={number}", failure=problem)


def read_jsonl(data: bytes) -> list[Extracted]:
    used_ids: set[str] = set()
    lines = decode_text_file(data).splitlines()
    return _non_empty(
        [_jsonl_row(line, number, used_ids) for number, line in enumerate(lines, 1) if line.strip()]
    )
