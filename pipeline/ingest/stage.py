"""The ingest stage: every input file or tabular row becomes exactly one Document.

Readers only extract; cleaning, metadata fallbacks, language check, ids and duplicate marking
happen here once for all formats. Problems with a file are turned into a status row in one place
(:func:`_file_documents`), so a bad file never stops a run.
"""

from __future__ import annotations

import fnmatch
import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.cache import IngestCache
from pipeline.document import (
    STATUS_DUPLICATE,
    STATUS_FAILED,
    STATUS_SKIPPED,
    Document,
    content_id,
)
from pipeline.ingest.clean import clean_line, join_paragraphs, split_paragraphs
from pipeline.ingest.dates import parse_date
from pipeline.ingest.discover import InputFile, discover_inputs
from pipeline.ingest.extracted import Extracted, IngestError
from pipeline.ingest.language import detect_language, is_reliably_foreign
from pipeline.ingest.limits import check_archive, check_pdf, text_too_long
from pipeline.ingest.metadata import publisher_name
from pipeline.ingest.rules import load_rules
from pipeline.ingest.scrape import read_header
from pipeline.settings import Settings


@dataclass(frozen=True)
class Reader:
    """A format's reader, named as ``module:function`` and imported on first use: a rerun whose
    files all come from the ingest cache loads none of the parsers (trafilatura, pypdf, …)."""

    format: str
    function: str  # "pipeline.ingest.<module>:<function>", (bytes) -> list[Extracted]
    broken: str  # what to tell the user when the reader fails on the file
    guard: Callable[[bytes, Settings], None] | None = None  # cheap bounds checked before reading

    def read(self, data: bytes) -> list[Extracted]:
        module, _, function = self.function.partition(":")
        return getattr(importlib.import_module(module), function)(data)


_TXT = "Textdatei konnte nicht gelesen werden"
_MD = "Markdown-Datei konnte nicht gelesen werden"
_HTML = "HTML-Seite konnte nicht gelesen werden"
READERS: dict[str, Reader] = {
    ".txt": Reader("txt", "pipeline.ingest.text:read_txt", _TXT),
    ".md": Reader("md", "pipeline.ingest.text:read_markdown", _MD),
    ".markdown": Reader("md", "pipeline.ingest.text:read_markdown", _MD),
    ".html": Reader("html", "pipeline.ingest.html:read_html", _HTML),
    ".htm": Reader("html", "pipeline.ingest.html:read_html", _HTML),
    ".pdf": Reader(
        "pdf",
        "pipeline.ingest.pdf:read_pdf",
        "PDF ist beschädigt oder unlesbar – bitte neu exportieren",
        check_pdf,
    ),
    ".docx": Reader(
        "docx",
        "pipeline.ingest.docx:read_docx",
        "DOCX ist beschädigt oder kein Word-Dokument – in Word öffnen und neu speichern",
        check_archive,
    ),
    ".eml": Reader(
        "eml", "pipeline.ingest.eml:read_eml", "E-Mail konnte nicht gelesen werden – als .eml neu exportieren"
    ),
    ".csv": Reader(
        "csv",
        "pipeline.ingest.tabular:read_csv",
        "CSV konnte nicht gelesen werden – als UTF-8-CSV neu exportieren",
    ),
    ".jsonl": Reader("jsonl", "pipeline.ingest.tabular:read_jsonl", "JSONL konnte nicht gelesen werden"),
}


def _problem(source_path: str, fmt: str, status: str, error: str) -> Document:
    return Document(source_path, fmt, status=status, error=error, doc_id=content_id(source_path))


def _read(item: InputFile, reader: Reader | None, settings: Settings) -> list[Extracted]:
    """Run the file's reader after the checks every format shares (kind, size, emptiness)."""
    name = item.path.name.lower()
    if any(fnmatch.fnmatch(name, pattern.lower()) for pattern in load_rules().companion_files):
        raise IngestError(
            "Begleitdatei des Korpus (README/Lizenz), kein Dokument – umbenennen, falls sie "
            "ausgewertet werden soll",
            STATUS_SKIPPED,
        )
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise IngestError(
            f"Dateiformat nicht unterstützt ({item.path.suffix or 'ohne Endung'}) – unterstützt: {supported}",
            STATUS_SKIPPED,
        )
    size = item.path.stat().st_size
    if size > settings.max_file_bytes:
        raise IngestError(
            f"Datei ist zu groß ({size / 1e6:.1f} MB, Grenze {settings.max_file_bytes / 1e6:.1f} MB) "
            "– Datei teilen oder die Grenze mit --max-file-mb erhöhen",
            STATUS_SKIPPED,
        )
    data = item.path.read_bytes()
    if not data:
        raise IngestError("Datei ist leer (0 Bytes) – Datei prüfen oder entfernen", STATUS_SKIPPED)
    if not data.strip():
        raise IngestError("Datei enthält nur Leerzeichen – Datei prüfen oder entfernen", STATUS_SKIPPED)
    if reader.guard is not None:
        reader.guard(data, settings)
    return reader.read(data)


