"""``projektradar themes …``: train, evaluate and improve the theme model from the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Annotated

import numpy as np
import typer
from rich.console import Console

from pipeline.settings import Settings
from pipeline.themes.codebook import CodebookError, load_codebook
from pipeline.themes.data import UNLABELLED, LabelsError
from pipeline.themes.text import normalize

app = typer.Typer(
    help="Theme classifier: train, evaluate, export paragraphs for labelling.", no_args_is_help=True
)
console = Console(stderr=True)

CodebookOption = Annotated[
    Path | None, typer.Option("--codebook", help="Your own codebook YAML [default: the bundled themes.yml].")
]
LabelsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--labels",
        help="Extra folder with labels*.csv (columns text, themes) or a single CSV; repeatable. "
        "Every labels*.csv in pipeline/resources/themes/ is always used.",
    ),
]
SharedOption = Annotated[Path | None, typer.Option("--shared", help="Folder with the shared corpora.")]


def _setup(codebook: Path | None, shared: Path | None):
    try:
        book = load_codebook(codebook)
    except CodebookError as error:
        console.print(f"[red]Codebook error:[/red] {error}")
        raise typer.Exit(2) from None
    settings = Settings(shared_dir=shared) if shared is not None else Settings()
    return book, settings


@app.command("train")
def train_command(codebook: CodebookOption = None, labels: LabelsOption = None, shared: SharedOption = None):
    """Cross-validate, fit on all data and store the model (joblib + metadata.json) in the cache."""
    from pipeline.themes.evaluate import evaluate
    from pipeline.themes.train import model_dir, save_theme_model, train_theme_model

    book, settings = _setup(codebook, shared)
    try:
        _, summary = evaluate(settings, book, labels or (), real=False)
        model = train_theme_model(settings, book, labels or (), scores=summary)
    except (LabelsError, ValueError) as error:
        console.print(f"[red]Cannot train:[/red] {error}")
        raise typer.Exit(1) from None
    folder = save_theme_model(model, model_dir(settings, book, labels or ()))
    cv = summary["cross_validated"]["macro_f1"]
    masked = summary["masked_indicators"]["macro_f1"]
    console.print(f"[green]✓[/green] model → {folder}  (CV macro-F1 {cv:.3f}, masked {masked:.3f})")


@app.command("evaluate")
def evaluate_command(
    codebook: CodebookOption = None,
    labels: LabelsOption = None,
    shared: SharedOption = None,
    out: Annotated[Path, typer.Option("--out", help="Markdown report.")] = Path(
        "outputs/evaluation/themes.md"
    ),
):
    """Document-grouped cross-validated and masked-indicator scores on all labelled paragraphs."""
    from pipeline.themes.evaluate import evaluate

    book, settings = _setup(codebook, shared)
    report, summary = evaluate(settings, book, labels or ())
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    out.with_suffix(".json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    console.print(report)
    console.print(f"[green]✓[/green] {out}")


def _comparable(text: str) -> str:
    """A paragraph as the label files store it, so labelled paragraphs are recognised again."""
    return " ".join(normalize(text).split())


@app.command("label")
def label_command(
    corpus: Annotated[
        list[Path], typer.Option("--corpus", help="Documents to draw paragraphs from.", exists=True)
    ],
    out: Annotated[Path, typer.Option("--out", help="CSV to fill in.")] = Path(
        "outputs/themes/labels_review.csv"
    ),
    n: Annotated[int, typer.Option("--n", help="How many paragraphs to export.")] = 50,
    codebook: CodebookOption = None,
    labels: LabelsOption = None,
    shared: SharedOption = None,
):
    """Export unlabelled paragraphs the model is least sure about, for a person to label (active learning).

    Replace each ``?`` in the themes column with the right ids (``;``-separated, empty for none), then
    put the file into pipeline/resources/themes/ (or pass its folder with --labels) and retrain.
    """
    from pipeline.ingest import iter_documents
    from pipeline.themes.train import load_theme_model, training_data

    book, settings = _setup(codebook, shared)
    model = load_theme_model(settings, book, labels or ())
    gold, _ = training_data(book, settings, labels or (), weak=False)
    labelled = {_comparable(text) for text in gold.texts}
    rows = []
    for document in iter_documents(corpus, settings):
        if not document.ok:
            continue
        for index, text in enumerate(document.paragraph_texts()):
            if len(text.strip()) >= settings.min_chars and _comparable(text) not in labelled:
                rows.append((document.source_path, index, " ".join(text.split())))
    if not rows:
        console.print("[yellow]No unlabelled paragraphs found.[/yellow]")
        raise typer.Exit(1)
    scores = model.predict_proba([r[2] for r in rows])
    # Uncertainty: how close the most ambiguous theme is to its decision threshold.
    margin = np.abs(scores - model.thresholds).min(axis=1)
    order = sorted(range(len(rows)), key=lambda i: (margin[i], rows[i][0], rows[i][1]))[:n]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "themes", "suggested", "source_path", "paragraph_index", "margin"])
        for i in order:
            suggested = ";".join(
                t for t, s, th in zip(book.ids, scores[i], model.thresholds, strict=False) if s >= th
            )
            writer.writerow([rows[i][2], UNLABELLED, suggested, rows[i][0], rows[i][1], f"{margin[i]:.3f}"])
    console.print(f"[green]✓[/green] {len(order)} paragraphs → {out} (replace '?' in the themes column)")
