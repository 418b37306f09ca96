"""The per-document work of the NLP, extraction and theme stages.

:class:`DocumentProcessor` is what every engine maps over documents: the local engine in this
process or in worker processes, the Dask engine on cluster workers. Each worker builds one processor
(the spaCy model and theme model load once) and turns batches of :class:`Document` into
:class:`DocResult` — plain data that is cached per document, so reruns skip unchanged documents and a
crashed run resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import orjson

from pipeline.document import Document
from pipeline.settings import Settings

# Parts of long documents parsed at once: with parts of ``Settings.part_chars`` (50,000) characters,
# spaCy holds at most about half a million characters of a long report in memory.
PARTS_PER_BATCH = 10
# Parts of a long report alone in a run that a helper process parses: it then classifies the themes
# (about as long as parsing 5 parts of 50,000 characters), while this process parses the rest and runs
# the extraction (about as long as parsing 12 parts); with half, both finish at about the same time.
HELPER_SHARE = 1 / 2


class Helper(Protocol):
    """A second process that shares the work of one batch (see :meth:`DocumentProcessor.process`)."""

    def parse(self, texts: Sequence[str], batch_size: int) -> Future:
        """The future DocBin bytes of the texts' Docs (:meth:`DocumentProcessor.parsed_bytes`)."""

    def themes(self) -> Future:
        """The future theme rows of the batch (:meth:`DocumentProcessor.classify`), classified as soon
        as the helper's parsing is done."""


if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pipeline.extract.records import DocExtraction


@dataclass
class DocResult:
    """Everything the later stages found in one document (JSON-serialisable)."""

    doc_id: str
    extraction: DocExtraction
    paragraph_themes: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)

    def to_json(self) -> str:
        return orjson.dumps(self, option=orjson.OPT_SORT_KEYS).decode("utf-8")

    @classmethod
    def from_json(cls, text: str) -> DocResult:
        from pipeline.extract.records import extraction_from_dict  # imports spaCy (the package's __init__)

        data = orjson.loads(text)
        return cls(
            doc_id=data["doc_id"],
            extraction=extraction_from_dict(data["extraction"]),
            paragraph_themes=data["paragraph_themes"],
            themes=data["themes"],
        )


@dataclass(frozen=True)
class ProcessorConfig:
    """What a worker needs to build a :class:`DocumentProcessor` (picklable, sent to workers)."""

    settings: Settings
    model: str | None = None
    codebook: Path | None = None
    batch_size: int = 32


