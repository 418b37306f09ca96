"""Execution engines: map :class:`~pipeline.processing.DocumentProcessor` over batches of documents.

All engines yield results batch by batch in input order and keep only a bounded number of batches
in flight, so memory stays flat however large the corpus is. Each worker (process or Dask worker)
builds its processor once and reuses the loaded models for every batch it receives.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import TYPE_CHECKING

from pipeline.document import Document
from pipeline.processing import PARTS_PER_BATCH, DocResult, DocumentProcessor, ProcessorConfig

if TYPE_CHECKING:
    from pipeline.extract.records import DocExtraction

BatchResults = list[DocResult | Exception]
CHILD_BACKLOG = 4  # batches queued for the parsing child before this process works on its own
MAX_PENDING = 12  # batches held back for input order at most
Done = tuple[list[Document], BatchResults]
_WORKER_PROCESSORS: dict[ProcessorConfig, DocumentProcessor] = {}


@contextlib.contextmanager
def main_module_hidden() -> Iterator[None]:
    """While open, processes started by :mod:`multiprocessing` (spawn) do not import the caller's
    main module again. They run only projektradar's code, and re-importing a script that calls
    :func:`pipeline.run` without an ``if __name__ == "__main__":`` guard (or one read from standard
    input) would run it again in every child and fail there."""
    main = sys.modules["__main__"]
    saved = {name: main.__dict__[name] for name in ("__file__", "__spec__") if name in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


@contextlib.contextmanager
def process_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Spawned worker processes (fork is unsafe beside the theme thread), see :func:`main_module_hidden`."""
    with (
        main_module_hidden(),
        ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool,
    ):
        yield pool


def worker_processor(config: ProcessorConfig) -> DocumentProcessor:
    """The processor of this worker process for ``config`` (models load on first use)."""
    if config not in _WORKER_PROCESSORS:
        _WORKER_PROCESSORS[config] = DocumentProcessor(config)
    return _WORKER_PROCESSORS[config]


def process_batch(config: ProcessorConfig, documents: Sequence[Document]) -> BatchResults:
    """Top-level (picklable) task run in workers."""
    return worker_processor(config).process(documents)


def extract_batch(config: ProcessorConfig, documents: Sequence[Document]) -> list[DocExtraction | Exception]:
    """Top-level (picklable) task of the parsing process of a one-worker run."""
    return worker_processor(config).extract(documents)


def parsed_bytes(config: ProcessorConfig, texts: Sequence[str], batch_size: int) -> bytes:
    """Top-level (picklable) task of a helper process: parts of a long document, parsed."""
    return worker_processor(config).parsed_bytes(texts, batch_size)


def classified(config: ProcessorConfig, documents: Sequence[Document]) -> list:
    """Top-level (picklable) task of a helper process: the documents' theme rows."""
    return worker_processor(config).classify(documents)


class HelperProcess:
    """The :class:`~pipeline.processing.Helper` of a batch processed alone: one spawned process that
    runs its tasks in the order they were submitted."""

    def __init__(self, pool: ProcessPoolExecutor, config: ProcessorConfig, batch: Sequence[Document]):
        self.pool, self.config, self.batch = pool, config, batch
        self._themes: Future | None = None

    def parse(self, texts: Sequence[str], batch_size: int) -> Future:
        parsed = self.pool.submit(parsed_bytes, self.config, texts, batch_size)
        self.themes()  # queued right behind: no idle time between the two
        return parsed

    def themes(self) -> Future:
        if self._themes is None:
            self._themes = self.pool.submit(classified, self.config, self.batch)
        return self._themes


