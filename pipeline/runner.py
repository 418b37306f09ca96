"""Orchestration: stream documents through the stages and write the tables.

The CLI and the notebook API (:func:`pipeline.run`) both call :func:`run`; nothing here parses
arguments or prints, so the same code serves scripts, tests and the Dask engine.

Flow: ingest yields documents one by one → documents whose result is cached (same text, model, theme
model and code) are skipped → the rest go in batches to an engine → each result is cached as soon as
it arrives (so a killed run resumes where it stopped) → the tables stage builds the corpus-wide
tables (:mod:`pipeline.tables`) from the cached results of exactly the current documents (so reruns
never duplicate rows).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import platform
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.cache import IngestCache, ResultCache
from pipeline.document import STATUS_FAILED, STATUS_SKIPPED, Document
from pipeline.export import atomic_path, atomic_write_text
from pipeline.ingest import discover_files, iter_documents
from pipeline.processing import DocResult, ProcessorConfig
from pipeline.schema import TABLES
from pipeline.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.engines import Engine

ProgressCallback = Callable[[Document], None]
# A batch is sent on when it holds this many characters, before ``batch_size`` documents: a batch of
# long reports would otherwise keep tens of millions of characters in flight.
BATCH_CHARS = 1_000_000


class RunResult(Mapping):
    """Tables of one run: a read-only mapping of table name → DataFrame (``result["people"]``,
    ``dict(result)``, ``for name, frame in result.items()``), plus the run's counts and metadata.

    Tables a no-change rerun reuses are read from its Parquet files on first access, so the rerun
    itself loads no table."""

    def __init__(
        self,
        tables: dict[str, Callable[[], pd.DataFrame]],
        counts: Counter,
        info: dict,
        out_dir: Path | None,
        problems: list[Document],
    ):
        self._load = tables
        self._frames: dict[str, pd.DataFrame] = {}
        self.counts, self.info, self.out_dir = counts, info, out_dir
        self.problems = problems  # documents skipped or failed, with their reason

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            self._frames[name] = self._load[name]()
        return self._frames[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load)

    def __len__(self) -> int:
        return len(self._load)

    def __repr__(self) -> str:
        rows = ", ".join(f"{name}: {len(frame)}" for name, frame in self.items())
        where = f" → {self.out_dir}" if self.out_dir is not None else ""
        return f"<RunResult {self.summary}{where}; rows per table: {rows}>"

    @property
    def summary(self) -> str:
        c = self.counts
        return (
            f"{c['ok']} processed ({c['cached']} from cache), {c['duplicate']} duplicates, "
            f"{c['skipped']} skipped, {c['failed']} failed"
        )


def count_inputs(inputs: Sequence[Path | str]) -> int:
    """Number of input files (for a progress bar's total)."""
    return len(discover_files([Path(p) for p in inputs]))


def run(
    inputs: Sequence[Path | str] | Path | str,
    out_dir: Path | str | None = None,
    *,
    settings: Settings | None = None,
    model: str | None = None,
    codebook: Path | str | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    force: bool = False,
    batch_size: int = 32,
    ingest_only: bool = False,
    on_document: ProgressCallback | None = None,
    on_long_document: ProgressCallback | None = None,
) -> RunResult:
    """Run the stages over files or folders; write the tables to ``out_dir`` when given.

    ``model`` names a spaCy package or path (default: resolved automatically), ``codebook`` a theme
    codebook YAML, ``workers``/``engine``/``scheduler`` where the NLP work runs, ``force`` ignores
    cached per-document results, ``ingest_only`` stops after reading and cleaning the documents.
    ``on_document`` is called when a document is done, ``on_long_document`` when one that is parsed
    in parts (longer than ``settings.part_chars``) goes to the NLP stage.

    Steps: :func:`process_documents` (ingest, NLP and extraction, each result cached), then the run's
    identity (:func:`run_info`), then the tables — reused from the last run into ``out_dir`` when
    built from the same state, else built (:func:`pipeline.tables.build.tables_from_results`) and written
    (:func:`write_outputs`).
    """
    from pipeline.engines import make_engine

    settings = settings or Settings()
    paths = [Path(p) for p in ([inputs] if isinstance(inputs, (str, Path)) else inputs)]
    out = Path(out_dir) if out_dir is not None else None
    started = time.time()
    config = ProcessorConfig(settings, model, Path(codebook) if codebook else None, batch_size)
    results = None if ingest_only else ResultCache(settings.result_cache_dir, config)
    documents, counts = process_documents(
        paths,
        out,
        settings,
        results,
        engine=None if results is None else make_engine(engine, config, workers, scheduler),
        force=force,
        batch_size=batch_size,
        on_document=on_document or (lambda _document: None),
        on_long_document=on_long_document or (lambda _document: None),
    )
    rows = [d.to_row() for d in documents]
    info = run_info(rows, results, codebook)
    reusable = [] if out is None or force else _reusable_tables(out, info["state"])
    if reusable:
        from pipeline.export.parquet import read_parquet

        loaders = {name: functools.partial(read_parquet, name, out) for name in TABLES if name in reusable}
    else:
        from pipeline.tables.frames import frame_for

        tables = {"documents": frame_for("documents", rows)}
        if results is not None:
            from pipeline.tables.build import tables_from_results

            ok_documents = [d for d in documents if d.ok]
            tables.update(
                tables_from_results(ok_documents, (results.get(results.key(d)) for d in ok_documents))
            )
        loaders = {name: functools.partial(tables.get, name) for name in TABLES if name in tables}
    info.update(
        inputs=[str(p) for p in paths],
        engine=engine,
        workers=workers,
        counts=dict(sorted(counts.items())),
        tables=sorted(loaders),
        outputs_reused=bool(reusable),
        seconds=round(time.time() - started, 3),
    )
    if out is not None:
        if reusable:
            atomic_write_text(out / "run.json", _json(info))
        else:
            write_outputs(out, tables, info)
    problems = [d for d in documents if d.status in (STATUS_SKIPPED, STATUS_FAILED)]
    return RunResult(loaders, counts, info, out, problems)


def process_documents(
    paths: list[Path],
    out: Path | None,
    settings: Settings,
    results: ResultCache | None,
    *,
    engine: Engine | None,
    force: bool,
    batch_size: int,
    on_document: ProgressCallback,
    on_long_document: ProgressCallback,
) -> tuple[list[Document], Counter]:
    """Read every input and send the documents without a cached result, in batches, to the engine;
    cache each result as soon as it arrives. Returns every document (metadata only) and the counts.

    Texts go to ``documents.jsonl`` as they are read and are dropped once their document is done, so
    memory does not grow with the corpus. Without ``results`` and ``engine`` (``ingest_only``) nothing
    is processed.
    """
    ingest_cache = None if force else IngestCache(settings.ingest_cache_dir, settings)
    documents: list[Document] = []
    counts: Counter = Counter()

    def done(document: Document) -> None:
        document.release_text()
        on_document(document)

    with _texts_writer(out) as write_text:

        def batches_to_process() -> Iterator[list[Document]]:
            batch: list[Document] = []
            batch_chars = 0
            for document in iter_documents(paths, settings, ingest_cache):
                documents.append(document)
                if document.ok:
                    write_text(document)
                if results is None or not document.ok:
                    done(document)
                elif not force and results.key(document) in results:
                    counts["cached"] += 1
                    done(document)
                else:
                    if document.n_chars > settings.part_chars:
                        on_long_document(document)
                    batch.append(document)
                    batch_chars += document.n_chars
                if len(batch) >= batch_size or batch_chars >= BATCH_CHARS:
                    yield batch
                    batch, batch_chars = [], 0
            if batch:
                yield batch

        if engine is None:
            for _ in batches_to_process():
                pass
        else:
            for batch, batch_results in engine.map(batches_to_process()):
                for document, result in zip(batch, batch_results, strict=True):
                    store_result(document, result, results)
                    done(document)

    for document in documents:
        counts[document.status] += 1
    return documents, counts


def run_info(rows: list[dict], results: ResultCache | None, codebook: Path | str | None) -> dict:
    """What identifies the run's tables (``run.json``): versions, the model and theme model, and the
    state digest that tells a rerun whether the last tables still hold."""
    info: dict = {"projektradar": __version__, "python": platform.python_version()}
    if results is not None:
        info.update(
            model=results.model_info,
            theme_model=results.theme_fingerprint,
            codebook=str(codebook) if codebook else "default",
        )
    info["state"] = _state_digest(rows, results)
    return info


def _state_digest(rows: list[dict], cache: ResultCache | None) -> str:
    """Identity of everything the tables are built from: the document rows (with their content ids)
    and the model/theme-model/code part of the result keys."""
    digest = hashlib.sha256(json.dumps(rows, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    if cache is not None:
        digest.update(cache.key_base.encode())
    return digest.hexdigest()


def _reusable_tables(out: Path, state: str) -> list[str]:
    """Tables of the last run into ``out`` when it was built from exactly this state and left every
    file; otherwise none."""
    try:
        previous = json.loads((out / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    from pipeline.export.parquet import parquet_path

    names = previous.get("tables", [])
    current = previous.get("state") == state and all(
        (out / TABLES[n].filename).is_file() and parquet_path(n, out).is_file() for n in names
    )
    return names if current else []


@contextlib.contextmanager
def _texts_writer(out: Path | None) -> Iterator[Callable[[Document], None]]:
    """Append clean texts to ``documents.jsonl`` as they are read (renamed into place at the end)."""
    if out is None:
        yield lambda _document: None
        return
    for stale in out.glob(".*.tmp"):  # left behind by a run that was killed
        stale.unlink(missing_ok=True)
    with (
        atomic_path(out / "documents.jsonl") as tmp,
        open(tmp, "w", encoding="utf-8", newline="\n") as handle,
    ):
        yield lambda document: handle.write(
            json.dumps(document.to_json(), ensure_ascii=False, sort_keys=True) + "\n"
        )


def store_result(document: Document, result: DocResult | Exception, cache: ResultCache) -> None:
    """Cache a result at once (resume point); a failed document is marked with the reason."""
    if isinstance(result, Exception):
        document.status = STATUS_FAILED
        document.error = failure_reason(result)
        return
    cache.put(cache.key(document), result)


def failure_reason(error: Exception) -> str:
    """What a user reads when the NLP stage failed on a document: known conditions say what to do;
    only the unexpected asks for a report, with the exception's type."""
    if isinstance(error, MemoryError):
        return (
            "Zu wenig Arbeitsspeicher für dieses Dokument – mit kleineren Teilen erneut versuchen "
            "(--part-chars 20000) oder auf einem Rechner mit mehr Speicher verarbeiten"
        )
    return (
        f"Verarbeitung fehlgeschlagen ({type(error).__name__}: {error}) – unerwarteter Fehler, bitte melden"
    )


def write_outputs(out: Path, tables: dict[str, pd.DataFrame], info: dict) -> None:
    """Write every table (CSV, Excel, Parquet), the report and run.json (each file atomically).

    The Excel workbook, the slowest of them (pure-Python XML), is written by a second process
    meanwhile."""
    from pipeline.engines import process_pool
    from pipeline.export import write_table
    from pipeline.export.parquet import write_parquet
    from pipeline.export.workbook import write_workbook
    from pipeline.report import write_report

    with process_pool(1) as helper:
        workbook = helper.submit(write_workbook, tables, out)
        for name, frame in tables.items():
            write_table(frame, name, out)
        write_parquet(tables, out)
        write_report(tables, out, info)
        workbook.result()
    atomic_write_text(out / "run.json", _json(info))


def _json(info: dict) -> str:
    return json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