class DocumentProcessor:
    """Runs spaCy, the extraction components and the theme model over documents: in one step
    (:meth:`process`), or as :meth:`extract` and :meth:`finish`, which can run in two processes
    (what travels between them is the plain :class:`DocExtraction`, not the parsed ``Doc``)."""

    def __init__(self, config: ProcessorConfig):
        self.config = config

    @cached_property
    def nlp(self):
        from pipeline.extract import add_extractors
        from pipeline.nlp import load_nlp

        nlp, _info = load_nlp(self.config.model, self.config.settings)
        return add_extractors(nlp)

    @cached_property
    def theme_model(self):
        from pipeline.themes import load_theme_model

        return load_theme_model(self.config.settings, self.config.codebook)

    @cached_property
    def _theme_thread(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(1, thread_name_prefix="projektradar-themes")

    def process(
        self, documents: Sequence[Document], helper: Helper | None = None
    ) -> list[DocResult | Exception]:
        """Results in input order; a document that breaks a stage yields its exception.

        Themes are classified in a second thread while spaCy parses: the network's matrix operations
        release the GIL, so part of the theme model's time is hidden. Both only read the documents,
        so the results do not depend on timing.

        A ``helper`` process (a long report alone in a run) parses a share of the parts (:meth:`parse`),
        then classifies the themes while this process runs the extraction: both cores stay busy, and
        the theme model's Python work does not compete for this process's lock."""
        if helper is None:
            themes = self._theme_thread.submit(self.classify, documents)
            extractions = self.extract(documents)
        else:
            docs = self.parse(documents, helper)
            themes = helper.themes()
            extractions = self.extract(documents, parsed=docs)
        return self.pair_results(documents, extractions, themes.result())

    def parse(self, documents: Sequence[Document], helper: Helper | None = None) -> list[Doc | Exception]:
        """The German model's annotations of each document (the extraction components not yet run).

        When the batch has at least ``2 × PARTS_PER_BATCH`` parts and a ``helper`` is given, its
        process parses the last :data:`HELPER_SHARE` of them while this one parses the others: a long
        report alone in a run would otherwise keep one core idle. A part is parsed the same in either
        process, so the Docs do not depend on where (they travel as a :class:`~spacy.tokens.DocBin`)."""
        from pipeline.nlp.parts import join_parts, pieces

        part_chars = self.config.settings.part_chars

        def parse_batch(batch: Sequence[Document]) -> list[Doc]:
            """Long texts go through spaCy in parts (:mod:`pipeline.nlp.parts`); the parts of all
            documents share the batches, and each document's parts are joined again."""
            split = [list(pieces(d.text, part_chars)) for d in batch]
            texts = [piece for document in split for piece, is_part in document if is_part]
            batch_size = self.config.batch_size if len(texts) == len(batch) else PARTS_PER_BATCH
            docs = iter(self.parse_texts(texts, batch_size, helper))
            return [
                join_parts(
                    self.nlp,
                    [next(docs) for _, is_part in document if is_part],
                    [piece for piece, is_part in document if not is_part],
                )
                for document in split
            ]

        return _per_document(parse_batch, documents)

    def parse_texts(
        self, texts: Sequence[str], batch_size: int, helper: Helper | None = None
    ) -> Iterator[Doc]:
        """The model's Docs of ``texts`` in order; the last ones from ``helper`` when it is worth it."""
        from pipeline.extract import EXTRACTORS

        shared = helper is not None and len(texts) >= 2 * PARTS_PER_BATCH
        here = len(texts) - int(len(texts) * HELPER_SHARE) if shared else len(texts)
        later = helper.parse(texts[here:], batch_size) if shared else None
        yield from self.nlp.pipe(texts[:here], batch_size=batch_size, disable=list(EXTRACTORS))
        if later is not None:
            from spacy.tokens import DocBin

            yield from DocBin().from_bytes(later.result()).get_docs(self.nlp.vocab)

    def parsed_bytes(self, texts: Sequence[str], batch_size: int) -> bytes:
        """The Docs of ``texts`` as DocBin bytes, for the process that asked (see :meth:`parse`)."""
        from spacy.tokens import DocBin

        return DocBin(docs=self.parse_texts(texts, batch_size)).to_bytes()

    def extract(
        self, documents: Sequence[Document], parsed: Sequence[Doc | Exception] | None = None
    ) -> list[DocExtraction | Exception]:
        """People, roles, organisations and quotes of each document, as plain data (from the
        documents' ``parsed`` Docs when :meth:`parse` already ran)."""
        extractions: list[DocExtraction | Exception] = []
        docs = self.parse(documents) if parsed is None else parsed
        for document, doc in zip(documents, docs, strict=True):
            try:
                extractions.append(doc if isinstance(doc, Exception) else self._extract_one(document, doc))
            except Exception as error:  # reported per document, the run goes on
                extractions.append(error)
        return extractions

    def classify(self, documents: Sequence[Document]) -> list[tuple[list[dict], list[dict]] | Exception]:
        """Paragraph and document theme rows per document (one classifier call per batch)."""
        return _per_document(self.theme_model.classify_many, documents)

    def finish(
        self, documents: Sequence[Document], extractions: Sequence[DocExtraction | Exception]
    ) -> list[DocResult | Exception]:
        """The results of documents whose extraction ran elsewhere: their themes, then the pairing."""
        return self.pair_results(documents, extractions, self.classify(documents))

    @staticmethod
    def pair_results(
        documents: Sequence[Document],
        extractions: Sequence[DocExtraction | Exception],
        themes: Sequence[tuple[list[dict], list[dict]] | Exception],
    ) -> list[DocResult | Exception]:
        """One result per document from its extraction and its theme rows; a failure of either stage
        stands in the document's place."""
        results: list[DocResult | Exception] = []
        for document, extraction, theme_rows in zip(documents, extractions, themes, strict=True):
            if isinstance(extraction, Exception) or isinstance(theme_rows, Exception):
                results.append(extraction if isinstance(extraction, Exception) else theme_rows)
                continue
            paragraph_rows, document_rows = theme_rows
            results.append(DocResult(document.doc_id, extraction, paragraph_rows, document_rows))
        return results

    def _extract_one(self, document: Document, doc: Doc) -> DocExtraction:
        from pipeline.extract import EXTRACTORS, extract

        for name in EXTRACTORS:
            doc = self.nlp.get_pipe(name)(doc)
        return extract(doc, document.doc_id)


def _per_document(step: Callable[[Sequence[Document]], Iterable], documents: Sequence[Document]) -> list:
    """``step`` over the batch; if it fails, over each document alone, so that one document that
    breaks a component fails alone (with its exception in its place)."""
    try:
        return list(step(documents))
    except Exception as error:
        if len(documents) == 1:
            return [error]
    return [result for document in documents for result in _per_document(step, [document])]
