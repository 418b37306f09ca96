"""Content-addressed JSON files on disk: the store behind the per-document result cache and the
ingest cache, and the code version both keys include (results of other code are never reused)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from pipeline.export import atomic_write_text
from pipeline.settings import PACKAGE_DIR

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
