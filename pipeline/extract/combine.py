"""Corpus-wide tables from per-document extractions: one ``person_id`` per person, one ``org_id`` per org.

Persons merge by first name and surname (titles and middle initials never split a person); a person
known only by surname joins the one person of the corpus with that surname and a compatible gender.
Organisations merge when any of their names or abbreviations agree („BMFSFJ“ ↔ its long form). Ids are
hashes of the canonical name, so they do not depend on the order of the documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pandas as pd

from pipeline.document import Document, content_id
from pipeline.export import frame_for
from pipeline.extract.organisations import is_acronym, metadata_organisations, org_key
from pipeline.extract.records import DocExtraction, Organisation, Person

_SEP = "; "


def _joined(values: Iterable[str]) -> str:
    return _SEP.join(sorted({v for v in values if v}))


def _preferred(counter: Counter) -> str:
    """Most frequent value; ties go to the longest, then alphabetically first."""
    return min(counter, key=lambda v: (-counter[v], -len(v), v)) if counter else ""


@dataclass
class _Registry:
    """Records of one corpus-wide entity while documents are read."""

    names: Counter = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    variants: set[str] = field(default_factory=set)
    mentions: int = 0
    members: list = field(default_factory=list)  # (doc_id, record)

    def add(self, document: Document, record: Person | Organisation) -> None:
        self.names[record.name] += 1
        self.docs.add(document.doc_id)
        if document.date:
            self.dates.append(document.date)
        self.variants.update(m.text for m in record.mentions)
        self.mentions += len(record.mentions)
        self.members.append((document.doc_id, record))

    def counts(self) -> dict:
        return {
            "n_mentions": self.mentions,
            "n_documents": len(self.docs),
            "first_date": min(self.dates, default=""),
            "last_date": max(self.dates, default=""),
            "variants": _joined(self.variants),
        }


def _with_metadata(document: Document, extraction: DocExtraction) -> DocExtraction:
    """The extraction plus the organisations of the document's metadata (Projektträger, funders).

    One the text names too gets the metadata's function; the others are added without mentions.
    """
    organisations = list(extraction.organisations)
    for meta in metadata_organisations(document.projekttraeger, document.funder):
        keys = {org_key(n) for n in (meta.name, meta.abbreviation) if n}
        same = next(
            (o for o in organisations if keys & {org_key(n) for n in (o.name, o.abbreviation) if n}), None
        )
        if same is None:
            organisations.append(replace(meta, local_id=len(organisations)))
        elif not same.function:
            organisations[organisations.index(same)] = replace(same, function=meta.function)
    return replace(extraction, organisations=organisations)


def _person_key(person: Person) -> str:
    return f"{person.first_name} {person.surname}".casefold()


def _merge_people(extractions: list[tuple[Document, DocExtraction]]) -> dict[tuple[str, int], _Registry]:
    """(doc_id, local_id) → registry of the corpus-wide person."""
    full: dict[str, _Registry] = {}
    for document, extraction in extractions:
        for p in extraction.persons:
            if p.first_name:
                full.setdefault(_person_key(p), _Registry()).add(document, p)
    by_surname: dict[str, list[_Registry]] = defaultdict(list)
    for registry in full.values():
        by_surname[registry.members[0][1].surname.casefold()].append(registry)
    surname_only: dict[tuple[str, str], _Registry] = {}
    assigned: dict[tuple[str, int], _Registry] = {}
    for document, extraction in extractions:
        for p in extraction.persons:
            if p.first_name:
                assigned[(document.doc_id, p.local_id)] = full[_person_key(p)]
                continue
            compatible = [r for r in by_surname[p.surname.casefold()] if _gender_fits(r, p.gender)]
            registry = (
                compatible[0]
                if len(compatible) == 1
                else surname_only.setdefault((p.surname.casefold(), p.gender), _Registry())
            )
            registry.add(document, p)
            assigned[(document.doc_id, p.local_id)] = registry
    return assigned


def _gender_fits(registry: _Registry, gender: str) -> bool:
    genders = {p.gender for _, p in registry.members} - {"unknown"}
    return gender == "unknown" or not genders or genders == {gender}


def _merge_organisations(
    extractions: list[tuple[Document, DocExtraction]],
) -> dict[tuple[str, int], _Registry]:
    """(doc_id, local_id) → registry; organisations sharing a name or abbreviation key are one."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    def keys(org: Organisation) -> list[str]:
        return [org_key(n) for n in (org.name, org.abbreviation) if n]

    for _, extraction in extractions:
        for org in extraction.organisations:
            first, *rest = keys(org)
            for key in rest:
                parent[find(key)] = find(first)
    registries: dict[str, _Registry] = {}
    assigned = {}
    for document, extraction in extractions:
        for org in extraction.organisations:
            registry = registries.setdefault(find(keys(org)[0]), _Registry())
            registry.add(document, org)
            assigned[(document.doc_id, org.local_id)] = registry
    return assigned


