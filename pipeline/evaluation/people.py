"""People, roles, organisations and programmes scored against the annotated sample corpus
(``make evaluate``).

``python -m pipeline.evaluation.people --corpus corpus --out outputs`` runs the pipeline's ingest, German
model and extraction components over the corpus and the seed press release (``<shared>/seed``), builds
the tables with the tables stage and compares them with
``tests/gold/corpus.json`` (format: ``tests/gold/README.md``), document by document:

- persons: canonical name without titles, case-insensitive;
- roles: person + role head, both normalised the way the pipeline does („Leiterin“ = „Leiter/in“);
- organisations: name or abbreviation of either side, or a gold alias (an inflected form as written);
- programmes: the same for programmes and projects (gold organisations of type Projekt/Programm);
- gender: person + gender (female/male/unknown) — how far the gender figures can be trusted.

Each gold item matches at most one prediction. Micro precision/recall/F1 are printed and written to
``<out>/evaluation/people.md`` and ``.json`` with every miss and every spurious item per document.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table

from pipeline.evaluation.names import name_key
from pipeline.export import atomic_write_text
from pipeline.extract.organisations import org_key
from pipeline.extract.roles import match_role_noun
from pipeline.settings import REPO_DIR, Settings

GOLD = REPO_DIR / "tests" / "gold" / "corpus.json"
TARGETS = {"persons": 0.9, "roles": 0.8, "organisations": 0.85, "programmes": 0.75}  # none for gender
PROGRAMME_TYPE = "Projekt/Programm"  # gold organisations of this type are programmes


@dataclass
class Score:
    """Counts of one category, with the unmatched items per document for error analysis."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, doc: str, gold: list, predicted: list, same: Callable[[object, object], bool]) -> None:
        """Greedy one-to-one matching of gold and predicted items of one document."""
        unmatched = list(predicted)
        for item in gold:
            hit = next((p for p in unmatched if same(item, p)), None)
            if hit is None:
                self.fn += 1
                self.missed.setdefault(doc, []).append(str(item))
            else:
                self.tp += 1
                unmatched.remove(hit)
        self.fp += len(unmatched)
        if unmatched:
            self.spurious.setdefault(doc, []).extend(str(p) for p in unmatched)

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "missed": self.missed,
            "spurious": self.spurious,
        }


def role_key(head: str) -> str:
    """Role head in the pipeline's normal form, so „Leiterin“, „Leiter“ and „Leiter/in“ agree."""
    noun = match_role_noun(head.strip())
    return (noun.normalized if noun else head.strip()).casefold()


def _doc_key(path: str) -> str:
    """Documents are matched by file name: gold keys are corpus-relative, the seed lives elsewhere."""
    head, sep, row = str(path).partition("#")
    return Path(head).name + sep + row.split("=", 1)[-1]  # „file.csv#id=pm-1“ ↔ gold „file.csv#pm-1“


def predictions(tables: dict[str, pd.DataFrame]) -> dict[str, dict[str, list]]:
    """Per document: person names, (name, role key) pairs, organisation and programme names."""
    found: dict[str, dict[str, list]] = {}

    def doc(path: str) -> dict[str, list]:
        return found.setdefault(_doc_key(path), {category: [] for category in MATCHERS})

    genders = tables["people"].set_index("person_id")["gender"]
    for (path, name, person_id), _ in tables["person_mentions"].groupby(["source_path", "name", "person_id"]):
        doc(path)["persons"].append(name)
        doc(path)["gender"].append((name, genders[person_id]))
    for row in tables["roles"].itertuples():
        doc(row.source_path)["roles"].append((row.name, row.role_normalized))
    orgs = tables["organisations"].set_index("org_id")
    for (path, org_id), _ in tables["org_mentions"].groupby(["source_path", "org_id"]):
        org = orgs.loc[org_id]
        doc(path)["organisations"].append((org["name"], org["abbreviation"] or ""))
    programmes = tables["programmes"].set_index("programme_id")
    for (path, programme_id), _ in tables["programme_mentions"].groupby(["source_path", "programme_id"]):
        programme = programmes.loc[programme_id]
        doc(path)["programmes"].append((programme["name"], programme["abbreviation"] or ""))
    for entry in found.values():
        entry["roles"] = sorted(set(entry["roles"]))
    return found


def gold_items(entry: dict) -> dict[str, list]:
    persons = entry.get("persons", [])
    return {
        "persons": [p["name"] for p in persons],
        "gender": [(p["name"], p.get("gender") or "unknown") for p in persons],
        "roles": sorted(
            {(p["name"], r.get("head") or r.get("text", "")) for p in persons for r in p.get("roles", [])}
        ),
        "organisations": _gold_names(entry, programmes=False),
        "programmes": _gold_names(entry, programmes=True),
    }


def _gold_names(entry: dict, programmes: bool) -> list[tuple[str, ...]]:
    """Name, abbreviation and aliases of the gold organisations that are (or are not) programmes."""
    return [
        (o["name"], o.get("abbreviation") or "", *o.get("aliases", []))
        for o in entry.get("organisations", [])
        if (o.get("type") == PROGRAMME_TYPE) == programmes
    ]


