"""Hostile and oversized inputs are refused before the expensive step, quickly, with little memory,
and with a German reason that says what to do."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

from pipeline.ingest import iter_documents
from pipeline.settings import Settings

SETTINGS = Settings()
GOOD_DOCX = Path(__file__).parent / "fixtures" / "good" / "jahresbericht.docx"
PARAGRAPH = b"<w:p><w:r><w:t>Ein Absatz, der sehr oft wiederholt wird.</w:t></w:r></w:p>"


def write_docx_bomb(path: Path, unpacked_mb: int) -> None:
    """A small DOCX whose word/document.xml unpacks to ``unpacked_mb`` MB (about 1.5 million
    paragraphs at 240 MB), built from a real DOCX so that everything else in it is valid."""
    with zipfile.ZipFile(GOOD_DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                bomb.writestr(item, source.read(item))
        head, _, tail = source.read("word/document.xml").partition(b"<w:body>")
        with bomb.open("word/document.xml", "w", force_zip64=True) as xml:
            xml.write(head + b"<w:body>")
            chunk = PARAGRAPH * 10_000
            for _ in range(unpacked_mb * 1_000_000 // len(chunk)):
                xml.write(chunk)
            xml.write(tail)


def only(documents):
    (document,) = documents
    return document


def test_docx_bomb_is_skipped_in_seconds_with_bounded_memory(tmp_path):
    bomb = tmp_path / "bombe.docx"
    write_docx_bomb(bomb, unpacked_mb=240)
    assert bomb.stat().st_size < 2_000_000
    started = time.perf_counter()
    # A fresh interpreter, so its peak memory is this ingest's alone.
    script = (
        "import resource, sys; from pipeline.ingest import iter_documents; from pipeline.settings import "
        "Settings; d, = iter_documents([__import__('pathlib').Path(sys.argv[1])], Settings()); "
        "print(d.status); print(d.error); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(bomb)], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - started
    status, error, peak_kb = done.stdout.splitlines()  # the child's own peak (RUSAGE_CHILDREN would
    peak_mb = int(peak_kb) / 1024  # be the largest of every child this test session has waited for)
    assert status == "skipped"
    assert re.match(r"DOCX würde entpackt 24\d MB groß \(Datei 0,\d MB, Grenze 100 MB\) – ", error)
    assert "ZIP-Bombe" in error and "--max-unpacked-mb" in error
    assert seconds < 20
    assert peak_mb < 1500


def test_docx_below_the_unpacked_limit_is_read():
    document = only(iter_documents([GOOD_DOCX], SETTINGS))
    assert document.status == "ok"
    refused = only(iter_documents([GOOD_DOCX], replace(SETTINGS, max_unpacked_bytes=200_000)))
    assert refused.status == "skipped"
    assert refused.error.startswith("DOCX würde entpackt 0,8 MB groß (Datei 0,0 MB, Grenze 0,2 MB) – ")


def test_renamed_non_zip_docx_says_what_to_do(tmp_path):
    fake = tmp_path / "bericht.docx"
    fake.write_text("Das ist eigentlich eine Textdatei.", encoding="utf-8")
    document = only(iter_documents([fake], SETTINGS))
    assert document.status == "failed"
    assert document.error.startswith("DOCX ist beschädigt oder kein Word-Dokument – in Word öffnen")


def test_pdf_over_the_page_limit_is_skipped():
    pdf = Path(__file__).parent / "fixtures" / "good" / "projektbericht.pdf"
    document = only(iter_documents([pdf], replace(SETTINGS, max_pdf_pages=1)))
    assert document.status == "skipped"
    assert document.error.startswith("PDF hat 3 Seiten (Grenze 1)")
    assert "--max-pdf-pages" in document.error


def test_text_over_the_character_limit_is_skipped_with_a_german_number(tmp_path):
    path = tmp_path / "riesig.txt"
    path.write_text("Ein Satz über Fachkräfte in Bautzen. " * 40_000, encoding="utf-8")
    document = only(iter_documents([path], replace(SETTINGS, max_chars=1_000_000)))
    assert document.status == "skipped"
    assert document.error.startswith("Text ist zu lang (1.480.000 Zeichen, Grenze 1.000.000)")
    assert "--max-chars" in document.error