def _person_row(registry: _Registry) -> dict:
    persons = [p for _, p in registry.members]
    full = Counter(p.name for p in persons if p.first_name)
    name = _preferred(full) or _preferred(registry.names)
    canonical = next(p for p in persons if p.name == name)
    genders = {p.gender for p in persons} - {"unknown"}
    gender = genders.pop() if len(genders) == 1 else "unknown"
    evidence = (
        _joined(e for p in persons if p.gender == gender for e in p.gender_evidence.split(_SEP))
        if gender != "unknown"
        else ("conflicting: " + _joined(p.gender_evidence for p in persons) if genders else "")
    )
    key = _person_key(canonical) if canonical.first_name else f"{canonical.surname.casefold()}|{gender}"
    return {
        "person_id": "P" + content_id("person", key)[:10],
        "name": name,
        "first_name": canonical.first_name,
        "surname": canonical.surname,
        "title": max((p.title for p in persons), key=len),
        "gender": gender,
        "gender_evidence": evidence,
        **registry.counts(),
    }


def _org_row(registry: _Registry) -> dict:
    orgs = [o for _, o in registry.members]
    long_forms = Counter({n: c for n, c in registry.names.items() if not is_acronym(n)})
    name = _preferred(long_forms) or _preferred(registry.names)
    abbreviation = _preferred(Counter(o.abbreviation for o in orgs if o.abbreviation))
    return {
        "org_id": "O" + content_id("organisation", org_key(name))[:10],
        "name": name,
        "abbreviation": abbreviation if abbreviation != name else "",
        "legal_form": _preferred(Counter(o.legal_form for o in orgs if o.legal_form)),
        "org_type": _preferred(Counter(o.org_type for o in orgs if o.org_type)),
        "functions": _joined(o.function for o in orgs),
        **registry.counts(),
    }


