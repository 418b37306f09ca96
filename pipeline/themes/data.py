"""Training data for the theme model: labelled CSV files, codebook examples and an unlabelled pool.

Label files are CSVs with the columns ``text`` and ``themes`` (``;``-separated theme ids, empty for
"no theme"). Rows whose ``themes`` is ``?`` have not been labelled yet (that is how
``projektradar themes label`` exports them) and are skipped. Every ``labels*.csv`` in
:data:`LABELS_DIR` is read, so a reviewed export dropped there is used by the next training run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from pipeline.settings import REPO_DIR, RESOURCES_DIR, Settings
from pipeline.themes.codebook import Codebook
from pipeline.themes.text import normalize

_CODE_DIR = Path(__file__).resolve().parent

LABELS_DIR = RESOURCES_DIR / "themes"
# The sample corpus labelled paragraph by paragraph (source_path, text, themes): realistic documents
# as training data, grouped by document for cross-validation. Absent in an installed package.
CORPUS_LABELS = REPO_DIR / "tests" / "gold" / "paragraph_themes.csv"
# The seed document stays out of training: a test checks that its themes are found on unseen text.
UNSEEN_SOURCES = "seed/"
UNLABELLED = "?"
MIN_POOL_CHARS = 120
# German news paragraphs (Smart Data corpus, CC BY 4.0) used as unlabelled text for weak labels: they
# show the model everyday German that mostly carries none of the themes.
POOL_FILES = tuple(f"ner/smartdata/smartdata_{split}.jsonl" for split in ("train", "dev", "test"))


class LabelsError(ValueError):
    """A label file cannot be read; the message names the file and row."""


@dataclass
class LabelledSet:
    """Labelled texts; ``sources`` names the document (a ``source_path`` column) or else file:line, and
    cross-validation keeps rows with the same source in one fold."""

    texts: list[str] = field(default_factory=list)
    labels: list[frozenset[str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def add(self, text: str, labels: Iterable[str], source: str) -> None:
        self.texts.append(text)
        self.labels.append(frozenset(labels))
        self.sources.append(source)

    def __len__(self) -> int:
        return len(self.texts)


def label_files(dirs: Sequence[Path] = ()) -> list[Path]:
    """The bundled label files plus ``labels*.csv`` in extra folders, in a stable order."""
    files: list[Path] = []
    for folder in (LABELS_DIR, *dirs):
        folder = Path(folder)
        if folder.is_file():
            files.append(folder)
        elif folder.is_dir():
            files.extend(sorted(folder.glob("labels*.csv")))
        else:
            raise LabelsError(f"label folder {folder} does not exist")
    return list(dict.fromkeys(p.resolve() for p in files))


def read_labels(files: Sequence[Path], codebook: Codebook) -> LabelledSet:
    """Labelled paragraphs from ``files``; ids not in the codebook are dropped with one warning each."""
    known = set(codebook.ids)
    data = LabelledSet()
    unknown: dict[str, str] = {}
    seen: dict[str, frozenset[str]] = {}
    for path in files:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"text", "themes"} <= set(reader.fieldnames):
                raise LabelsError(f"{path}: needs the columns 'text' and 'themes'")
            for line, row in enumerate(reader, start=2):
                text = normalize((row["text"] or "").strip())
                raw = (row["themes"] or "").strip()
                if not text or raw == UNLABELLED:
                    continue
                ids = {t.strip() for t in raw.split(";") if t.strip()}
                for theme in ids - known:
                    unknown.setdefault(theme, f"{path.name}:{line}")
                labels = frozenset(ids & known)
                if text in seen:
                    if seen[text] != labels:
                        raise LabelsError(f"{path}:{line}: the same text is labelled differently elsewhere")
                    continue
                seen[text] = labels
                data.add(text, labels, row.get("source_path") or f"{path.name}:{line}")
    for theme, where in sorted(unknown.items()):
        warnings.warn(f"theme id '{theme}' ({where}) is not in the codebook and is ignored", stacklevel=2)
    return data


def corpus_label_files() -> list[Path]:
    return [CORPUS_LABELS] if CORPUS_LABELS.is_file() else []


def read_corpus_labels(codebook: Codebook) -> LabelledSet:
    """The sample corpus's labelled paragraphs except the seed document's; the source is the document."""
    data = LabelledSet()
    everything = read_labels(corpus_label_files(), codebook)
    for text, labels, source in zip(everything.texts, everything.labels, everything.sources, strict=True):
        if not source.startswith(UNSEEN_SOURCES):
            data.add(text, labels, source)
    return data


def codebook_examples(codebook: Codebook) -> LabelledSet:
    """Each codebook example sentence as a positive for its theme (and only that one)."""
    data = LabelledSet()
    for theme in codebook.themes:
        for example in theme.examples:
            data.add(example, {theme.id}, f"codebook:{theme.id}")
    return data


def pool_paths(settings: Settings) -> list[Path]:
    return [p for p in (settings.nlp_data_dir / name for name in POOL_FILES) if p.is_file()]


def read_pool(settings: Settings) -> list[str]:
    """Unlabelled German paragraphs from ../shared (empty when it is absent), sorted and de-duplicated."""
    paragraphs: set[str] = set()
    for path in pool_paths(settings):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text", "")
                paragraphs.update(
                    normalize(p.strip()) for p in text.split("\n") if len(p.strip()) >= MIN_POOL_CHARS
                )
    return sorted(paragraphs)


def files_digest(paths: Iterable[Path]) -> str:
    """Content hash of files (name and bytes), for cache keys and model metadata."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).name.encode())
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def labelled_files(label_dirs: Sequence[Path] = ()) -> list[Path]:
    from pipeline.themes.real import GOLD

    return label_files(label_dirs) + corpus_label_files() + [GOLD]


def theme_fingerprint(codebook: Codebook, settings: Settings, label_dirs: Sequence[Path] = ()) -> str:
    """The theme model's identity: codebook, label files, weak-label pool, this package's code and
    the scikit-learn version (read from the package metadata, so a no-change rerun need not import
    scikit-learn to recognise its cached results)."""
    code = files_digest(sorted(_CODE_DIR.glob("*.py")))
    labels = files_digest(labelled_files(label_dirs))
    pool = files_digest(pool_paths(settings))
    parts = [codebook.fingerprint, labels, pool, code, version("scikit-learn")]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
