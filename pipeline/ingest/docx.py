"""Word documents (python-docx): paragraphs and tables in document order."""

from __future__ import annotations

import io

import docx
from docx.table import Table

from pipeline.ingest.extracted import Extracted


def _table_rows(table: Table) -> list[str]:
    """One paragraph per table row, cells joined by " | " (merged cells counted once)."""
    rows = []
    for row in table.rows:
        cells = {cell._tc: cell for cell in row.cells}.values()
        texts = [" ".join(cell.text.split()) for cell in cells]
        if any(texts):
            rows.append(" | ".join(texts))
    return rows


def read_docx(data: bytes) -> list[Extracted]:
    document = docx.Document(io.BytesIO(data))
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(_table_rows(item))
        else:
            blocks.append(item.text)
    return [Extracted("\n\n".join(blocks), "docx", title=document.core_properties.title or "")]
