"""Persons and organisations on real German news the team never annotated (``make evaluate REAL=1``).

The sample corpus was written by the team; this check runs the same components over held-out
sentences of openly licensed NER corpora from ``<shared>/german-nlp-data/ner`` (never copied into the
repository): GermEval 2014 (Wikipedia + news) and Universal NER German PUD (news/Wikipedia), only the
sentences the project model did not train on (the ``test`` part of its hashed split; ``--split dev``
for development), and the official Smart Data test split (news and RSS). Consecutive sentences form
pseudo-documents; Smart Data texts are documents of their own.

- persons: a predicted person counts if its canonical name equals a gold PER span (case, initials and
  a genitive „s“ ignored); a gold surname alone stands for the doc's gold full name with that surname;
- organisations: a predicted organisation counts if its name, abbreviation or a mention as written
  equals a gold ORG span (:func:`org_key`).

Names are compared as sets per document (a prediction may match several spellings of one gold item).
Recall is also given for gold persons with a full name (first name + surname): lone surnames are
unresolved by design (never guessed), which the pseudo-documents of unrelated sentences punish.

Every F1 (and the gender precision) comes with a 95 % bootstrap interval over the documents
(:func:`document_interval`): fifty articles are a small sample, and a target is only reached when the
interval says more than the seed or the choice of articles would.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from rich.console import Console
from rich.table import Table
from scipy.stats import bootstrap

from pipeline.evaluation.names import name_key
from pipeline.export import atomic_write_text
from pipeline.extract.organisations import org_key
from pipeline.extract.roles import match_role_noun
from pipeline.settings import WIKINEWS_GOLD, Settings

if TYPE_CHECKING:
    from pipeline.nlp.resolve import ModelInfo

SOURCES = {"germeval2014": "sentences", "uner-german-pud": "sentences", "smartdata": "documents"}
SENTENCES_PER_DOC = 8
# Bootstrap resamples of the documents: against scipy's default 9,999 the interval's ends moved by at
# most 0.001 on the 265-article dev part, in a fifth of the time.
RESAMPLES = 2000
CONFIDENCE = 0.95


def _ratio(hits: np.ndarray, total: np.ndarray) -> np.ndarray:
    return np.divide(hits, total, out=np.ones_like(hits, dtype=float), where=total > 0)


def _f1(predicted, predicted_hit, gold, gold_hit, axis=-1) -> np.ndarray:
    """F1 of the summed counts of a sample of documents (vectorised for :func:`bootstrap`)."""
    precision = _ratio(predicted_hit.sum(axis), predicted.sum(axis))
    recall = _ratio(gold_hit.sum(axis), gold.sum(axis))
    total = precision + recall
    return np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)


def _precision(stated, right, axis=-1) -> np.ndarray:
    return _ratio(right.sum(axis), stated.sum(axis))


def document_interval(counts: list[tuple[int, ...]], statistic) -> tuple[float, float] | None:
    """The 95 % percentile-bootstrap interval of ``statistic`` over documents, each given by its
    counts (resampled together); ``None`` below two documents. Seeded, so a report is reproducible."""
    if len(counts) < 2:
        return None
    columns = tuple(np.array(column, dtype=float) for column in zip(*counts, strict=True))
    result = bootstrap(
        columns,
        statistic,
        paired=True,
        vectorized=True,
        n_resamples=RESAMPLES,
        confidence_level=CONFIDENCE,
        method="percentile",
        rng=np.random.default_rng(0),
    )
    low, high = result.confidence_interval
    return round(float(low), 4), round(float(high), 4)


@dataclass
class RealDoc:
    """A (pseudo-)document: its text and the gold PER and ORG span texts; articles of the
    project's own gold (``tests/gold/wikinews_people.jsonl``) also carry its persons with their
    mentions, role heads and gender, and its organisations with their variants."""

    key: str
    text: str
    persons: list[str]
    organisations: list[str]
    annotated: dict | None = None


@dataclass
class SetScore:
    """Set-based precision and recall with the unmatched names, for error analysis."""

    predicted: int = 0
    predicted_hit: int = 0
    gold: int = 0
    gold_hit: int = 0
    full_gold: int = 0
    full_gold_hit: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    documents: list[tuple[int, int, int, int]] = field(default_factory=list)  # counts of each add()

    @property
    def precision(self) -> float:
        return self.predicted_hit / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.gold_hit / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: dict[str, str], predicted: list[tuple[str, set[str]]], full: set[str]) -> set[str]:
        """``gold``: key → the gold item's text (several keys may name one item: its variants);
        ``predicted``: (label, keys) per item; ``full``: gold keys of full names. Returns the gold
        items matched."""
        matched_items: set[str] = set()
        matched_keys: set[str] = set()
        predicted_hit = 0
        for label, keys in predicted:
            if hits := keys & gold.keys():
                predicted_hit += 1
                matched_keys |= hits
                matched_items |= {gold[k] for k in hits}
            else:
                self.spurious.append(label)
        items = dict.fromkeys(gold.values())
        self.documents.append((len(predicted), predicted_hit, len(items), len(matched_items)))
        self.predicted += len(predicted)
        self.predicted_hit += predicted_hit
        self.gold += len(items)
        self.gold_hit += len(matched_items)
        self.full_gold += len(full)
        self.full_gold_hit += len(full & matched_keys)
        self.missed += [text for text in items if text not in matched_items]
        return matched_items

    @property
    def f1_interval(self) -> tuple[float, float] | None:
        return document_interval(self.documents, _f1)

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "f1_interval": self.f1_interval,
            "recall_full_names": round(self.full_gold_hit / self.full_gold, 4) if self.full_gold else None,
            "predicted": self.predicted,
            "gold": self.gold,
            "missed": self.missed,
            "spurious": self.spurious,
        }


def person_key(name: str) -> str:
    """:func:`name_key` with a genitive „s“/apostrophe dropped („Merkels“ = „Merkel“)."""
    key = name_key(name).replace("’", "'")
    return key[:-2] if key.endswith("'s") else key.rstrip("'")


def _surname_of(key: str, full_keys: list[str]) -> str | None:
    """The one full name a lone gold surname (or its genitive) belongs to, if exactly one."""
    owners = {k for k in full_keys if k.split()[-1] in (key, key[:-1] if key.endswith("s") else key)}
    return owners.pop() if len(owners) == 1 else None


def gold_persons(texts: Iterable[str]) -> tuple[dict[str, str], set[str]]:
    """Gold persons of a document (key → text) with surnames mapped to full names, and the full-name keys."""
    keys = {person_key(t): t for t in texts}
    full = [k for k in keys if len(k.split()) > 1]
    persons: dict[str, str] = {}
    for key, text in keys.items():
        owner = _surname_of(key, full) if len(key.split()) == 1 else None
        if owner is None:
            persons[key] = text
    return persons, set(full)


def _pseudo_docs(corpus: str, docs: list, size: int) -> Iterator[RealDoc]:
    """Consecutive sentences joined into documents of ``size`` sentences, gold offsets kept."""
    for n in range(0, len(docs), size):
        group = docs[n : n + size]
        yield RealDoc(
            f"{corpus}:{n // size}",
            " ".join(d.text for d in group),
            [e.text for d in group for e in d.ents if e.label_ == "PER"],
            [e.text for d in group for e in d.ents if e.label_ == "ORG"],
        )


def real_documents(settings: Settings, split: str = "test", limit: int | None = None) -> list[RealDoc]:
    """Held-out documents of each source, in file order (``limit`` per source)."""
    from spacy.vocab import Vocab

    from pipeline.nlp.training.data import corpora_config, ner_docs

    config = corpora_config()["ner"]
    vocab = Vocab()
    result = []
    for corpus, kind in SOURCES.items():
        docs = [d for d, s in ner_docs(vocab, settings.nlp_data_dir, corpus, config[corpus]) if s == split]
        if kind == "sentences":
            found = list(_pseudo_docs(corpus, docs, SENTENCES_PER_DOC))
        else:
            found = [
                RealDoc(
                    f"{corpus}:{i}",
                    d.text,
                    [e.text for e in d.ents if e.label_ == "PER"],
                    [e.text for e in d.ents if e.label_ == "ORG"],
                )
                for i, d in enumerate(docs)
            ]
        result += found[:limit]
    return result


def wikinews_documents(
    settings: Settings, split: str = "test", limit: int | None = None, rounds: Collection[int] | None = None
) -> list[RealDoc]:
    """The project's annotated Wikinews articles of ``split`` (of the annotation ``rounds`` only, if
    given), their text read from ``../shared`` (title, a blank line, the text: what the annotators saw)."""
    from pipeline.evaluation.quotes import load_article
    from pipeline.nlp.training.people_gold import article_path

    result = []
    for line in WIKINEWS_GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["split"] != split or (rounds is not None and gold["round"] not in rounds):
            continue
        path = article_path(settings.nlp_data_dir, gold["article"])
        title = path.name.split(" - ", 1)[1].rsplit(" (", 1)[0]
        result.append(
            RealDoc(
                f"wikinews-gold:{gold['article']}",
                f"{title}\n\n{load_article(path).text}",
                [p["name"] for p in gold["persons"]],
                [o["name"] for o in gold["organisations"]],
                gold,
            )
        )
    return result[:limit]


def role_head_key(word: str) -> str:
    """A role head compared without case and inflection, as the guidelines let annotators write it
    inflected: a role noun of the lexicon by its normalised role, a prefix joined by a hyphen kept
    („Ministerpräsidenten“ = „Ministerpräsident“, „IHK-Präsidentin“ ≠ „Präsident“); another word
    without a genitive ending („Staatsführers“ = „Staatsführer“)."""
    if noun := match_role_noun(word):
        prefix, hyphen, _ = word.rpartition("-")
        return (prefix + hyphen + noun.normalized).lower()
    key = word.lower()
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def _written_head(short: str) -> str:
    """The role noun of a role as written: its last capitalised word („Oberbürgermeister a.D.“)."""
    words = [w for w in short.split() if w[:1].isupper()]
    return words[-1] if words else short


class GenderScore:
    """Precision of the genders the pipeline states for gold persons whose gender the text shows."""

    def __init__(self) -> None:
        self.stated = self.right = 0
        self.wrong: list[str] = []
        self.documents: list[tuple[int, int]] = []  # (stated, right) of each add()

    def add(self, genders: list[tuple[str, str, str]]) -> None:
        """One document's persons as (name, predicted gender, gold gender)."""
        stated = right = 0
        for name, predicted, gold in genders:
            if predicted in ("female", "male") and gold in ("female", "male"):
                stated += 1
                if predicted == gold:
                    right += 1
                else:
                    self.wrong.append(f"{name}: {predicted} (gold {gold})")
        self.documents.append((stated, right))
        self.stated += stated
        self.right += right

    @property
    def precision(self) -> float:
        return self.right / self.stated if self.stated else 1.0

    @property
    def precision_interval(self) -> tuple[float, float] | None:
        return document_interval(self.documents, _precision)

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "precision_interval": self.precision_interval,
            "stated": self.stated,
            "wrong": self.wrong,
        }


