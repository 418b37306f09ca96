"""Bounds checked before a reader does the expensive work, so a hostile or runaway file costs
seconds and little memory: a ZIP bomb disguised as a DOCX, a PDF with tens of thousands of pages.

A ZIP member's declared size is a real bound: :mod:`zipfile` stops decompressing at that size and
reports a mismatch, so summing the declared sizes tells the unpacked size without unpacking.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.document import STATUS_SKIPPED
from pipeline.ingest.extracted import IngestError
from pipeline.settings import Settings


def german_number(value: float, decimals: int = 0) -> str:
    """„1.302.315“, „0,9“: digits grouped and the decimal comma the German way."""
    return f"{value:,.{decimals}f}".translate(str.maketrans(",.", ".,"))


def megabytes(size: int) -> str:
    """„0,9 MB“, „240 MB“: one decimal below 10 MB."""
    return f"{german_number(size / 1e6, 1 if size < 10_000_000 else 0)} MB"


def check_archive(data: bytes, settings: Settings) -> None:
    """Refuse an Office archive (DOCX) whose members would unpack beyond ``max_unpacked_bytes``."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile:
        return  # no archive at all: the reader says so
    unpacked = sum(member.file_size for member in members)
    if unpacked > settings.max_unpacked_bytes:
        raise IngestError(
            f"DOCX würde entpackt {megabytes(unpacked)} groß (Datei {megabytes(len(data))}, Grenze "
            f"{megabytes(settings.max_unpacked_bytes)}) – vermutlich eine ZIP-Bombe "
            "oder riesige eingebettete Dateien; ist das Dokument echt, als PDF oder Text exportieren oder "
            "die Grenze mit --max-unpacked-mb erhöhen",
            STATUS_SKIPPED,
        )


def check_pdf(data: bytes, settings: Settings) -> None:
    """Refuse a PDF with more than ``max_pdf_pages`` pages (counted from the page tree, no text read)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        return  # the reader reports the password protection
    pages = len(reader.pages)
    if pages > settings.max_pdf_pages:
        raise IngestError(
            f"PDF hat {pages} Seiten (Grenze {settings.max_pdf_pages}) – in Teile aufteilen oder die "
            "Grenze mit --max-pdf-pages erhöhen",
            STATUS_SKIPPED,
        )


def text_too_long(length: int, settings: Settings) -> str | None:
    """Why a text longer than ``max_chars`` is refused before it is cleaned and analysed (else None)."""
    if length <= settings.max_chars:
        return None
    return (
        f"Text ist zu lang ({german_number(length)} Zeichen, Grenze {german_number(settings.max_chars)}) "
        "– in mehrere Dateien aufteilen oder die Grenze mit --max-chars erhöhen"
    )
