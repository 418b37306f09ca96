"""Per-document extraction results: plain dataclasses, independent of spaCy.

Components in :mod:`pipeline.extract` fill these from a spaCy ``Doc`` (stored on ``doc._``); the
runner serialises them per document (``asdict``) and the tables stage turns document-local ids
(``local_id``) into corpus-wide ``person_id``/``org_id``/``programme_id``. All offsets are character
offsets into the clean document text written by ingest.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    """A stretch of the document text that refers to a person, organisation or programme."""

    start: int
    end: int
    text: str
    sentence_index: int
    sentence: str = ""


@dataclass
class Person:
    """A person within one document, with all mentions resolved to it."""

    local_id: int
    name: str  # canonical full name without titles: "Robert Böhmer", "Ursula von der Leyen"
    first_name: str = ""
    surname: str = ""
    title: str = ""  # "Dr.", "Prof. Dr."
    gender: str = "unknown"  # female | male | unknown
    gender_evidence: str = ""  # e.g. "Frau", "role noun: Leiterin", "first name: Kristin"
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Organisation:
    """An organisation within one document."""

    local_id: int
    name: str  # canonical long form
    abbreviation: str = ""
    legal_form: str = ""
    org_type: str = ""
    function: str = ""  # Projektträger | Förderer | Partner/Mitglied | ""
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Programme:
    """A funding programme, project, competition or campaign within one document („Regionale Bündnisse
    für Chancengleichheit“, das Projekt „Fachkräfte sichern: …“): found like an organisation, kept
    apart from them."""

    local_id: int
    name: str  # canonical form, as for organisations
    abbreviation: str = ""
    kind: str = ""  # Programm | Projekt | Wettbewerb/Preis | Kampagne
    funder_ids: list[int] = field(default_factory=list)  # local ids of organisations the text says fund it
    operator_ids: list[int] = field(default_factory=list)  # … and of those it says run it
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Role:
    """A role phrase attached to a person."""

    person_local_id: int
    text: str  # as written
    start: int
    end: int
    role_normalized: str  # e.g. "Leiter/in"
    short: str = ""  # as written without its complement: "Kaufmännische Leiterin"
    qualifier: str = ""  # e.g. "kaufmännisch"
    role_category: str = "Sonstiges"
    org_local_id: int | None = None
    org_text: str = ""
    programme_local_id: int | None = None  # when the role is in a programme or project
    construction: str = ""  # apposition | prenominal | als | ad | ...
    sentence_index: int = 0
    sentence: str = ""


@dataclass
class Quote:
    """A direct, indirect or reported speech event (or a speakerless quoted mention)."""

    kind: str  # direct | indirect | reported | mention
    form: str  # kind, with indirect speech that has no cue of its own as free_indirect
    text: str
    start: int
    end: int
    speaker: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_type: str = ""  # person | organisation | group | ""
    person_local_id: int | None = None
    org_local_id: int | None = None
    cue: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    sentence_index: int = 0
    addressee: str = ""
    addressee_start: int | None = None
    addressee_end: int | None = None
    speaker_confidence: float | None = None

    @property
    def attribution(self) -> str:
        """How the speaker was found, as the calibration of ``speaker_confidence`` groups quotes: the
        form, whether the quote has a cue of its own, and the speaker's type („indirect/cue/person“,
        „free_indirect/no cue/organisation“; ``other`` for a pronoun or an unclear phrase)."""
        return f"{self.form}/{'cue' if self.cue else 'no cue'}/{self.speaker_type or 'other'}"


@dataclass
class DocExtraction:
    """Everything extracted from one document."""

    doc_id: str
    persons: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def extraction_from_dict(data: dict) -> DocExtraction:
    """Rebuild a :class:`DocExtraction` from its ``dataclasses.asdict`` form (the result cache)."""

    def with_mentions(cls, item: dict):
        return cls(**{**item, "mentions": [Mention(**m) for m in item.get("mentions", [])]})

    return DocExtraction(
        doc_id=data["doc_id"],
        persons=[with_mentions(Person, p) for p in data.get("persons", [])],
        organisations=[with_mentions(Organisation, o) for o in data.get("organisations", [])],
        programmes=[with_mentions(Programme, p) for p in data.get("programmes", [])],
        roles=[Role(**r) for r in data.get("roles", [])],
        quotes=[Quote(**q) for q in data.get("quotes", [])],
    )
