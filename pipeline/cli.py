"""Command-line interface: a thin layer over :func:`pipeline.run` and the stage functions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from pipeline import __version__
from pipeline.runner import count_inputs, run
from pipeline.settings import Settings

app = typer.Typer(
    name="projektradar",
    help="Text mining for German project reports and press releases: "
    "people, roles, organisations, quotes and themes, written as CSV tables and a report.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console(stderr=True)

CorpusArg = Annotated[
    list[Path],
    typer.Argument(
        help="Folders (searched recursively) and/or files to process.", exists=True, show_default=False
    ),
]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Folder for the output tables.")]
SharedOption = Annotated[
    Path | None,
    typer.Option(
        "--shared", help="Folder with the shared corpora [default: ../shared or $PROJEKTRADAR_SHARED]."
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-file-mb", help="Files larger than this are skipped with a reason.")
]


def _settings(shared: Path | None, max_file_mb: int) -> Settings:
    kwargs = {"max_file_bytes": max_file_mb * 1_000_000}
    if shared is not None:
        kwargs["shared_dir"] = shared
    return Settings(**kwargs)


def _run_with_progress(corpus: list[Path], out: Path, settings: Settings) -> None:
    total = count_inputs(corpus)
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True, disable=total < 2) as progress:
        task = progress.add_task("Dokumente", total=total)
        result = run(corpus, out, settings=settings, on_document=lambda _doc: progress.advance(task))
    console.print(f"[green]✓[/green] {result.summary} → {out}")
    failed = result["documents"].query("status in ['failed', 'skipped']")
    for row in failed.itertuples():
        console.print(f"  [yellow]{row.status}[/yellow] {row.source_path}: {row.error}")


@app.command("run")
def run_command(
    corpus: CorpusArg,
    out: OutOption = Path("outputs"),
    shared: SharedOption = None,
    max_file_mb: MaxBytesOption = 50,
) -> None:
    """Run all stages over CORPUS and write every table to --out."""
    _run_with_progress(corpus, out, _settings(shared, max_file_mb))


@app.command("ingest")
def ingest_command(
    corpus: CorpusArg,
    out: OutOption = Path("outputs"),
    max_file_mb: MaxBytesOption = 50,
) -> None:
    """Only read and clean the documents: writes documents.csv and documents.jsonl."""
    _run_with_progress(corpus, out, _settings(None, max_file_mb))


@app.command("schema")
def schema_command() -> None:
    """Print the output tables and their columns as Markdown."""
    from pipeline.schema import markdown

    typer.echo(markdown())


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"projektradar {__version__}")
        raise typer.Exit()


def main() -> None:
    app()
