"""PDF with a text layer (pypdf): running headers/footers and page numbers removed.

Layout mode keeps vertical gaps as blank lines, which is where paragraphs end; hyphenation at
line ends is repaired later by the shared cleaner.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from pypdf import PdfReader

from pipeline.ingest.extracted import Extracted, IngestError
from pipeline.ingest.rules import load_rules

EDGE_LINES = 3  # lines at the top and bottom of a page that may be running headers or footers
FILE_NAME_TITLE = re.compile(r".*\.(docx?|odt|pdf|indd|rtf)$|microsoft word.*", re.IGNORECASE)


def _edge_key(line: str) -> str:
    """Compare running lines with page numbers blanked out ("Seite 2 von 3" = "Seite 1 von 3")."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _edge_indices(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]


def remove_running_lines(pages: list[str]) -> list[str]:
    """Drop header/footer lines repeated on most pages and page-number lines at page edges."""
    page_lines = [page.split("\n") for page in pages]
    seen_on_pages = Counter(
        key for lines in page_lines for key in {_edge_key(lines[i]) for i in _edge_indices(lines)}
    )
    is_running = {key for key, count in seen_on_pages.items() if count >= 2 and 2 * count > len(pages)}
    page_numbers = load_rules().page_numbers
    cleaned = []
    for lines in page_lines:
        drop = {
            i
            for i in _edge_indices(lines)
            if _edge_key(lines[i]) in is_running or page_numbers.fullmatch(lines[i].strip())
        }
        cleaned.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return cleaned


def read_pdf(data: bytes) -> list[Extracted]:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise IngestError("PDF ist passwortgeschützt – bitte eine ungeschützte Fassung liefern")
    pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    if not any(page.strip() for page in pages):
        raise IngestError("PDF hat keine Textebene (gescanntes Bild?) – bitte OCR-Text liefern")
    title = str((reader.metadata or {}).get("/Title") or "")
    if FILE_NAME_TITLE.fullmatch(title.strip()):
        title = ""
    return [Extracted("\n\n".join(remove_running_lines(pages)), "pdf", title=title)]