def _interval(interval: tuple[float, float] | None) -> str:
    return f"{interval[0]:.3f}–{interval[1]:.3f}" if interval else "—"


def _cells(score) -> list[str]:
    """precision, recall, F1, its 95 % interval, recall of full names, predicted, gold (gender:
    precision and its interval only)."""
    if isinstance(score, GenderScore):
        return [
            f"{score.precision:.3f}",
            "—",
            "—",
            _interval(score.precision_interval),
            "—",
            str(score.stated),
            "—",
        ]
    full = f"{score.full_gold_hit / score.full_gold:.3f}" if score.full_gold else "—"
    return [
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
        _interval(score.f1_interval),
        full,
        str(score.predicted),
        str(score.gold),
    ]


def score_annotated(doc, gold: dict, scores: dict) -> None:
    """Persons (name or any gold mention), their role heads, organisations (name or variant) and the
    genders of one article of the project's gold."""
    persons: dict[str, str] = {}
    for person in gold["persons"]:
        for text in (person["name"], *person["mentions"]):
            persons.setdefault(person_key(text), person["name"])
    full = {person_key(p["name"]) for p in gold["persons"] if len(p["name"].split()) > 1}
    gold_of: dict[int, str] = {}  # predicted person → the gold person it matched
    for p in doc._.persons:
        keys = {person_key(p.name), *(person_key(m.text) for m in p.mentions)}
        if hits := keys & persons.keys():
            gold_of[p.local_id] = persons[min(hits)]
    scores["persons"].add(persons, [(p.name, {person_key(p.name)}) for p in doc._.persons], full)
    by_name = {p["name"]: p for p in gold["persons"]}
    roles = {
        f"{p['name']}|{role_head_key(h)}": f"{p['name']}: {h}"
        for p in gold["persons"]
        for h in p["role_heads"]
    }
    names = {p.local_id: p.name for p in doc._.persons}
    predicted_roles = []
    for role in doc._.roles:
        owner = gold_of.get(role.person_local_id, names.get(role.person_local_id, ""))
        head = _written_head(role.short)
        predicted_roles.append((f"{owner}: {head}", {f"{owner}|{role_head_key(head)}"}))
    scores["role_heads"].add(roles, predicted_roles, set())
    organisations = {
        org_key(text): o["name"]
        for o in gold["organisations"]
        for text in (o["name"], *o["variants"])
        if text
    }
    predicted_orgs = [
        (o.name, {org_key(n) for n in (o.name, o.abbreviation, *(m.text for m in o.mentions)) if n})
        for o in doc._.organisations
    ]
    scores["organisations"].add(organisations, predicted_orgs, set())
    scores["gender"].add(
        [
            (p.name, p.gender, by_name[gold_of[p.local_id]]["gender"])
            for p in doc._.persons
            if p.local_id in gold_of
        ]
    )


