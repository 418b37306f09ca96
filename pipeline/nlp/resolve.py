"""Decide which German spaCy pipeline a run uses and load it once per process.

Order: an explicit model (``--model`` / ``PROJEKTRADAR_MODEL``: package name or path) → an installed
official ``de_core_news_sm`` (then ``_md``, ``_lg``) → the pipeline trained by ``make model`` in the
model cache. Whatever is chosen gets the project's rule components, so every path offers the same
entities and attributes.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.settings import Settings

ENV_VAR = "PROJEKTRADAR_MODEL"
OFFICIAL_PACKAGES = ("de_core_news_sm", "de_core_news_md", "de_core_news_lg")
FIX_HINT = (
    "No German spaCy pipeline found. Build the project's own model offline with `make model` "
    "(or `.venv/bin/projektradar model ensure`), or, with internet access, install the official one: "
    "`python -m spacy download de_core_news_sm`."
)
log = logging.getLogger(__name__)
_WARNED: set[Path] = set()  # stale models already warned about in this process


class ModelNotFoundError(RuntimeError):
    """No usable pipeline; the message names the command that fixes it."""


@dataclass(frozen=True)
class ModelInfo:
    """Which pipeline ran, recorded in every run's ``run.json``."""

    name: str
    version: str
    path: str
    weights: str = ""  # :func:`weights_digest`: which build of that name and version

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _meta(directory: Path) -> dict:
    meta_path = directory / "meta.json"
    return json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}


def weights_digest(directory: Path) -> str:
    """16 hex digits of a SHA-256 over the components' weight files (``*/model``): one recipe trained
    on two machines gives two builds with the same name, version and fingerprint but other weights
    and scores (MODEL.md), so results and caches name the build by this. Read once per process and
    state of the files: every :func:`~pipeline.nlp.load.load_nlp` call resolves the model again."""
    files = sorted(directory.glob("*/model"))
    return _digest(tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))


@functools.cache
def _digest(files: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for path, _, _ in files:
        digest.update(Path(path).parent.name.encode())
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def _from_directory(directory: Path) -> ModelInfo:
    meta = _meta(directory)
    name = f"{meta.get('lang', 'xx')}_{meta['name']}" if meta.get("name") else directory.name
    version = str(meta.get("version", ""))
    return ModelInfo(
        name=name, version=version, path=str(directory.resolve()), weights=weights_digest(directory)
    )


def _from_package(package: str) -> ModelInfo | None:
    """An importable model package (as installed by ``spacy download``), without importing spaCy."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    package_dir = Path(spec.origin).parent
    meta = _meta(package_dir)
    version = str(meta.get("version", ""))
    data_dir = package_dir / f"{package}-{version}"
    directory = data_dir if data_dir.is_dir() else package_dir
    return ModelInfo(name=package, version=version, path=str(directory), weights=weights_digest(directory))


def trained_model_dir(settings: Settings) -> Path | None:
    """The cached model built from the current recipe; when the recipe's inputs cannot be read (no
    ``../shared`` here) or it was not rebuilt yet, the newest cached model with a warning (once)."""
    from pipeline.nlp.fingerprint import current_fingerprint, models_dir

    fingerprint = current_fingerprint(settings)
    exact = models_dir(settings) / fingerprint if fingerprint else None
    if exact is not None and (exact / "meta.json").is_file():
        return exact
    candidates = sorted(
        (p for p in models_dir(settings).glob("*") if (p / "meta.json").is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    if not candidates:
        return None
    if candidates[0] not in _WARNED:
        _WARNED.add(candidates[0])
        log.warning(
            "Using cached model %s built from an older recipe; `make model` rebuilds it.", candidates[0]
        )
    return candidates[0]


def resolve_model(model: str | None = None, settings: Settings | None = None) -> ModelInfo:
    """Name, version and path of the pipeline to use (see module docstring for the order)."""
    settings = settings or Settings()
    requested = model or os.environ.get(ENV_VAR)
    if requested:
        if Path(requested).expanduser().is_dir():
            return _from_directory(Path(requested).expanduser())
        info = _from_package(requested)
        if info is None:
            raise ModelNotFoundError(
                f"Model {requested!r} is neither a directory nor an installed package. {FIX_HINT}"
            )
        return info
    for package in OFFICIAL_PACKAGES:
        if info := _from_package(package):
            return info
    if directory := trained_model_dir(settings):
        return _from_directory(directory)
    raise ModelNotFoundError(FIX_HINT)