def _same_org(gold: tuple[str, ...], predicted: tuple[str, str]) -> bool:
    return bool({org_key(n) for n in gold if n} & {org_key(n) for n in predicted if n})


MATCHERS: dict[str, Callable[[object, object], bool]] = {
    "persons": lambda g, p: name_key(g) == name_key(p),
    "gender": lambda g, p: name_key(g[0]) == name_key(p[0]) and g[1] == p[1],
    "roles": lambda g, p: name_key(g[0]) == name_key(p[0]) and role_key(g[1]) == role_key(p[1]),
    "organisations": _same_org,
    "programmes": _same_org,
}


def score(gold: dict[str, dict], predicted: dict[str, dict[str, list]]) -> dict[str, Score]:
    """Scores per category over the gold documents (a document the pipeline missed counts as empty)."""
    scores = {category: Score() for category in MATCHERS}
    for path, entry in sorted(gold.items()):
        expected = gold_items(entry)
        got = predicted.get(_doc_key(path), {})
        for category, same in MATCHERS.items():
            scores[category].add(path, expected[category], got.get(category, []), same)
    return scores


def _target(category: str) -> str:
    return f"{TARGETS[category]:.2f}" if category in TARGETS else "—"


def markdown(scores: dict[str, Score], inputs: Iterable[str]) -> str:
    lines = [
        "# People, roles, organisations and programmes — evaluation",
        "",
        f"Inputs: {', '.join(inputs)}; gold: tests/gold/corpus.json",
        "",
        "| category | precision | recall | F1 | target F1 | TP | FP | FN |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s in scores.items():
        lines.append(
            f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {_target(name)} "
            f"| {s.tp} | {s.fp} | {s.fn} |"
        )
    for name, s in scores.items():
        for title, items in (("missed", s.missed), ("spurious", s.spurious)):
            if items:
                lines += ["", f"## {name}: {title}", ""]
                lines += [f"- `{doc}`: {'; '.join(values)}" for doc, values in sorted(items.items())]
    return "\n".join(lines) + "\n"


def extraction_tables(inputs: list[Path], settings: Settings) -> dict[str, pd.DataFrame]:
    """The pipeline's ingest, German model and extraction components (themes are not needed here)."""
    from pipeline.extract import add_extractors, extract
    from pipeline.ingest import iter_documents
    from pipeline.nlp import load_nlp
    from pipeline.tables.build import tables_from_extractions

    documents = [d for d in iter_documents(inputs, settings) if d.ok]
    nlp, _ = load_nlp(settings=settings)
    nlp = add_extractors(nlp)
    docs = nlp.pipe((d.text for d in documents), batch_size=8)
    return tables_from_extractions(
        (d, extract(doc, d.doc_id)) for d, doc in zip(documents, docs, strict=True)
    )


def evaluate(
    corpus: Path, out: Path, gold_path: Path = GOLD, settings: Settings | None = None
) -> dict[str, Score]:
    """Run the extraction over ``corpus`` and the seed document, score against the gold, write the report."""
    settings = settings or Settings()
    inputs = [corpus]
    seed = settings.shared_dir / "seed"
    if seed.is_dir():
        inputs.append(seed)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores = score(gold, predictions(extraction_tables(inputs, settings)))
    target = out / "evaluation"
    names = [str(p) for p in inputs]
    atomic_write_text(target / "people.md", markdown(scores, names))
    report = {"inputs": names, "targets": TARGETS, **{k: s.as_dict() for k, s in scores.items()}}
    atomic_write_text(target / "people.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return scores


def print_table(scores: dict[str, Score], console: Console) -> None:
    table = Table(title="People, roles, organisations and programmes vs. tests/gold/corpus.json")
    for column in ("category", "precision", "recall", "F1", "target", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for name, s in scores.items():
        style = "green" if s.f1 >= TARGETS.get(name, 0) else "red"
        table.add_row(
            name,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"[{style}]{s.f1:.3f}[/{style}]",
            _target(name),
            str(s.tp),
            str(s.fp),
            str(s.fn),
        )
    console.print(table)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO_DIR / "corpus")
    parser.add_argument("--out", type=Path, default=REPO_DIR / "outputs")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--real", action="store_true", help="held-out real news instead (people_real.py)")
    parser.add_argument("--split", default="test", help="with --real: test (report) or dev (development)")
    parser.add_argument("--limit", type=int, help="with --real: documents per source")
    parser.add_argument(
        "--rounds",
        type=lambda text: {int(r) for r in text.split(",")},
        help="with --real: only these annotation rounds of the Wikinews gold, e.g. 5,6 (dev rounds the NER "
        "never trained on)",
    )
    args = parser.parse_args(argv)
    console = Console()
    if args.real:
        from pipeline.evaluation.people_real import evaluate_real, print_real, report_name

        print_real(evaluate_real(args.out, args.split, args.limit, rounds=args.rounds), console)
        console.print(f"Details: {args.out / 'evaluation' / report_name(args.split, args.rounds)}.md")
        return
    scores = evaluate(args.corpus, args.out, args.gold)
    print_table(scores, console)
    console.print(f"Details: {args.out / 'evaluation' / 'people.md'}")


if __name__ == "__main__":
    main()
