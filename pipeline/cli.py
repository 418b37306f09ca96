"""Command-line interface: a thin layer over :func:`pipeline.run` and the stage functions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pipeline import __version__
from pipeline.errors import UserFacingError
from pipeline.ingest.limits import german_number
from pipeline.nlp.cli import app as model_app
from pipeline.nlp.parts import part_bounds
from pipeline.runner import count_inputs, run
from pipeline.settings import Settings
from pipeline.themes.cli import app as themes_app

app = typer.Typer(
    name="projektradar",
    help="Text mining for German project reports and press releases: "
    "people, roles, organisations, quotes and themes, written as CSV tables and a report.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
app.add_typer(model_app, name="model")
app.add_typer(themes_app, name="themes")
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
    int, typer.Option("--max-file-mb", min=1, help="Files larger than this are skipped with a reason.")
]
MaxUnpackedOption = Annotated[
    int,
    typer.Option(
        "--max-unpacked-mb",
        min=1,
        help="DOCX files whose contents would unpack to more than this are skipped (ZIP bombs).",
    ),
]
MaxPagesOption = Annotated[
    int, typer.Option("--max-pdf-pages", min=1, help="PDFs with more pages than this are skipped.")
]
MaxCharsOption = Annotated[
    int,
    typer.Option("--max-chars", min=1, help="Texts longer than this (characters) are skipped with a reason."),
]
PartCharsOption = Annotated[
    int,
    typer.Option(
        "--part-chars",
        min=1000,
        max=900_000,
        help="Longer texts are parsed in paragraph-aligned parts of at most this many characters "
        "(lower it when memory is short).",
    ),
]
_DEFAULTS = Settings()


def _settings(
    shared: Path | None,
    max_file_mb: int,
    max_unpacked_mb: int,
    max_pdf_pages: int,
    max_chars: int,
    part_chars: int = _DEFAULTS.part_chars,
) -> Settings:
    """Settings from the command-line limits (sizes in MB as the options give them)."""
    kwargs = {
        "max_file_bytes": max_file_mb * 1_000_000,
        "max_unpacked_bytes": max_unpacked_mb * 1_000_000,
        "max_pdf_pages": max_pdf_pages,
        "max_chars": max_chars,
        "part_chars": part_chars,
    }
    if shared is not None:
        kwargs["shared_dir"] = shared
    return Settings(**kwargs)


def _run_with_progress(corpus: list[Path], out: Path, settings: Settings, **options) -> None:
    total = count_inputs(corpus)
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("Dateien", total=total)
        seen_files: set[str] = set()

        def announce(document) -> None:
            """A long document takes a while: say so, so that the run does not look frozen."""
            parts = len(part_bounds(document.text, settings.part_chars))
            progress.console.print(
                f"  Langes Dokument {document.source_path}: {german_number(document.n_chars)} Zeichen, "
                f"wird in {parts} Teilen verarbeitet"
            )

        def advance(document) -> None:
            """One step per input file (a CSV/JSONL file yields several documents)."""
            source_file = document.source_path.split("#", 1)[0]
            if source_file not in seen_files:
                seen_files.add(source_file)
                progress.advance(task)

        try:
            result = run(
                corpus, out, settings=settings, on_document=advance, on_long_document=announce, **options
            )
        except UserFacingError as error:
            console.print(f"[red]Fehler:[/red] {error}")
            raise typer.Exit(2) from error
    console.print(f"[green]✓[/green] {result.summary} → {out}")
    for document in result.problems:
        console.print(f"  [yellow]{document.status}[/yellow] {document.source_path}: {document.error}")


@app.command("run")
def run_command(
    corpus: CorpusArg,
    out: OutOption = Path("outputs"),
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            envvar="PROJEKTRADAR_MODEL",
            help="spaCy pipeline (package or path) [default: de_core_news_sm, else project-trained].",
        ),
    ] = None,
    codebook: Annotated[
        Path | None,
        typer.Option(
            "--codebook", exists=True, dir_okay=False, help="Theme codebook YAML [default: built-in]."
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help=(
                "1: spaCy parses in a child process while this one extracts (two cores); "
                "N ≥ 2: N worker processes that each run every stage."
            ),
        ),
    ] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local, or dask (dask.distributed).")] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (tcp://host:port); default: LocalCluster."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Ignore cached results: re-read every file and reprocess every document."
        ),
    ] = False,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")
    ] = 32,
    shared: SharedOption = None,
    max_file_mb: MaxBytesOption = _DEFAULTS.max_file_bytes // 1_000_000,
    max_unpacked_mb: MaxUnpackedOption = _DEFAULTS.max_unpacked_bytes // 1_000_000,
    max_pdf_pages: MaxPagesOption = _DEFAULTS.max_pdf_pages,
    max_chars: MaxCharsOption = _DEFAULTS.max_chars,
    part_chars: PartCharsOption = _DEFAULTS.part_chars,
) -> None:
    """Run all stages over CORPUS and write every table to --out.

    Unchanged documents are taken from the result cache, so reruns are fast and an interrupted run
    continues where it stopped.
    """
    _run_with_progress(
        corpus,
        out,
        _settings(shared, max_file_mb, max_unpacked_mb, max_pdf_pages, max_chars, part_chars),
        model=model,
        codebook=codebook,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        force=force,
        batch_size=batch_size,
    )


@app.command("ingest")
def ingest_command(
    corpus: CorpusArg,
    out: OutOption = Path("outputs"),
    max_file_mb: MaxBytesOption = _DEFAULTS.max_file_bytes // 1_000_000,
    max_unpacked_mb: MaxUnpackedOption = _DEFAULTS.max_unpacked_bytes // 1_000_000,
    max_pdf_pages: MaxPagesOption = _DEFAULTS.max_pdf_pages,
    max_chars: MaxCharsOption = _DEFAULTS.max_chars,
) -> None:
    """Only read and clean the documents: writes documents.csv and documents.jsonl."""
    settings = _settings(None, max_file_mb, max_unpacked_mb, max_pdf_pages, max_chars)
    _run_with_progress(corpus, out, settings, ingest_only=True)


@app.command("report")
def report_command(out: OutOption = Path("outputs")) -> None:
    """Rebuild the thematic report (report/index.html, report/summary.md) from the tables in --out."""
    from pipeline.report import rebuild_report

    try:
        path = rebuild_report(out)
    except UserFacingError as error:
        console.print(f"[red]Fehler:[/red] {error}")
        raise typer.Exit(2) from error
    console.print(f"[green]✓[/green] Bericht → {path}")


@app.command("schema")
def schema_command(
    readme: Annotated[
        Path | None,
        typer.Option("--readme", exists=True, dir_okay=False, help="Rewrite this README's table section."),
    ] = None,
) -> None:
    """Print the output tables and their columns as Markdown (or update the README)."""
    from pipeline.schema import markdown, update_readme

    if readme is None:
        typer.echo(markdown())
    else:
        update_readme(readme)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"projektradar {__version__}")
        raise typer.Exit()


def main() -> None:
    app()
