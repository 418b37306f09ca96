"""Ingest stage: turn files of many formats into clean :class:`~pipeline.document.Document` objects."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline.document import Document, content_id
from pipeline.settings import Settings


def discover_files(inputs: Sequence[Path]) -> list[Path]:
    """All files below the given folders (recursive) plus the given files, in a stable order."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            found.append(path)
    return sorted(set(found))


def iter_documents(inputs: Sequence[Path], settings: Settings) -> Iterator[Document]:
    """Placeholder until the readers land: plain UTF-8 text only."""
    for path in discover_files(inputs):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        yield Document(
            source_path=path.name,
            format=path.suffix.lstrip("."),
            text=text,
            paragraphs=[(0, len(text))],
            doc_id=content_id(text),
        )