def score_documents(
    docs: list[RealDoc], settings: Settings
) -> tuple[dict[str, dict[str, SetScore]], ModelInfo]:
    """Run the people component over the documents; scores per source and ``all``, and the model."""
    from pipeline.extract import add_extractors
    from pipeline.nlp import load_nlp

    nlp, model = load_nlp(settings=settings)
    nlp = add_extractors(nlp)
    scores: dict[str, dict[str, SetScore]] = {}
    with nlp.select_pipes(disable=["projektradar_quotes"]):
        for real, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16), strict=True):
            corpus = real.key.split(":")[0]
            if real.annotated is not None:
                entry = scores.setdefault(
                    corpus,
                    {
                        "persons": SetScore(),
                        "role_heads": SetScore(),
                        "organisations": SetScore(),
                        "gender": GenderScore(),
                    },
                )
                score_annotated(doc, real.annotated, entry)
                continue
            persons, full = gold_persons(real.persons)
            orgs = {org_key(t): t for t in real.organisations}
            predicted_persons = [(p.name, {person_key(p.name)}) for p in doc._.persons]
            predicted_orgs = [
                (o.name, {org_key(n) for n in (o.name, o.abbreviation, *(m.text for m in o.mentions)) if n})
                for o in doc._.organisations
            ]
            for group in (corpus, "all"):
                entry = scores.setdefault(group, {"persons": SetScore(), "organisations": SetScore()})
                entry["persons"].add(persons, predicted_persons, full)
                entry["organisations"].add(orgs, predicted_orgs, set())
    return {group: scores[group] for group in sorted(scores, key=lambda g: g == "all")}, model