def _bounded(submit, batches: Iterable[list[Document]], in_flight: int) -> Iterator[Done]:
    """Submit batches, keep at most ``in_flight`` pending, yield (batch, results) in order."""
    pending: deque[tuple[list[Document], Future]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= in_flight:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


class LocalEngine:
    """One worker: spaCy parses and the extraction components run in a child process while this
    process classifies themes (two stages, two cores). The child always has :data:`CHILD_BACKLOG`
    batches queued; when none of its results is ready, this process takes a batch through every
    stage itself instead of waiting (at the end of the input, one the child has not started yet).
    A single batch is processed here without starting a child, except that a helper process parses
    half of the parts of a long report and classifies its themes (one core would idle otherwise).
    Several workers: a pool of processes that each run every stage."""

    def __init__(self, config: ProcessorConfig, workers: int = 1):
        self.config = config
        self.workers = max(1, workers)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[Done]:
        if self.workers > 1:
            with process_pool(self.workers) as pool:
                yield from _bounded(
                    lambda b: pool.submit(process_batch, self.config, b), batches, 2 * self.workers
                )
            return
        processor = worker_processor(self.config)
        batches = iter(batches)
        first = next(batches, None)
        second = next(batches, None) if first is not None else None
        if second is None:
            if first is not None:
                yield first, self._process_alone(processor, first)
            return
        with process_pool(1) as parser:
            yield from _TwoStages(self.config, processor, parser, chain([first, second], batches)).run()

    def _process_alone(self, processor: DocumentProcessor, batch: list[Document]) -> BatchResults:
        """The only batch of the run: here, with a helper process when it holds a long document."""
        part_chars = self.config.settings.part_chars
        if sum(d.n_chars for d in batch) < 2 * PARTS_PER_BATCH * part_chars:
            return processor.process(batch)
        with process_pool(1) as pool:
            return processor.process(batch, HelperProcess(pool, self.config, batch))


class _TwoStages:
    """The schedule of a one-worker run: results in input order; a batch is either extracted by the
    child and finished here, or processed here entirely (both paths give the same results)."""

    def __init__(
        self,
        config: ProcessorConfig,
        processor: DocumentProcessor,
        parser: ProcessPoolExecutor,
        batches: Iterator[list[Document]],
    ):
        self.config, self.processor, self.parser, self.batches = config, processor, parser, batches
        self.pending: deque[tuple[list[Document], Future | BatchResults]] = deque()
        self.exhausted = False

    def _next_batch(self) -> list[Document] | None:
        batch = None if self.exhausted else next(self.batches, None)
        self.exhausted = batch is None
        return batch

    def _queued_in_child(self) -> int:
        return sum(isinstance(item, Future) and not item.done() for _, item in self.pending)

    def _top_up(self) -> None:
        """Keep the child busy: submit batches until it has :data:`CHILD_BACKLOG` to parse."""
        while self._queued_in_child() < CHILD_BACKLOG and len(self.pending) < MAX_PENDING:
            batch = self._next_batch()
            if batch is None:
                return
            self.pending.append((batch, self.parser.submit(extract_batch, self.config, batch)))

    def _work_here(self) -> bool:
        """While the child's oldest batch is not ready: process a new batch here, or at the end of the
        input take back the last batch the child has not started. False when there is neither."""
        if len(self.pending) < MAX_PENDING and (batch := self._next_batch()) is not None:
            self.pending.append((batch, self.processor.process(batch)))
            return True
        for index in range(len(self.pending) - 1, -1, -1):
            batch, item = self.pending[index]
            if isinstance(item, Future) and item.cancel():
                self.pending[index] = (batch, self.processor.process(batch))
                return True
        return False

    def run(self) -> Iterator[Done]:
        while True:
            self._top_up()
            if not self.pending:
                return
            batch, item = self.pending[0]
            if isinstance(item, Future) and not item.done() and self._work_here():
                continue
            self.pending.popleft()
            if isinstance(item, Future):
                item = self.processor.finish(batch, item.result())
            yield batch, item


class DaskEngine:
    """A ``dask.distributed`` cluster: a LocalCluster here, or an existing one via ``scheduler``."""

    def __init__(self, config: ProcessorConfig, workers: int = 2, scheduler: str | None = None):
        self.config = config
        self.workers = max(1, workers)
        self.scheduler = scheduler

    def map(self, batches: Iterable[list[Document]]) -> Iterator[Done]:
        from dask.distributed import Client, LocalCluster

        if self.scheduler:
            client, cluster = Client(self.scheduler), None
        else:
            with main_module_hidden():
                cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            client = Client(cluster)
        try:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
            yield from _bounded(
                lambda b: client.submit(process_batch, self.config, b, pure=False), batches, 2 * n_workers
            )
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


Engine = LocalEngine | DaskEngine


def make_engine(name: str, config: ProcessorConfig, workers: int, scheduler: str | None) -> Engine:
    if name == "local":
        return LocalEngine(config, workers)
    if name == "dask":
        return DaskEngine(config, workers, scheduler)
    raise ValueError(f"unknown engine {name!r}: use 'local' or 'dask'")
