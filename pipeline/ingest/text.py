"""Plain text and Markdown in any common encoding; web scrapes among them are recognised."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from pipeline.ingest.clean import plain_text_blocks
from pipeline.ingest.extracted import Extracted, IngestError
from pipeline.ingest.scrape import is_scrape

# charset-normalizer cannot tell these code pages apart on short German text (it often says
# cp1250); Windows-1252 is what German offices actually produce, so it wins whenever it decodes.
LATIN_CODE_PAGES = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "cp850", "mac_roman"}
MAX_BINARY_SHARE = 0.02
MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
MD_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<!\w)([*_])(?=\S)(.+?)(?<=\S)\1(?!\w)"), r"\2"),  # italics, not Leiter*innen
    (re.compile(r"`+"), ""),
    (re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?)", re.MULTILINE), ""),  # heading and quote markers
]


def decode_bytes(data: bytes) -> str:
    """Text of ``data`` in whatever encoding it has; never raises (undecodable bytes become U+FFFD)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding in LATIN_CODE_PAGES:
        return data.decode("cp1252", errors="replace")
    return str(best)


def looks_binary(text: str) -> bool:
    """Control characters or undecodable bytes in more than a few places: not a text file."""
    suspicious = sum(
        1
        for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) in {"Cc", "Cn"} and ch not in "\t\n\r\f")
    )
    return suspicious > MAX_BINARY_SHARE * len(text)


def decode_text_file(data: bytes) -> str:
    text = decode_bytes(data)
    if looks_binary(text):
        raise IngestError(
            "Datei enthält keinen lesbaren Text (Binärdaten?) – Dateiendung prüfen oder als Text exportieren"
        )
    return text


def read_txt(data: bytes) -> list[Extracted]:
    text = decode_text_file(data)
    return [Extracted(plain_text_blocks(text), "scrape" if is_scrape(text) else "txt")]


def read_markdown(data: bytes) -> list[Extracted]:
    text = decode_text_file(data)
    heading = MD_HEADING.search(text)
    for pattern, replacement in MD_INLINE:
        text = pattern.sub(replacement, text)
    return [Extracted(plain_text_blocks(text), "md", title=heading.group(1) if heading else "")]
