"""Do two checkouts write the same tables? (``make compare BASE=<git revision>``)

The safety net of a restructuring: the revision ``BASE`` (checked out into a temporary git worktree)
and this checkout each process the sample corpus, a 400-document bench corpus (the sample corpus and
the shared news articles, :mod:`pipeline.bench`) and one long report made of such texts (parsed in
parts, with a helper process) with the same German model, without caches, and
every file they write is compared byte by byte — CSV, ``documents.jsonl``, Parquet and the report;
the workbook by its sheets (its file records when it was written), ``run.json`` not at all (timings).
Exit status 1 lists each file that differs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from rich.console import Console

from pipeline.settings import REPO_DIR, Settings

console = Console()
BENCH_DOCS = 400
REPORT_CHARS = 1_100_000  # long enough for a helper process (pipeline.engines.LocalEngine)
UNCOMPARED = {"run.json"}  # seconds and timestamps
WORKBOOK = "projektradar.xlsx"


def _workbook_sheets(path: Path) -> dict[str, bytes]:
    """The workbook's parts without ``docProps`` (creation time)."""
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if not n.startswith("docProps/")}


def differing_files(expected: Path, actual: Path) -> list[str]:
    """Relative paths of the output files that differ between two output folders, or that only one
    of them has."""
    names = {
        str(p.relative_to(folder)) for folder in (expected, actual) for p in folder.rglob("*") if p.is_file()
    }
    differing = []
    for name in sorted(names - UNCOMPARED):
        a, b = expected / name, actual / name
        if not (a.is_file() and b.is_file()):
            differing.append(name)
        elif name == WORKBOOK:
            if _workbook_sheets(a) != _workbook_sheets(b):
                differing.append(name)
        elif a.read_bytes() != b.read_bytes():
            differing.append(name)
    return differing


def run_checkout(checkout: Path, corpus: Path, out: Path, model: str, settings: Settings) -> None:
    """``projektradar run`` with the code of ``checkout`` (first on the module path), no result
    caches, and this checkout's ``../shared`` (a temporary worktree has none beside it, and the theme
    model is trained on data from there)."""
    with tempfile.TemporaryDirectory(prefix="projektradar-compare-results-") as results:
        env = {
            **os.environ,
            "PYTHONPATH": str(checkout),
            "PROJEKTRADAR_RESULTS": results,
            "PROJEKTRADAR_SHARED": str(settings.shared_dir),
        }
        command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--force"]
        process = subprocess.run(
            [*command, "--model", model], env=env, cwd=checkout, capture_output=True, text=True
        )
    if process.returncode != 0:
        raise RuntimeError(f"run of {checkout} on {corpus} failed:\n{process.stderr[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="git revision to compare with (e.g. main, HEAD~3, a commit)")
    parser.add_argument("--model", help="spaCy model path or package for both (default: this checkout's)")
    parser.add_argument("--docs", type=int, default=BENCH_DOCS, help="documents in the bench corpus")
    parser.add_argument(
        "--report-chars", type=int, default=REPORT_CHARS, help="length of the long report (0: none)"
    )
    args = parser.parse_args(argv)

    from pipeline.bench import base_texts, write_corpus, write_report
    from pipeline.nlp import resolve_model

    settings = Settings()
    model = args.model or resolve_model(None, settings).path
    failed = False
    with tempfile.TemporaryDirectory(prefix="projektradar-compare-") as tmp:
        work = Path(tmp)
        base = work / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(base), args.base],
            cwd=REPO_DIR,
            check=True,
            capture_output=True,
        )
        try:
            texts = base_texts(settings)
            bench, _words = write_corpus(texts, args.docs, work / "bench" / "corpus.jsonl")
            corpora = [("sample", REPO_DIR / "corpus"), ("bench", bench.parent)]
            if args.report_chars:
                report, _short, _words = write_report(texts, args.report_chars, work / "report")
                corpora.append(("report", report))
            for label, corpus in corpora:
                console.print(f"[bold]{label} corpus[/bold]: {args.base} and this checkout, model {model}")
                for name, checkout in (("base", base), ("current", REPO_DIR)):
                    run_checkout(checkout, corpus, work / name / label, model, settings)
                differing = differing_files(work / "base" / label, work / "current" / label)
                for name in differing:
                    console.print(f"  [red]differs[/red] {name}")
                if not differing:
                    console.print("  every table byte-identical")
                failed |= bool(differing)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO_DIR, check=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