def markdown(scores: dict[str, dict[str, SetScore]], split: str, docs: int, model: ModelInfo) -> str:
    lines = [
        "# Persons and organisations on real German news — held-out evaluation",
        "",
        f"Sources: {', '.join(SOURCES)} ({split} split of the project model's data) and wikinews-gold "
        f"(the project's annotated Wikinews articles, {split} part); {docs} documents. "
        "Command: `make evaluate REAL=1`. `all` pools the NER corpora; wikinews-gold is scored apart "
        "(persons with their mentions, role heads, organisations with their variants, gender precision). "
        "The interval is the 95 % bootstrap interval over the documents (of the F1; for gender, of the "
        "precision).",
        "",
        f"Model: {model.name} {model.version}, weights `{model.weights}` (which build: the same recipe "
        "trained on another machine scores differently).",
        "",
        "| source | category | precision | recall | F1 | 95 % interval | recall (full names) | predicted "
        "| gold |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for group, entry in scores.items():
        for category, score in entry.items():
            lines.append(f"| {group} | {category} | " + " | ".join(_cells(score)) + " |")
    for group in ("all", "wikinews-gold"):
        for category, score in scores.get(group, {}).items():
            if isinstance(score, GenderScore):
                lines += [
                    "",
                    f"## {group} {category}: wrong ({len(score.wrong)})",
                    "",
                    "; ".join(score.wrong),
                ]
                continue
            for title, items in (("missed", score.missed), ("spurious", score.spurious)):
                lines += ["", f"## {group} {category}: {title} ({len(items)})", "", "; ".join(items)]
    return "\n".join(lines) + "\n"


def report_name(split: str, rounds: Collection[int] | None = None) -> str:
    """``people_real`` for the reported test split, ``people_real_dev`` for development runs, with
    ``_rounds5-6`` when only some rounds of the Wikinews gold are scored."""
    name = "people_real" if split == "test" else f"people_real_{split}"
    return f"{name}_rounds{'-'.join(map(str, sorted(rounds)))}" if rounds else name


def evaluate_real(
    out: Path,
    split: str = "test",
    limit: int | None = None,
    settings: Settings | None = None,
    rounds: Collection[int] | None = None,
) -> dict[str, dict[str, SetScore]]:
    """Score persons and organisations on held-out real news; write ``people_real.md``/``.json``.
    ``rounds`` restricts the Wikinews gold, e.g. to dev rounds 5–6, which the NER never trained on."""
    settings = settings or Settings()
    docs = real_documents(settings, split, limit) + wikinews_documents(settings, split, limit, rounds)
    scores, model = score_documents(docs, settings)
    target = out / "evaluation"
    name = report_name(split, rounds)
    atomic_write_text(target / f"{name}.md", markdown(scores, split, len(docs), model))
    report = {
        "split": split,
        "rounds": sorted(rounds) if rounds else None,
        "documents": len(docs),
        "model": model.as_dict(),
        **{group: {c: score.as_dict() for c, score in entry.items()} for group, entry in scores.items()},
    }
    atomic_write_text(target / f"{name}.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return scores


def print_real(scores: dict[str, dict[str, SetScore]], console: Console) -> None:
    """The headline numbers in 80 columns; the report files add the counts and recall of full names."""
    table = Table(
        title="Persons and organisations on held-out real news",
        caption="P precision, R recall; 95 % CI over documents (gender: of P)",
    )
    for column in ("source", "category", "P", "R", "F1", "95 % CI"):
        text = column in ("source", "category")
        table.add_column(column, justify="left" if text else "right", no_wrap=True)
    for group, entry in scores.items():
        for category, score in entry.items():
            table.add_row(group, category, *_cells(score)[:4])
    console.print(table)
