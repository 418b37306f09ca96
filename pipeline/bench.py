"""Benchmark (``make bench``): end-to-end throughput against spaCy's own ceiling, memory at growing
corpus sizes, worker scaling, the cost of a no-change rerun of 400 documents, and one 400-page report
against the same text as short documents — all on this machine, in one run.

The corpus is the sample corpus plus the real Wikinews articles in ``../shared`` (their text only),
repeated with a varying sentence appended so that no two documents are identical (otherwise the
duplicate detection would skip them and flatter the numbers). Each measured run is a separate
``projektradar run`` process with its own empty result cache; peak memory is that process's max RSS.
The CPU seconds (all processes and threads of a run) sit beside the wall-clock seconds: the theme
model runs in a second thread alongside spaCy, so the wall-clock ratio to the ceiling alone would hide
what the pipeline costs in CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from pipeline.export import atomic_write_text
from pipeline.ingest import iter_documents
from pipeline.settings import REPO_DIR, SPKATT_ARTICLES, Settings

console = Console()
RERUN_DOCS = 400


def base_texts(settings: Settings) -> list[str]:
    """Clean texts of the sample corpus and of the shared news articles."""
    from pipeline.evaluation.quotes import load_article

    texts = [d.text for d in iter_documents([REPO_DIR / "corpus"], settings) if d.ok]
    articles = sorted((settings.nlp_data_dir / SPKATT_ARTICLES).glob("*.json"))
    texts += [load_article(path).text for path in articles]
    return [t for t in texts if t.strip()]


def write_corpus(texts: list[str], n_docs: int, target: Path) -> tuple[Path, int]:
    """A JSONL corpus of ``n_docs`` distinct documents; returns its path and word count."""
    target.parent.mkdir(parents=True, exist_ok=True)
    words = 0
    with open(target, "w", encoding="utf-8") as handle:
        for i in range(n_docs):
            text = f"{texts[i % len(texts)]}\n\nStand der Meldung: Ausgabe {i + 1}."
            words += len(text.split())
            handle.write(json.dumps({"id": f"bench-{i:06d}", "text": text}, ensure_ascii=False) + "\n")
    return target, words


def write_report(texts: list[str], min_chars: int, target: Path) -> tuple[Path, Path, int]:
    """One long report (paragraphs of the bench texts up to ``min_chars``) and the same texts as a
    JSONL corpus of short documents; returns both paths and the word count."""
    chosen: list[str] = []
    i = 0
    while sum(map(len, chosen)) < min_chars:
        chosen.append(f"{texts[i % len(texts)]}\n\nStand der Meldung: Ausgabe {i + 1}.")
        i += 1
    target.mkdir(parents=True, exist_ok=True)
    report = target / "abschlussbericht.txt"
    report.write_text("\n\n".join(chosen), encoding="utf-8")
    short = target / "short" / "corpus.jsonl"
    short.parent.mkdir()
    short.write_text(
        "".join(
            json.dumps({"id": f"teil-{n:05d}", "text": t}, ensure_ascii=False) + "\n"
            for n, t in enumerate(chosen)
        ),
        encoding="utf-8",
    )
    return report, short, sum(len(t.split()) for t in chosen)


def timed_run(corpus: Path, out: Path, results: Path, workers: int = 1) -> dict:
    """One ``projektradar run`` in a child process: wall seconds and the child's peak RSS."""
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "run",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        str(workers),
    ]
    env = {**os.environ, "PROJEKTRADAR_RESULTS": str(results)}
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"run failed: {process.stderr.read().decode(errors='replace')[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime  # the run and its worker processes, all threads
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": usage.ru_maxrss / 1024}


