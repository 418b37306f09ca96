"""Run settings with defaults that work from a clean checkout.

Paths to data that must not live in the repository (``../shared``) and to caches outside it are
resolved here and nowhere else, so every stage and test agrees on them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
# The project's hand-annotated Wikinews articles (persons, roles, organisations): the people evaluation
# scores them, and the NER trains on rounds of their dev part (pipeline/nlp/training/people_gold.py).
WIKINEWS_GOLD = REPO_DIR / "tests" / "gold" / "wikinews_people.jsonl"
# The SpkAtt-2023 Wikinews articles (``<id> - <title> (<date>).json``), under the shared German NLP data.
SPKATT_ARTICLES = Path("quotes/spkatt2023-train/articles")


def default_shared_dir() -> Path:
    """``$PROJEKTRADAR_SHARED``, else ``../shared`` beside the checkout, else beside the working dir."""
    if env := os.environ.get("PROJEKTRADAR_SHARED"):
        return Path(env).expanduser()
    for candidate in (REPO_DIR.parent / "shared", Path.cwd().parent / "shared"):
        if candidate.is_dir():
            return candidate
    return REPO_DIR.parent / "shared"


def default_cache_dir() -> Path:
    """Model and artefact cache outside the repository (``$PROJEKTRADAR_CACHE`` or XDG cache)."""
    if env := os.environ.get("PROJEKTRADAR_CACHE"):
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "projektradar"


@dataclass(frozen=True)
class Settings:
    """Knobs of one run; every field has a default that a new user never needs to change."""

    shared_dir: Path = field(default_factory=default_shared_dir)
    cache_dir: Path = field(default_factory=default_cache_dir)
    max_file_bytes: int = 50_000_000
    # Hostile or runaway inputs are refused before the expensive step: what a DOCX archive says its
    # members unpack to, a PDF's page count, and the clean text's length (about 8,000 pages).
    max_unpacked_bytes: int = 100_000_000
    max_pdf_pages: int = 5_000
    max_chars: int = 20_000_000
    # Longer texts are parsed in paragraph-aligned parts of at most this many characters (spaCy's
    # limit is 1,000,000, and the parser's memory grows with the text it sees at once).
    part_chars: int = 50_000
    min_chars: int = 20
    languages: tuple[str, ...] = ("de",)
    results_dir: Path | None = None  # per-document result cache; default: see result_cache_dir

    @property
    def result_cache_dir(self) -> Path:
        """``results_dir``, else ``$PROJEKTRADAR_RESULTS``, else ``<cache_dir>/results``."""
        if self.results_dir is not None:
            return Path(self.results_dir)
        if env := os.environ.get("PROJEKTRADAR_RESULTS"):
            return Path(env).expanduser()
        return self.cache_dir / "results"

    @property
    def ingest_cache_dir(self) -> Path:
        """Documents of already-read input files, next to the per-document results."""
        return self.result_cache_dir / "ingest"

    @property
    def nlp_data_dir(self) -> Path:
        return self.shared_dir / "german-nlp-data"
