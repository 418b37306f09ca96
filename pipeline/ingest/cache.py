"""Documents of unchanged input files are read from a cache instead of being parsed again.

A rerun over a large corpus would otherwise spend most of its time re-reading PDFs and re-running
the metadata rules. An entry is keyed by the file's identity (resolved path, source path, size,
modification time, inode), the ingest settings and the code version. Files modified in the last
:data:`RECENT_SECONDS` are never cached: a second change within the file system's timestamp
granularity would keep the same stat and go unnoticed (git's "racy" problem). Files that failed are
not cached either, so a fixed permission or a replaced file is read again.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from pipeline.cache import JsonStore, code_version, key_of
from pipeline.document import STATUS_FAILED, Document
from pipeline.ingest.discover import InputFile
from pipeline.settings import Settings

RECENT_SECONDS = 2.0


class IngestCache:
    def __init__(self, root: Path, settings: Settings):
        self.store = JsonStore(root)
        self.base = key_of(
            code_version(),
            repr(
                (
                    settings.max_file_bytes,
                    settings.max_unpacked_bytes,
                    settings.max_pdf_pages,
                    settings.max_chars,
                    settings.min_chars,
                    settings.languages,
                )
            ),
        )

    def key(self, item: InputFile) -> str | None:
        """The file's key, or None when it must be read (gone, or modified too recently)."""
        try:
            stat = item.path.stat()
        except OSError:
            return None
        if time.time() - stat.st_mtime < RECENT_SECONDS:
            return None
        identity = (str(item.path.resolve()), item.source_path, stat.st_size, stat.st_mtime_ns, stat.st_ino)
        return key_of(self.base, repr(identity))

    def get(self, key: str) -> list[Document] | None:
        return self.store.load(key, lambda text: [Document.from_dict(d) for d in json.loads(text)])

    def put(self, key: str, documents: list[Document]) -> None:
        if all(d.status != STATUS_FAILED for d in documents):
            self.store.write(key, json.dumps([d.to_dict() for d in documents], ensure_ascii=False))