def ceiling(corpus: Path) -> dict:
    """Wall and CPU seconds of a bare ``nlp.pipe`` with the same model over the same texts (model load
    excluded)."""
    from pipeline.nlp import load_nlp

    nlp, _info = load_nlp()
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    started, cpu_started = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu_started}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5120, help="documents in the largest (16×) corpus")
    parser.add_argument("--out", type=Path, default=Path("outputs/bench"))
    parser.add_argument(
        "--report-chars", type=int, default=1_300_000, help="length of the long report (characters)"
    )
    args = parser.parse_args(argv)

    settings = Settings()
    texts = base_texts(settings)
    base = max(1, args.docs // 16)
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="projektradar-bench-") as tmp:
        work = Path(tmp)
        corpora = {
            factor: write_corpus(texts, base * factor, work / f"x{factor}" / "corpus.jsonl")
            for factor in (1, 4, 16)
        }
        # Written now, runs later: the ingest cache trusts only files older than two seconds, and a
        # rerun is measured on a corpus that did not change since it was first read.
        small, small_words = write_corpus(texts, RERUN_DOCS, work / "small" / "corpus.jsonl")
        for factor, (corpus, words) in corpora.items():
            console.print(f"[bold]run[/bold] {factor}× ({base * factor} documents, {words:,} words)")
            measured = timed_run(corpus, work / f"out{factor}", work / f"results{factor}")
            rows[f"run {factor}×"] = {"docs": base * factor, "words": words, **measured}
        corpus, words = corpora[16]
        console.print("[bold]rerun[/bold] 16× without changes")
        rows["rerun 16× (no change)"] = {
            "docs": base * 16,
            "words": words,
            **timed_run(corpus, work / "out16", work / "results16"),
        }
        corpus4, words4 = corpora[4]
        console.print("[bold]run[/bold] 4× with --workers 2")
        rows["run 4× --workers 2"] = {
            "docs": base * 4,
            "words": words4,
            **timed_run(corpus4, work / "out4w2", work / "results4w2", workers=2),
        }
        timed_run(small, work / "out_small", work / "results_small")
        console.print(f"[bold]rerun[/bold] {RERUN_DOCS} documents without changes")
        rows[f"rerun {RERUN_DOCS} docs (no change)"] = {
            "docs": RERUN_DOCS,
            "words": small_words,
            **timed_run(small, work / "out_small", work / "results_small"),
        }
        report, short, report_words = write_report(texts, args.report_chars, work / "report")
        console.print(f"[bold]run[/bold] one long report ({args.report_chars:,}+ characters)")
        rows["long report (1 document)"] = {
            "docs": 1,
            "words": report_words,
            **timed_run(report, work / "out_report", work / "results_report"),
        }
        console.print("[bold]run[/bold] the same text as short documents")
        short_docs = sum(1 for _ in short.open(encoding="utf-8"))
        rows["same text as short documents"] = {
            "docs": short_docs,
            "words": report_words,
            **timed_run(short, work / "out_short", work / "results_short"),
        }
        console.print("[bold]ceiling[/bold] bare nlp.pipe over 16×")
        rows["nlp.pipe ceiling 16×"] = {
            "docs": base * 16,
            "words": words,
            **ceiling(corpus),
            "peak_rss_mb": None,
        }

    for row in rows.values():
        row["docs_per_s"] = row["docs"] / row["seconds"]
        row["words_per_s"] = row["words"] / row["seconds"]
    headline = {
        "pipeline_vs_ceiling": rows["run 16×"]["words_per_s"] / rows["nlp.pipe ceiling 16×"]["words_per_s"],
        "pipeline_vs_ceiling_cpu": rows["nlp.pipe ceiling 16×"]["cpu_seconds"]
        / rows["run 16×"]["cpu_seconds"],
        "rerun_share_of_first_run": rows["rerun 16× (no change)"]["seconds"] / rows["run 16×"]["seconds"],
        "speedup_2_workers": rows["run 4×"]["seconds"] / rows["run 4× --workers 2"]["seconds"],
        "peak_rss_growth_1x_to_16x": rows["run 16×"]["peak_rss_mb"] / rows["run 1×"]["peak_rss_mb"],
        "rerun_seconds_400_docs": rows[f"rerun {RERUN_DOCS} docs (no change)"]["seconds"],
        "long_report_vs_short_documents": rows["long report (1 document)"]["words_per_s"]
        / rows["same text as short documents"]["words_per_s"],
    }
    report = {"rows": rows, "headline": headline, "cpus": os.cpu_count(), "python": sys.version.split()[0]}
    print_report(report)
    args.out.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.out / "bench.json", json.dumps(report, indent=2) + "\n")
    atomic_write_text(args.out / "bench.md", markdown(report))
    return report


def _cells(name: str, row: dict) -> list[str]:
    rss = "–" if row["peak_rss_mb"] is None else f"{row['peak_rss_mb']:.0f}"
    return [
        name,
        f"{row['docs']:,}",
        f"{row['words']:,}",
        f"{row['seconds']:.1f}",
        f"{row['cpu_seconds']:.1f}",
        f"{row['docs_per_s']:.1f}",
        f"{row['words_per_s']:,.0f}",
        rss,
    ]


HEADERS = ["measurement", "docs", "words", "seconds", "CPU seconds", "docs/s", "words/s", "peak RSS MB"]


def print_report(report: dict) -> None:
    table = Table(*HEADERS, title="projektradar benchmark")
    for name, row in report["rows"].items():
        table.add_row(*_cells(name, row))
    console.print(table)
    for key, value in report["headline"].items():
        console.print(f"{key}: [bold]{value:.2f}[/bold]")


def markdown(report: dict) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(_cells(name, row)) + " |" for name, row in report["rows"].items()]
    lines += ["", *(f"- {key}: **{value:.2f}**" for key, value in report["headline"].items())]
    lines.append(f"\nMachine: {report['cpus']} CPUs, Python {report['python']}. Command: `make bench`.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
