"""One corpus-wide record per person, organisation and programme: ``person_id``, ``org_id`` and
``programme_id``.

Persons merge by first name and surname (titles and middle initials never split a person); a person
known only by surname joins the one person of the corpus with that surname and a compatible gender.
Organisations (and programmes) merge when any of their names or abbreviations agree („BMFSFJ“ ↔ its long
form). Ids are hashes of the canonical name, so they do not depend on the order of the documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from pipeline.document import Document, content_id
from pipeline.extract.lexicons import default_lexicons
from pipeline.extract.organisations import is_acronym, metadata_organisations, org_key
from pipeline.extract.programmes import DEFAULT_KIND, is_programme, kind_by_name
from pipeline.extract.records import DocExtraction, Organisation, Person, Programme

_SEP = "; "


def joined(values: Iterable[str]) -> str:
    return _SEP.join(sorted({v for v in values if v}))


def _preferred(counter: Counter) -> str:
    """Most frequent value; ties go to the longest, then alphabetically first."""
    return min(counter, key=lambda v: (-counter[v], -len(v), v)) if counter else ""


@dataclass
class Registry:
    """Records of one corpus-wide entity while documents are read."""

    names: Counter = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    variants: set[str] = field(default_factory=set)
    mentions: int = 0
    members: list = field(default_factory=list)  # (doc_id, record)

    def add(self, document: Document, record: Person | Organisation | Programme) -> None:
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
            "variants": joined(self.variants),
        }


def with_metadata(document: Document, extraction: DocExtraction) -> DocExtraction:
    """The extraction plus the organisations of the document's metadata (Projektträger, funders).

    One the text names too gets the metadata's function; the others are added without mentions. A
    programme among them („gefördert aus dem Europäischen Sozialfonds“) is added to the programmes.
    """
    organisations, programmes = list(extraction.organisations), list(extraction.programmes)
    for meta in metadata_organisations(document.projekttraeger, document.funder):
        keys = set(_name_keys(meta))
        if is_programme(meta):
            if not any(keys.intersection(_name_keys(p)) for p in programmes):
                kind = kind_by_name(default_lexicons().organisations, meta) or DEFAULT_KIND
                programmes.append(Programme(len(programmes), meta.name, meta.abbreviation, kind))
            continue
        same = next((o for o in organisations if keys.intersection(_name_keys(o))), None)
        if same is None:
            organisations.append(replace(meta, local_id=len(organisations)))
        elif not same.function:
            organisations[organisations.index(same)] = replace(same, function=meta.function)
    return replace(extraction, organisations=organisations, programmes=programmes)


def _name_keys(record: Organisation | Programme) -> list[str]:
    """Comparison keys of the name and the abbreviation, in that order."""
    return [org_key(n) for n in (record.name, record.abbreviation) if n]


def _person_key(person: Person) -> str:
    return f"{person.first_name} {person.surname}".casefold()


def merge_people(extractions: list[tuple[Document, DocExtraction]]) -> dict[tuple[str, int], Registry]:
    """(doc_id, local_id) → registry of the corpus-wide person."""
    full: dict[str, Registry] = {}
    for document, extraction in extractions:
        for p in extraction.persons:
            if p.first_name:
                full.setdefault(_person_key(p), Registry()).add(document, p)
    by_surname: dict[str, list[Registry]] = defaultdict(list)
    for registry in full.values():
        by_surname[registry.members[0][1].surname.casefold()].append(registry)
    surname_only: dict[tuple[str, str], Registry] = {}
    assigned: dict[tuple[str, int], Registry] = {}
    for document, extraction in extractions:
        for p in extraction.persons:
            if p.first_name:
                assigned[(document.doc_id, p.local_id)] = full[_person_key(p)]
                continue
            compatible = [r for r in by_surname[p.surname.casefold()] if _gender_fits(r, p.gender)]
            registry = (
                compatible[0]
                if len(compatible) == 1
                else surname_only.setdefault((p.surname.casefold(), p.gender), Registry())
            )
            registry.add(document, p)
            assigned[(document.doc_id, p.local_id)] = registry
    return assigned


def _gender_fits(registry: Registry, gender: str) -> bool:
    genders = {p.gender for _, p in registry.members} - {"unknown"}
    return gender == "unknown" or not genders or genders == {gender}


def merge_named(
    extractions: list[tuple[Document, DocExtraction]],
    records: Callable[[DocExtraction], list[Organisation] | list[Programme]],
) -> dict[tuple[str, int], Registry]:
    """(doc_id, local_id) → registry of the organisations (or programmes) ``records`` gives for each
    extraction; those sharing a name or abbreviation key are one."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for _, extraction in extractions:
        for org in records(extraction):
            first, *rest = _name_keys(org)
            for key in rest:
                parent[find(key)] = find(first)
    registries: dict[str, Registry] = {}
    assigned = {}
    for document, extraction in extractions:
        for org in records(extraction):
            registry = registries.setdefault(find(_name_keys(org)[0]), Registry())
            registry.add(document, org)
            assigned[(document.doc_id, org.local_id)] = registry
    return assigned


def person_row(registry: Registry) -> dict:
    persons = [p for _, p in registry.members]
    full = Counter(p.name for p in persons if p.first_name)
    name = _preferred(full) or _preferred(registry.names)
    canonical = next(p for p in persons if p.name == name)
    genders = {p.gender for p in persons} - {"unknown"}
    gender = genders.pop() if len(genders) == 1 else "unknown"
    evidence = (
        joined(e for p in persons if p.gender == gender for e in p.gender_evidence.split(_SEP))
        if gender != "unknown"
        else ("conflicting: " + joined(p.gender_evidence for p in persons) if genders else "")
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


def _name_and_abbreviation(registry: Registry) -> tuple[str, str]:
    """The most frequent long form (else name) and abbreviation of an organisation or programme."""
    long_forms = Counter({n: c for n, c in registry.names.items() if not is_acronym(n)})
    name = _preferred(long_forms) or _preferred(registry.names)
    abbreviation = _preferred(Counter(o.abbreviation for _, o in registry.members if o.abbreviation))
    return name, abbreviation if abbreviation != name else ""


def org_row(registry: Registry) -> dict:
    orgs = [o for _, o in registry.members]
    name, abbreviation = _name_and_abbreviation(registry)
    return {
        "org_id": "O" + content_id("organisation", org_key(name))[:10],
        "name": name,
        "abbreviation": abbreviation,
        "legal_form": _preferred(Counter(o.legal_form for o in orgs if o.legal_form)),
        "org_type": _preferred(Counter(o.org_type for o in orgs if o.org_type)),
        "functions": joined(o.function for o in orgs),
        **registry.counts(),
    }


def programme_row(registry: Registry, organisation_names: Callable[[str, list[int]], list[str]]) -> dict:
    """``organisation_names(doc_id, local_ids)``: the corpus-wide names of a document's organisations."""
    name, abbreviation = _name_and_abbreviation(registry)
    programmes = registry.members
    funders = [n for doc_id, p in programmes for n in organisation_names(doc_id, p.funder_ids)]
    operators = [n for doc_id, p in programmes for n in organisation_names(doc_id, p.operator_ids)]
    return {
        "programme_id": "PG" + content_id("programme", org_key(name))[:10],
        "name": name,
        "abbreviation": abbreviation,
        "kind": _preferred(Counter(p.kind for _, p in programmes if p.kind)),
        "funders": joined(funders),
        "operators": joined(operators),
        **registry.counts(),
    }
