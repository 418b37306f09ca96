"""The corpus-wide tables from the per-document results, each row built for its schema table.

One pass reads the cached results (lazily, one by one); the registries then give every person and
organisation its corpus-wide row (:mod:`pipeline.tables.registry`), and each table's rows are built
by a function of its own. Documents are taken in the order of their source paths, so the tables do
not depend on the order in which documents were processed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.document import Document
from pipeline.extract.records import DocExtraction, Mention, Organisation, Programme
from pipeline.tables.frames import frame_for
from pipeline.tables.registry import (
    Registry,
    joined,
    merge_named,
    merge_people,
    org_row,
    person_row,
    programme_row,
    with_metadata,
)

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.processing import DocResult


@dataclass
class Corpus:
    """The documents' extractions (with their metadata organisations) and the corpus-wide person,
    organisation and programme row of every document-local record."""

    extractions: list[tuple[Document, DocExtraction]]
    person_rows: dict[int, dict]  # id(registry) → row of people.csv (without the per-person totals)
    org_rows: dict[int, dict]  # id(registry) → row of organisations.csv
    programme_rows: dict[int, dict]  # id(registry) → row of programmes.csv
    _person_of: dict[tuple[str, int], Registry]
    _org_of: dict[tuple[str, int], Registry]
    _programme_of: dict[tuple[str, int], Registry]

    @classmethod
    def of(cls, pairs: Iterable[tuple[Document, DocExtraction]]) -> Corpus:
        extractions = sorted(
            ((d, with_metadata(d, e)) for d, e in pairs), key=lambda pair: pair[0].source_path
        )
        person_of = merge_people(extractions)
        org_of = merge_named(extractions, lambda e: e.organisations)
        programme_of = merge_named(extractions, lambda e: e.programmes)
        corpus = cls(
            extractions,
            {id(r): person_row(r) for r in _distinct(person_of)},
            {id(r): org_row(r) for r in _distinct(org_of)},
            {},
            person_of,
            org_of,
            programme_of,
        )
        corpus.programme_rows = {id(r): programme_row(r, corpus.org_names) for r in _distinct(programme_of)}
        return corpus

    def person(self, doc_id: str, local_id: int | None) -> dict:
        """The corpus-wide row of a document's person (empty for none)."""
        return self.person_rows[id(self._person_of[(doc_id, local_id)])] if local_id is not None else {}

    def org(self, doc_id: str, local_id: int | None) -> dict:
        """The corpus-wide row of a document's organisation (empty for none)."""
        return self.org_rows[id(self._org_of[(doc_id, local_id)])] if local_id is not None else {}

    def org_names(self, doc_id: str, local_ids: list[int]) -> list[str]:
        return [self.org(doc_id, i)["name"] for i in local_ids]

    def programme(self, doc_id: str, local_id: int | None) -> dict:
        """The corpus-wide row of a document's programme (empty for none)."""
        return self.programme_rows[id(self._programme_of[(doc_id, local_id)])] if local_id is not None else {}


def _distinct(assigned: dict[tuple[str, int], Registry]) -> list[Registry]:
    return list({id(r): r for r in assigned.values()}.values())


def tables_from_results(
    documents: Sequence[Document], results: Iterable[DocResult | None]
) -> dict[str, pd.DataFrame]:
    """Every table except ``documents`` from the cached results of ``documents`` (same order;
    ``results`` is consumed once, lazily; ``None`` marks a result the cache could not read)."""
    paragraph_rows: list[dict] = []
    theme_rows: list[dict] = []

    def extractions() -> Iterator[tuple[Document, DocExtraction]]:
        for document, result in zip(documents, results, strict=True):
            if result is None:
                raise RuntimeError(
                    f"The cached result of {document.source_path} is unreadable (cache damaged?) – "
                    "run again with --force"
                )
            paragraph_rows.extend(result.paragraph_themes)
            theme_rows.extend(result.themes)
            yield document, result.extraction

    tables = tables_from_extractions(extractions())
    tables["paragraph_themes"] = frame_for("paragraph_themes", paragraph_rows)
    tables["themes"] = frame_for("themes", theme_rows)
    return tables


def tables_from_extractions(pairs: Iterable[tuple[Document, DocExtraction]]) -> dict[str, pd.DataFrame]:
    """``people``, ``person_mentions``, ``roles``, ``organisations``, ``org_mentions``, ``programmes``,
    ``programme_mentions`` and ``quotes`` from each document's extraction."""
    corpus = Corpus.of(pairs)
    roles = role_rows(corpus)
    quotes = quote_rows(corpus)
    return {
        "people": frame_for("people", people_rows(corpus, roles, quotes)),
        "person_mentions": frame_for("person_mentions", person_mention_rows(corpus)),
        "roles": frame_for("roles", roles),
        "organisations": frame_for("organisations", corpus.org_rows.values()),
        "org_mentions": frame_for("org_mentions", org_mention_rows(corpus)),
        "programmes": frame_for("programmes", corpus.programme_rows.values()),
        "programme_mentions": frame_for("programme_mentions", programme_mention_rows(corpus)),
        "quotes": frame_for("quotes", quotes),
    }


def _document_columns(document: Document) -> dict:
    return {"doc_id": document.doc_id, "source_path": document.source_path}


