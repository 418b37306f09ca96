"""Real German paragraphs for labelling and testing the theme model (not written by the team).

Two sources in ``<shared>/german-nlp-data``, both read in place and never copied wholesale:

- speeches of the 20th Bundestag (2021–2025): official works (§ 5 UrhG), so the labelled paragraphs
  are kept with their text in ``pipeline/resources/themes/real_gold.csv``;
- Wikinews articles of the SpkAtt-2023 corpus (CC BY-NC-SA 4.0 as distributed there): kept only as a
  reference (article id and sentence range); the text is read from ``../shared`` when needed.

:func:`sample_paragraphs` draws a labelling sample that gives every theme many hard negatives: per
theme, paragraphs whose codebook indicators match (most are *not* about the theme: a word in passing),
plus random paragraphs that match nothing. Deterministic for one seed.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.settings import RESOURCES_DIR, SPKATT_ARTICLES, Settings
from pipeline.themes.codebook import Codebook

SPEECHES = "raw/bundestag-wp20-speeches.jsonl.gz"
SPEECH_LICENCE = "amtliches Werk (§ 5 UrhG), Plenarprotokolle des 20. Deutschen Bundestages"
WIKINEWS_LICENCE = "Wikinews (CC BY 2.5) via SpkAtt-2023 (CC BY-NC-SA 4.0); Text nur als Verweis"
MIN_CHARS, MAX_CHARS = 250, 1100
SENTENCES_PER_SEGMENT = 4
# Greetings and chairing that open or close a speech carry no theme and would only fill the sample.
_CHAIRING = re.compile(
    r"^(Sehr geehrte|Frau Präsidentin|Herr Präsident|Liebe Kolleginnen|Meine (sehr geehrten )?Damen)"
)


@dataclass(frozen=True)
class RealParagraph:
    """One paragraph: ``source`` says where it comes from (``bundestag:<speech id>#<n>`` or
    ``wikinews:<article id>#<first sentence>-<last sentence>``)."""

    source: str
    licence: str
    text: str


def source_document(source: str) -> str:
    """The speech or article a segment comes from (``bundestag:<id>``, ``wikinews:<id>``): the unit
    of every split and of every round's exclusion."""
    return source.split("#")[0]


def _speech_paragraphs(text: str) -> Iterator[str]:
    """Paragraphs of a speech: lines joined until a paragraph is long enough (the protocols break
    lines at interjections, mid-sentence)."""
    buffer = ""
    for line in text.split("\n"):
        buffer = f"{buffer} {line.strip()}".strip()
        if len(buffer) >= MIN_CHARS:
            yield buffer
            buffer = ""


def speech_paragraphs(settings: Settings) -> Iterator[RealParagraph]:
    with gzip.open(settings.nlp_data_dir / SPEECHES, "rt", encoding="utf-8") as handle:
        for line in handle:
            speech = json.loads(line)
            for index, paragraph in enumerate(_speech_paragraphs(speech["text"])):
                if len(paragraph) <= MAX_CHARS and not _CHAIRING.match(paragraph):
                    yield RealParagraph(f"bundestag:{speech['id']}#{index}", SPEECH_LICENCE, paragraph)


def wikinews_segments(settings: Settings) -> Iterator[RealParagraph]:
    """Consecutive sentences of each article (Wikinews has no paragraph marks in this corpus)."""
    from pipeline.evaluation.quotes import detokenize

    for path in sorted((settings.nlp_data_dir / SPKATT_ARTICLES).glob("*.json")):
        article_id = path.name.split(" - ")[0]
        sentences = json.loads(path.read_text(encoding="utf-8"))["Sentences"]
        for first in range(0, len(sentences), SENTENCES_PER_SEGMENT):
            chosen = sentences[first : first + SENTENCES_PER_SEGMENT]
            text, _ = detokenize([t for s in chosen for t in s["Tokens"]])
            if MIN_CHARS <= len(text) <= MAX_CHARS:
                last = first + len(chosen) - 1
                yield RealParagraph(f"wikinews:{article_id}#{first}-{last}", WIKINEWS_LICENCE, text)


def resolve_text(source: str, settings: Settings) -> str:
    """The text of a ``wikinews:`` reference, read from the shared corpus."""
    from pipeline.evaluation.quotes import detokenize

    kind, _, where = source.partition(":")
    if kind != "wikinews":
        raise ValueError(f"only wikinews references are resolved, not {source!r}")
    article_id, _, sentence_range = where.partition("#")
    first, last = (int(n) for n in sentence_range.split("-"))
    (path,) = (settings.nlp_data_dir / SPKATT_ARTICLES).glob(f"{article_id} - *.json")
    sentences = json.loads(path.read_text(encoding="utf-8"))["Sentences"][first : last + 1]
    return detokenize([t for s in sentences for t in s["Tokens"]])[0]


def sample_paragraphs(
    settings: Settings,
    codebook: Codebook,
    *,
    per_theme: int = 110,
    random_speeches: int = 300,
    wikinews: int = 220,
    pool: int = 60_000,
    seed: int = 13,
) -> list[RealParagraph]:
    """A labelling sample: per theme ``per_theme`` speech paragraphs that match its indicators, plus
    random speech paragraphs and Wikinews segments (half of them with some indicator hit)."""
    from pipeline.themes.matching import matcher_for

    rng = random.Random(seed)
    speeches = list(speech_paragraphs(settings))
    speeches = rng.sample(speeches, min(pool, len(speeches)))
    matcher = matcher_for(codebook)
    by_theme: dict[str, list[RealParagraph]] = {theme: [] for theme in codebook.ids}
    unmatched: list[RealParagraph] = []
    for paragraph in speeches:
        themes = matcher.weak_labels(paragraph.text)
        for theme in themes:
            by_theme[theme].append(paragraph)
        if not themes:
            unmatched.append(paragraph)
    chosen: dict[str, RealParagraph] = {}
    for theme in codebook.ids:
        candidates = [p for p in by_theme[theme] if p.source not in chosen]
        for paragraph in rng.sample(candidates, min(per_theme, len(candidates))):
            chosen[paragraph.source] = paragraph
    for paragraph in rng.sample(unmatched, min(random_speeches, len(unmatched))):
        chosen[paragraph.source] = paragraph
    segments = list(wikinews_segments(settings))
    hit = [s for s in segments if matcher.weak_labels(s.text)]
    plain = [s for s in segments if not matcher.weak_labels(s.text)]
    for group in (hit, plain):
        for segment in rng.sample(group, min(wikinews // 2, len(group))):
            chosen[segment.source] = segment
    ordered = sorted(chosen.values(), key=lambda p: p.source)
    rng.shuffle(ordered)
    return ordered


def sample_around_thresholds(
    settings: Settings,
    model,
    quotas: dict[str, int],
    *,
    leave_out: set[str],
    below_share: float = 0.5,
    random_paragraphs: int = 60,
    pool: int = 60_000,
    seed: int = 41,
) -> list[RealParagraph]:
    """A labelling sample guided by a theme model (``ThemeModel``): per theme ``quotas[theme]``
    paragraphs, ``below_share`` of them scored between half its threshold and the threshold (the
    positives it misses) and the rest at or above it (its claims, right or wrong), each drawn at
    random from its band; plus random paragraphs. Speeches and Wikinews articles in
    ``leave_out`` (``bundestag:<id>``, ``wikinews:<id>``; :func:`used_sources`) are left out, so a
    new round never shares a document with an earlier one. Deterministic for one seed and model."""
    rng = random.Random(seed)
    speeches = [p for p in speech_paragraphs(settings) if source_document(p.source) not in leave_out]
    candidates = rng.sample(speeches, min(pool, len(speeches)))
    candidates += [p for p in wikinews_segments(settings) if source_document(p.source) not in leave_out]
    scores = model.predict_proba([p.text for p in candidates])
    chosen: dict[str, RealParagraph] = {}
    for column, theme in enumerate(model.codebook.ids):
        threshold = model.thresholds[column]
        scored = list(zip(candidates, scores[:, column], strict=True))
        claimed = [p for p, s in scored if s >= threshold]
        missed = [p for p, s in scored if threshold / 2 <= s < threshold]
        quota = quotas.get(theme, 0)
        below = round(quota * below_share)
        for band, count in ((missed, below), (claimed, quota - below)):
            band = [p for p in band if p.source not in chosen]
            for paragraph in rng.sample(band, min(count, len(band))):
                chosen[paragraph.source] = paragraph
    rest = [p for p in candidates if p.source not in chosen]
    for paragraph in rng.sample(rest, min(random_paragraphs, len(rest))):
        chosen[paragraph.source] = paragraph
    ordered = sorted(chosen.values(), key=lambda p: p.source)
    rng.shuffle(ordered)
    return ordered


def write_sample(paragraphs: list[RealParagraph], path: Path) -> None:
    """The sample as a CSV for annotators: id, source, licence, text (full text for every row)."""
    import csv

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "source", "licence", "text"])
        for index, paragraph in enumerate(paragraphs):
            writer.writerow([f"r{index:04d}", paragraph.source, paragraph.licence, paragraph.text])


GOLD = RESOURCES_DIR / "themes" / "real_gold.csv"


@dataclass
class RealGold:
    """Adjudicated theme labels of real paragraphs (one ``split`` of ``real_gold.csv``)."""

    texts: list[str]
    labels: list[frozenset[str]]
    sources: list[str]


def _themes(cell: str) -> frozenset[str]:
    return frozenset(t for t in cell.split(";") if t)


def _rows(path: Path) -> list[dict]:
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def used_sources(path: Path = GOLD) -> set[str]:
    """The speeches and articles (``bundestag:<id>``, ``wikinews:<id>``) that labelled rows come from."""
    return {source_document(row["source"]) for row in _rows(path)}


def read_real_gold(settings: Settings, split: str, path: Path = GOLD) -> RealGold:
    """The ``split`` part (train or test); Wikinews texts are read from ``../shared`` (without it, only
    the rows that carry their text)."""
    gold = RealGold([], [], [])
    shared = (settings.nlp_data_dir / SPKATT_ARTICLES).is_dir()
    for row in _rows(path):
        if row["split"] == split and (row["text"] or shared):
            gold.texts.append(row["text"] or resolve_text(row["source"], settings))
            gold.labels.append(_themes(row["themes"]))
            gold.sources.append(source_document(row["source"]))
    return gold


def gold_themes(path: Path = GOLD) -> set[str]:
    """The theme ids the gold uses."""
    return {t for row in _rows(path) for t in _themes(row["themes"])}


def agreement(themes: list[str], path: Path = GOLD) -> dict[str, float]:
    """Cohen's κ of the two annotators per theme, over every paragraph."""
    from sklearn.metrics import cohen_kappa_score

    rows = _rows(path)
    first = [_themes(r["annotator_1"]) for r in rows]
    second = [_themes(r["annotator_2"]) for r in rows]
    return {t: float(cohen_kappa_score([t in a for a in first], [t in b for b in second])) for t in themes}
