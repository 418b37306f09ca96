"""Web pages (trafilatura): main text and metadata, navigation, footers and cookie banners dropped."""

from __future__ import annotations

import trafilatura

from pipeline.ingest.extracted import Extracted, IngestError


def read_html(data: bytes | str, fmt: str = "html") -> list[Extracted]:
    result = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if result is None or not (result.text or "").strip():
        raise IngestError(
            "Kein Haupttext in der HTML-Seite gefunden – bitte die Seite vollständig speichern "
            "oder den Text als .txt liefern"
        )
    # trafilatura puts one block element per line: each is a paragraph.
    return [
        Extracted(
            result.text.replace("\n", "\n\n"),
            fmt,
            title=result.title or "",
            date=result.date or "",
            publisher=result.sitename or "",
            url=result.url or "",
        )
    ]
