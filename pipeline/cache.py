"""The run's two caches on disk, both content-addressed JSON files (:class:`JsonStore`) whose keys
include the code version (results of other code are never reused):

* :class:`IngestCache`: documents of unchanged input files, so a rerun does not read PDFs again;
* :class:`ResultCache`: the per-document results of the NLP, extraction and theme stages, so a rerun
  skips unchanged documents and a killed run resumes where it stopped.

(The trained models live in ``Settings.cache_dir`` too, under their fingerprints; see
:mod:`pipeline.nlp.fingerprint` and :mod:`pipeline.themes.train`.)
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipeline.document import STATUS_FAILED, Document
from pipeline.export import atomic_write_text
from pipeline.settings import PACKAGE_DIR, Settings

if TYPE_CHECKING:
    from pipeline.ingest.discover import InputFile
    from pipeline.processing import DocResult, ProcessorConfig

T = TypeVar("T")
CODE_SUFFIXES = {".py", ".yml", ".yaml", ".csv", ".tsv", ".txt", ".json", ".cfg"}


@cache
def code_version() -> str:
    """Hash of the package's code and resources (computed once per process)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key_of(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


class JsonStore:
    """One JSON text per key under ``root/<2 hex>/<key>.json``, each written atomically, so a run
    killed mid-write leaves either the old entry or none."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def __contains__(self, key: str) -> bool:
        return self._path(key).is_file()

    def read(self, key: str) -> str | None:
        try:
            return self._path(key).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None

    def load(self, key: str, parse: Callable[[str], T]) -> T | None:
        """The parsed entry, or None when it is missing or damaged (keys include the code version,
        so an entry is never another version's) — the caller then recomputes or reports it."""
        text = self.read(key)
        if text is None:
            return None
        try:
            return parse(text)
        except (ValueError, KeyError, TypeError):
            return None

    def write(self, key: str, text: str) -> None:
        atomic_write_text(self._path(key), text)


RECENT_SECONDS = 2.0


class IngestCache:
    """Documents of unchanged input files are read from a cache instead of being parsed again.

    A rerun over a large corpus would otherwise spend most of its time re-reading PDFs and re-running
    the metadata rules. An entry is keyed by the file's identity (resolved path, source path, size,
    modification time, inode), the ingest settings and the code version. Files modified in the last
    :data:`RECENT_SECONDS` are never cached: a second change within the file system's timestamp
    granularity would keep the same stat and go unnoticed (git's "racy" problem). Files that failed are
    not cached either, so a fixed permission or a replaced file is read again.
    """

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


class ResultCache:
    """One JSON file per (document content, model, theme model, code) key.

    The key's fixed part is computed once per run in the driver from the resolved model (without
    loading it), the theme model's fingerprint and the code version, so a rerun over an unchanged
    corpus loads no spaCy pipeline at all.
    """

    def __init__(self, root: Path, config: ProcessorConfig):
        from pipeline.nlp import resolve_model
        from pipeline.themes import load_codebook
        from pipeline.themes.data import theme_fingerprint

        self.store = JsonStore(root)
        self.model_info = resolve_model(config.model, config.settings).as_dict()
        # the theme model's identity without loading it (ThemeModel.fingerprint of the model trained
        # or loaded later for exactly this key)
        self.theme_fingerprint = theme_fingerprint(load_codebook(config.codebook), config.settings)
        self.key_base = key_of(
            json.dumps(self.model_info, sort_keys=True),
            self.theme_fingerprint,
            code_version(),
            str(config.settings.part_chars),  # long documents are parsed in parts of this size
        )

    def key(self, document: Document) -> str:
        return key_of(self.key_base, document.doc_id)

    def __contains__(self, key: str) -> bool:
        return key in self.store

    def get(self, key: str) -> DocResult | None:
        from pipeline.processing import DocResult

        return self.store.load(key, DocResult.from_json)

    def put(self, key: str, result: DocResult) -> None:
        self.store.write(key, result.to_json())