def _finish(source_path: str, extracted: Extracted, settings: Settings) -> Document:
    """Clean text, paragraphs, metadata fallbacks, language and status for one extracted text."""
    if extracted.failure:
        return _problem(source_path, extracted.format, STATUS_FAILED, extracted.failure)
    if too_long := text_too_long(len(extracted.text), settings):
        return _problem(source_path, extracted.format, STATUS_SKIPPED, too_long)
    header = read_header(split_paragraphs(extracted.text), drop_furniture=extracted.format == "scrape")
    text, paragraphs = join_paragraphs(header.paragraphs)
    document = Document(
        source_path,
        extracted.format,
        text=text,
        paragraphs=paragraphs,
        title=clean_line(extracted.title) or header.title,
        date=parse_date(extracted.date) or header.date,
        publisher=publisher_name(clean_line(extracted.publisher) or header.fields.get("publisher", "")),
        projekttraeger=clean_line(extracted.projekttraeger) or header.fields.get("projekttraeger", ""),
        funder=clean_line(extracted.funder) or header.fields.get("funder", ""),
        url=clean_line(extracted.url),
    )
    if len(text) < settings.min_chars:
        document.status = STATUS_SKIPPED
        document.error = (
            f"Zu wenig Text ({len(text)} Zeichen, mindestens {settings.min_chars}) – "
            "Datei prüfen, ob der Inhalt vollständig ist"
        )
    else:
        language, confidence = detect_language(text)
        document.language = language
        if is_reliably_foreign(text, language, confidence, settings.languages):
            document.status = STATUS_SKIPPED
            document.error = (
                f"Text ist nicht deutsch (erkannt: {language}) – nur deutsche Texte werden ausgewertet"
            )
    document.doc_id = content_id(text) if document.ok else content_id(source_path)
    return document


def _file_documents(item: InputFile, settings: Settings) -> Iterator[Document]:
    """All documents of one file in source-path order; the one place where a failing file becomes a
    status row. Rows are finished one by one, so a large export reaches the later stages at once
    instead of after all its rows are cleaned and language-checked (a row that breaks after others
    were yielded adds the file's failure row)."""
    reader = READERS.get(item.path.suffix.lower())
    fmt = reader.format if reader else item.path.suffix.lower().lstrip(".")
    try:
        for extracted in sorted(_read(item, reader, settings), key=lambda e: e.part):
            yield _finish(item.source_path + extracted.part, extracted, settings)
        return
    except IngestError as problem:
        yield _problem(item.source_path, fmt, problem.status, str(problem))
        return
    except MemoryError:
        message = (
            "Zu wenig Arbeitsspeicher zum Lesen der Datei – Datei aufteilen oder auf einem Rechner mit "
            "mehr Speicher verarbeiten"
        )
    except PermissionError:
        message = "Keine Leseberechtigung für die Datei – Zugriffsrechte prüfen"
    except FileNotFoundError:
        message = "Datei nicht gefunden – Pfad prüfen"
    except OSError as exc:
        message = f"Datei konnte nicht gelesen werden ({exc.strerror or exc}) – Datei prüfen"
    except Exception as exc:
        broken = reader.broken if reader else "Datei konnte nicht verarbeitet werden"
        message = f"{broken} ({type(exc).__name__}: {exc})"
    yield _problem(item.source_path, fmt, STATUS_FAILED, message)


def _cached_file_documents(
    item: InputFile, settings: Settings, cache: IngestCache | None
) -> Iterator[Document]:
    """The file's documents from the ingest cache, or read and (once the file is done) cached.

    Copies go to the cache: later stages mark duplicates and release texts of the yielded ones."""
    key = cache.key(item) if cache is not None else None
    cached = cache.get(key) if key is not None else None
    if cached is not None:
        yield from cached
        return
    if key is None:
        yield from _file_documents(item, settings)
        return
    read: list[Document] = []
    for document in _file_documents(item, settings):
        read.append(replace(document))
        yield document
    cache.put(key, read)


def iter_documents(
    inputs: Sequence[Path], settings: Settings, cache: IngestCache | None = None
) -> Iterator[Document]:
    """One Document per input file or tabular row, in source-path order, duplicates marked.

    With a ``cache``, files unchanged since an earlier run are not parsed again."""
    first_source: dict[str, str] = {}  # doc_id of an ok text -> where it was seen first
    for item in discover_inputs(inputs):
        for document in _cached_file_documents(item, settings, cache):
            if document.ok and document.doc_id in first_source:
                document.status = STATUS_DUPLICATE
                document.duplicate_of = document.doc_id
                document.doc_id = content_id(document.text, document.source_path)
                document.error = (
                    f"Gleicher Text wie {first_source[document.duplicate_of]} – wird nur einmal ausgewertet"
                )
            elif document.ok:
                first_source[document.doc_id] = document.source_path
            yield document