def build_tables(pairs: Iterable[tuple[Document, DocExtraction]]) -> dict[str, pd.DataFrame]:
    """``people``, ``person_mentions``, ``roles``, ``organisations``, ``org_mentions`` and ``quotes``."""
    extractions = sorted(((d, _with_metadata(d, e)) for d, e in pairs), key=lambda pair: pair[0].source_path)
    person_of = _merge_people(extractions)
    org_of = _merge_organisations(extractions)
    person_rows = {id(r): _person_row(r) for r in {id(r): r for r in person_of.values()}.values()}
    org_rows = {id(r): _org_row(r) for r in {id(r): r for r in org_of.values()}.values()}

    def person(doc_id: str, local_id: int | None) -> dict:
        return person_rows[id(person_of[(doc_id, local_id)])] if local_id is not None else {}

    def org(doc_id: str, local_id: int | None) -> dict:
        return org_rows[id(org_of[(doc_id, local_id)])] if local_id is not None else {}

    mentions, roles, org_mentions, quotes = [], [], [], []
    person_roles: dict[str, list[str]] = defaultdict(list)
    person_orgs: dict[str, list[str]] = defaultdict(list)
    quote_counts: Counter = Counter()
    for document, extraction in extractions:
        doc_id, base = document.doc_id, {"doc_id": document.doc_id, "source_path": document.source_path}
        for p in extraction.persons:
            row = person(doc_id, p.local_id)
            for m in p.mentions:
                mentions.append({**base, "person_id": row["person_id"], "name": row["name"], **_mention(m)})
        roles_in_doc: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for r in extraction.roles:
            p_row, o_row = person(doc_id, r.person_local_id), org(doc_id, r.org_local_id)
            person_roles[p_row["person_id"]].append(r.short)
            person_orgs[p_row["person_id"]].append(o_row.get("name", ""))
            roles_in_doc[r.person_local_id].append((r.short, o_row.get("name", "")))
            roles.append(
                {
                    **base,
                    "person_id": p_row["person_id"],
                    "name": p_row["name"],
                    "role": r.text,
                    "role_short": r.short,
                    "role_normalized": r.role_normalized,
                    "qualifier": r.qualifier,
                    "role_category": r.role_category,
                    "org_id": o_row.get("org_id"),
                    "organisation": o_row.get("name", ""),
                    "construction": r.construction,
                    "start_char": r.start,
                    "end_char": r.end,
                    "sentence_index": r.sentence_index,
                    "sentence": r.sentence,
                }
            )
        for o in extraction.organisations:
            row = org(doc_id, o.local_id)
            named = {**base, "org_id": row["org_id"], "name": row["name"], "function": o.function}
            org_mentions.extend({**named, **_mention(m)} for m in o.mentions)
            if not o.mentions:  # named in the metadata only: no offsets
                org_mentions.append({**named, "text": o.name})
        for n, q in enumerate(sorted(extraction.quotes, key=lambda q: (q.start, q.end)), start=1):
            p_row, o_row = person(doc_id, q.person_local_id), org(doc_id, q.org_local_id)
            own_roles = roles_in_doc.get(q.person_local_id, []) if q.person_local_id is not None else []
            if p_row:
                quote_counts[p_row["person_id"]] += 1
            quotes.append(
                {
                    **base,
                    "quote_id": f"{doc_id}-{n:03d}",
                    "kind": q.kind,
                    "text": q.text,
                    "start_char": q.start,
                    "end_char": q.end,
                    "speaker": q.speaker,
                    "speaker_start": q.speaker_start,
                    "speaker_end": q.speaker_end,
                    "speaker_type": q.speaker_type,
                    "person_id": p_row.get("person_id"),
                    "org_id": o_row.get("org_id"),
                    "speaker_role": _joined(role for role, _ in own_roles),
                    "speaker_org": _joined(o for _, o in own_roles) or o_row.get("name", ""),
                    "cue": q.cue,
                    "cue_start": q.cue_start,
                    "cue_end": q.cue_end,
                    "sentence_index": q.sentence_index,
                }
            )
    people = [
        {
            **row,
            "roles": _joined(person_roles[row["person_id"]]),
            "organisations": _joined(person_orgs[row["person_id"]]),
            "n_quotes": quote_counts[row["person_id"]],
        }
        for row in person_rows.values()
    ]
    return {
        "people": frame_for("people", people),
        "person_mentions": frame_for("person_mentions", mentions),
        "roles": frame_for("roles", roles),
        "organisations": frame_for("organisations", org_rows.values()),
        "org_mentions": frame_for("org_mentions", org_mentions),
        "quotes": frame_for("quotes", quotes),
    }


def _mention(m) -> dict:
    return {
        "text": m.text,
        "start_char": m.start,
        "end_char": m.end,
        "sentence_index": m.sentence_index,
        "sentence": m.sentence,
    }
