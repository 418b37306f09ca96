"""Plain dataclasses passed from ingest to the later stages."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

STATUS_OK = "ok"
STATUS_DUPLICATE = "duplicate"
STATUS_SKIPPED = "skipped"
STATUS_FAILED = "failed"


def content_id(*parts: str) -> str:
    """Short stable hash of text content; the basis of ``doc_id``."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


@dataclass
class Document:
    """One input document (or one row of a tabular export) after ingest.

    ``text`` is the clean text all later offsets refer to; paragraphs are separated by a blank line
    and listed as ``(start, end)`` character offsets.
    """

    source_path: str
    format: str
    text: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    doc_id: str = ""
    status: str = STATUS_OK
    error: str = ""
    title: str = ""
    date: str = ""
    publisher: str = ""
    projekttraeger: str = ""
    funder: str = ""
    url: str = ""
    language: str = ""
    duplicate_of: str = ""
    _released: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    def release_text(self) -> None:
        """Drop the text once later stages are done with it, keeping its counts for the tables."""
        self._released = (self.n_chars, len(self.paragraphs))
        self.text, self.paragraphs = "", []

    @property
    def n_chars(self) -> int:
        return self._released[0] if self._released else len(self.text)

    @property
    def n_paragraphs(self) -> int:
        return self._released[1] if self._released else len(self.paragraphs)

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK

    def paragraph_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.paragraphs]

    def to_dict(self) -> dict:
        """All fields (JSON-able); :meth:`from_dict` restores the document."""
        data = asdict(self)
        del data["_released"]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        return cls(**{**data, "paragraphs": [(start, end) for start, end in data["paragraphs"]]})

    def to_row(self) -> dict:
        """Row of ``documents.csv`` (metadata only, no text)."""
        row = self.to_dict()
        del row["text"], row["paragraphs"]
        row["n_chars"] = self.n_chars
        row["n_paragraphs"] = self.n_paragraphs
        return row

    def to_json(self) -> dict:
        """Line of ``documents.jsonl``: metadata plus the clean text and paragraph offsets.

        Only ingested (ok) documents are written there; their final status is in documents.csv.
        """
        record = self.to_row()
        del record["status"], record["error"], record["duplicate_of"]
        record["text"] = self.text
        record["paragraphs"] = [list(p) for p in self.paragraphs]
        return record
