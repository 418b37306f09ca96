"""Execution engines: map :class:`~pipeline.processing.DocumentProcessor` over batches of documents.

All engines yield results batch by batch in input order and keep only a bounded number of batches
in flight, so memory stays flat however large the corpus is. Each worker (process or Dask worker)
builds its processor once and reuses the loaded models for every batch it receives.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain

from pipeline.document import Document
from pipeline.processing import DocResult, DocumentProcessor, ProcessorConfig

BatchResults = list[DocResult | Exception]
CHILD_BACKLOG = 4  # batches queued for the parsing child before this process works on its own
MAX_PENDING = 12  # batches held back for input order at most
Done = tuple[list[Document], BatchResults]
_WORKER_PROCESSORS: dict[ProcessorConfig, DocumentProcessor] = {}


def worker_processor(config: ProcessorConfig) -> DocumentProcessor:
    """The processor of this worker process for ``config`` (models load on first use)."""
    if config not in _WORKER_PROCESSORS:
        _WORKER_PROCESSORS[config] = DocumentProcessor(config)
    return _WORKER_PROCESSORS[config]


def process_batch(config: ProcessorConfig, documents: Sequence[Document]) -> BatchResults:
    """Top-level (picklable) task run in workers."""
    return worker_processor(config).process(documents)


def parse_batch(config: ProcessorConfig, documents: Sequence[Document]) -> list[bytes | Exception]:
    """Top-level (picklable) task of the parsing process of a one-worker run."""
    return worker_processor(config).parse(documents)


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
    """One worker: spaCy parses in a child process while this process extracts and classifies themes
    (two stages, two cores); whenever the child already has :data:`CHILD_BACKLOG` batches to parse,
    this process takes the next batch through every stage itself instead of waiting. A single batch
    is processed here without starting a child. Several workers: a pool of processes that each run
    every stage."""

    def __init__(self, config: ProcessorConfig, workers: int = 1):
        self.config = config
        self.workers = max(1, workers)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[Done]:
        context = multiprocessing.get_context("spawn")
        if self.workers > 1:
            with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
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
                yield first, processor.process(first)
            return
        with ProcessPoolExecutor(1, mp_context=context) as parser:
            yield from self._two_stages(processor, parser, chain([first, second], batches))

    def _two_stages(
        self, processor: DocumentProcessor, parser: ProcessPoolExecutor, batches: Iterable[list[Document]]
    ) -> Iterator[Done]:
        """Results in input order; a batch is either parsed by the child and analysed here, or
        processed here entirely (both paths give the same results)."""
        pending: deque[tuple[list[Document], Future | BatchResults]] = deque()

        def finished(wait: bool) -> Iterator[Done]:
            while pending:
                batch, item = pending[0]
                if isinstance(item, Future):
                    if not (wait or item.done()):
                        return
                    item = processor.analyse(batch, item.result())
                pending.popleft()
                wait = False
                yield batch, item

        for batch in batches:
            backlog = sum(isinstance(item, Future) and not item.done() for _, item in pending)
            if backlog < CHILD_BACKLOG:
                pending.append((batch, parser.submit(parse_batch, self.config, batch)))
            else:
                pending.append((batch, processor.process(batch)))
            yield from finished(wait=len(pending) > MAX_PENDING)
        while pending:
            yield from finished(wait=True)


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


def make_engine(name: str, config: ProcessorConfig, workers: int, scheduler: str | None):
    if name == "local":
        return LocalEngine(config, workers)
    if name == "dask":
        return DaskEngine(config, workers, scheduler)
    raise ValueError(f"unknown engine {name!r}: use 'local' or 'dask'")
