"""The theme codebook (``pipeline/resources/themes.yml`` or a user's own file): loading and validation.

Evaluators edit the YAML by hand, so every mistake is reported with the theme and field it concerns
instead of surfacing later as a confusing training error.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from pipeline.settings import RESOURCES_DIR
from pipeline.themes.text import normalize

DEFAULT_CODEBOOK = RESOURCES_DIR / "themes.yml"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TERM_WORD = re.compile(r"^=?[^\W_]+$")
_FIELDS = {"id", "label", "definition", "indicators", "exclusions", "requires", "examples", "threshold"}
MIN_STEM = 3


class CodebookError(ValueError):
    """The codebook file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    definition: str
    indicators: tuple[str, ...]
    exclusions: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    threshold: float | None = None  # None: the threshold the classifier learned in training


@dataclass(frozen=True)
class Codebook:
    themes: tuple[Theme, ...]
    source: str = ""

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def __getitem__(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    @property
    def fingerprint(self) -> str:
        """Hash of the content (not the file path or formatting), part of the model cache key."""
        payload = json.dumps([asdict(t) for t in self.themes], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _term_list(value, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CodebookError(f"{where}: '{field}' must be a list of strings")
    terms = []
    for raw in value:
        term = " ".join(normalize(raw).lower().replace("-", " ").replace("'", " ").split())
        words = term.split()
        if not words or not all(_TERM_WORD.match(w) for w in words):
            raise CodebookError(f"{where}: {field} entry {raw!r} may only contain letters, digits and spaces")
        if len(words) == 1 and not words[0].startswith("=") and len(words[0]) < MIN_STEM:
            raise CodebookError(
                f"{where}: {field} entry {raw!r} is shorter than {MIN_STEM} letters and would match "
                "too much (use =… for a whole word)"
            )
        terms.append(term)
    return tuple(dict.fromkeys(terms))


def _theme(entry, index: int) -> Theme:
    where = f"theme #{index + 1}"
    if not isinstance(entry, dict):
        raise CodebookError(f"{where}: expected a mapping with id, label, definition, indicators")
    if isinstance(entry.get("id"), str):
        where = f"theme '{entry['id']}'"
    if unknown := sorted(set(entry) - _FIELDS):
        raise CodebookError(
            f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(_FIELDS))}"
        )
    for field in ("id", "label", "definition"):
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            raise CodebookError(f"{where}: '{field}' is missing or empty")
    if not _ID.match(entry["id"]):
        raise CodebookError(f"{where}: id must be lower-case letters, digits and _ (e.g. 'fachkraefte')")
    indicators = _term_list(entry.get("indicators"), where, "indicators")
    if not indicators:
        raise CodebookError(f"{where}: 'indicators' needs at least one term")
    examples = entry.get("examples") or []
    if not isinstance(examples, list) or not all(isinstance(e, str) and e.strip() for e in examples):
        raise CodebookError(f"{where}: 'examples' must be a list of non-empty sentences")
    threshold = entry.get("threshold")
    if threshold is not None and (
        isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1
    ):
        raise CodebookError(f"{where}: 'threshold' must be a number between 0 and 1")
    return Theme(
        id=entry["id"],
        label=entry["label"].strip(),
        definition=" ".join(entry["definition"].split()),
        indicators=indicators,
        exclusions=_term_list(entry.get("exclusions"), where, "exclusions"),
        requires=_term_list(entry.get("requires"), where, "requires"),
        examples=tuple(normalize(e.strip()) for e in examples),
        threshold=None if threshold is None else float(threshold),
    )


def parse_codebook(data, source: str = "") -> Codebook:
    """Validate the parsed YAML structure; raises :class:`CodebookError` naming the bad entry."""
    prefix = f"{source}: " if source else ""
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list) or not data["themes"]:
        raise CodebookError(f"{prefix}expected a top-level 'themes:' list with at least one theme")
    try:
        themes = tuple(_theme(entry, i) for i, entry in enumerate(data["themes"]))
    except CodebookError as error:
        raise CodebookError(f"{prefix}{error}") from None
    seen: set[str] = set()
    for theme in themes:
        if theme.id in seen:
            raise CodebookError(f"{prefix}theme id '{theme.id}' is used twice")
        seen.add(theme.id)
    return Codebook(themes=themes, source=source)


def load_codebook(path: Path | str | None = None) -> Codebook:
    """The bundled codebook, or the user's file given with ``--codebook``."""
    path = Path(path) if path is not None else DEFAULT_CODEBOOK
    if not path.is_file():
        raise CodebookError(f"codebook {path} does not exist")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CodebookError(f"{path}: not valid YAML: {error}") from None
    return parse_codebook(data, source=str(path))