def _mention_columns(m: Mention) -> dict:
    return {
        "text": m.text,
        "start_char": m.start,
        "end_char": m.end,
        "sentence_index": m.sentence_index,
        "sentence": m.sentence,
    }


def _mention_rows(named: dict, record: Organisation | Programme) -> list[dict]:
    """A row with the columns ``named`` per mention of ``record``; one without offsets when only the
    document's metadata names it."""
    return [{**named, **_mention_columns(m)} for m in record.mentions] or [{**named, "text": record.name}]


def person_mention_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for document, extraction in corpus.extractions:
        for p in extraction.persons:
            person = corpus.person(document.doc_id, p.local_id)
            named = {**_document_columns(document), "person_id": person["person_id"], "name": person["name"]}
            rows += _mention_rows(named, p)
    return rows


def role_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for document, extraction in corpus.extractions:
        for r in extraction.roles:
            person, org, programme = (
                corpus.person(document.doc_id, r.person_local_id),
                corpus.org(document.doc_id, r.org_local_id),
                corpus.programme(document.doc_id, r.programme_local_id),
            )
            rows.append(
                {
                    **_document_columns(document),
                    "person_id": person["person_id"],
                    "name": person["name"],
                    "role": r.text,
                    "role_short": r.short,
                    "role_normalized": r.role_normalized,
                    "qualifier": r.qualifier,
                    "role_category": r.role_category,
                    "org_id": org.get("org_id"),
                    "organisation": org.get("name", ""),
                    "programme_id": programme.get("programme_id"),
                    "programme": programme.get("name", ""),
                    "construction": r.construction,
                    "start_char": r.start,
                    "end_char": r.end,
                    "sentence_index": r.sentence_index,
                    "sentence": r.sentence,
                }
            )
    return rows


def org_mention_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for document, extraction in corpus.extractions:
        for o in extraction.organisations:
            org = corpus.org(document.doc_id, o.local_id)
            named = {
                **_document_columns(document),
                "org_id": org["org_id"],
                "name": org["name"],
                "function": o.function,
            }
            rows += _mention_rows(named, o)
    return rows


def programme_mention_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for document, extraction in corpus.extractions:
        doc_id = document.doc_id
        for p in extraction.programmes:
            programme = corpus.programme(doc_id, p.local_id)
            named = {
                **_document_columns(document),
                "programme_id": programme["programme_id"],
                "name": programme["name"],
                "kind": programme["kind"],
                "funders": joined(corpus.org_names(doc_id, p.funder_ids)),
                "operators": joined(corpus.org_names(doc_id, p.operator_ids)),
            }
            rows += _mention_rows(named, p)
    return rows


def quote_rows(corpus: Corpus) -> list[dict]:
    """Quotes numbered in text order per document, with the speaker's roles in that document."""
    rows = []
    for document, extraction in corpus.extractions:
        doc_id = document.doc_id
        roles_of: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for r in extraction.roles:
            roles_of[r.person_local_id].append((r.short, corpus.org(doc_id, r.org_local_id).get("name", "")))
        for n, q in enumerate(sorted(extraction.quotes, key=lambda q: (q.start, q.end)), start=1):
            person, org = corpus.person(doc_id, q.person_local_id), corpus.org(doc_id, q.org_local_id)
            own_roles = roles_of.get(q.person_local_id, []) if q.person_local_id is not None else []
            rows.append(
                {
                    **_document_columns(document),
                    "quote_id": f"{doc_id}-{n:03d}",
                    "kind": q.kind,
                    "text": q.text,
                    "start_char": q.start,
                    "end_char": q.end,
                    "speaker": q.speaker,
                    "speaker_start": q.speaker_start,
                    "speaker_end": q.speaker_end,
                    "speaker_type": q.speaker_type,
                    "person_id": person.get("person_id"),
                    "org_id": org.get("org_id"),
                    "speaker_role": joined(role for role, _ in own_roles),
                    "speaker_org": joined(o for _, o in own_roles) or org.get("name", ""),
                    "cue": q.cue,
                    "cue_start": q.cue_start,
                    "cue_end": q.cue_end,
                    "sentence_index": q.sentence_index,
                    "addressee": q.addressee,
                    "addressee_start": q.addressee_start,
                    "addressee_end": q.addressee_end,
                    "form": q.form,
                    "speaker_confidence": q.speaker_confidence,
                }
            )
    return rows


def people_rows(corpus: Corpus, roles: list[dict], quotes: list[dict]) -> list[dict]:
    """The corpus-wide person rows with their roles, organisations and number of quotes."""
    person_roles: dict[str, list[str]] = defaultdict(list)
    person_orgs: dict[str, list[str]] = defaultdict(list)
    for role in roles:
        person_roles[role["person_id"]].append(role["role_short"])
        person_orgs[role["person_id"]].append(role["organisation"])
    quote_counts = Counter(q["person_id"] for q in quotes if q["person_id"] is not None)
    return [
        {
            **row,
            "roles": joined(person_roles[row["person_id"]]),
            "organisations": joined(person_orgs[row["person_id"]]),
            "n_quotes": quote_counts[row["person_id"]],
        }
        for row in corpus.person_rows.values()
    ]
