"""The one place that names every output table and column.

Writers, readers, tests and the README's table documentation (``projektradar schema``)
derive from these definitions; add a column here and it appears everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # "str" | "int" | "float" | "bool"
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    sort_by: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


def _cols(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


DOCUMENTS = Table(
    "documents",
    "One row per input document or tabular row, processed or not.",
    _cols(
        ("doc_id", "str", "Stable id derived from the clean text (duplicates: from text and source)."),
        ("source_path", "str", "Input file, relative to the corpus root; `file.csv#row=3` for tabular rows."),
        ("format", "str", "txt, md, html, pdf, docx, eml, csv, jsonl, scrape (noisy web text scrape)."),
        ("status", "str", "ok, duplicate, skipped (e.g. not German, too large, unsupported) or failed."),
        ("error", "str", "Human-readable reason when status is not ok."),
        ("title", "str", "Title from metadata or the first heading line."),
        ("date", "str", "Publication date, ISO 8601 (YYYY-MM-DD, or YYYY-MM when only month is known)."),
        ("publisher", "str", "Site or sender that published the text."),
        ("projekttraeger", "str", "Projektträger named in the document (e.g. from a logo line)."),
        ("funder", "str", "Förderer (\u201egefördert vom …\u201c)."),
        ("url", "str", "Source URL when known."),
        ("language", "str", "ISO 639-1 code detected from the text."),
        ("n_chars", "int", "Length of the clean text in characters."),
        ("n_paragraphs", "int", "Number of paragraphs in the clean text."),
        ("duplicate_of", "str", "doc_id of the first identical document (status duplicate)."),
    ),
    ("source_path",),
)

PEOPLE = Table(
    "people",
    "One row per person, merged across documents (with and without title, with a middle initial).",
    _cols(
        ("person_id", "str", "Stable id derived from the canonical name (first name and surname)."),
        ("name", "str", "Canonical full name without titles („Robert Böhmer“, „Ursula von der Leyen“)."),
        ("first_name", "str", "First given name (empty when only the surname is known)."),
        ("surname", "str", "Surname with its particles („von der Leyen“)."),
        ("title", "str", "Academic or honorary title as written („Dr.“, „Prof. Dr.“)."),
        ("gender", "str", "female, male or unknown — only where the text or the first-name lexicon says so."),
        ("gender_evidence", "str", "Why: „Frau“/„Herr“, role noun, pronoun, first name; „conflicting: …“."),
        (
            "roles",
            "str",
            "Roles in all documents as written, without their organisation („Kaufmännische Leiterin; "
            "Projektleiterin“); roles.csv has their gender-fair normal form for grouping.",
        ),
        ("organisations", "str", "Organisations of those roles."),
        ("n_mentions", "int", "Mentions in all documents."),
        ("n_documents", "int", "Documents that mention the person."),
        ("n_quotes", "int", "Quotes attributed to the person."),
        ("first_date", "str", "Earliest date of a document that mentions the person."),
        ("last_date", "str", "Latest date of a document that mentions the person."),
        ("variants", "str", "Names as written, with titles („Dr. Robert Böhmer; Robert Böhmer“)."),
    ),
    ("name", "person_id"),
)

PERSON_MENTIONS = Table(
    "person_mentions",
    "Every resolved mention of a person („Frau Jentsch“, „Schramm“ and the full name).",
    _cols(
        ("doc_id", "str", "Document (documents.csv)."),
        ("source_path", "str", "Input file of the document."),
        ("person_id", "str", "Person (people.csv)."),
        ("name", "str", "Canonical name of the person."),
        ("text", "str", "The mention as written, with title or form of address."),
        ("start_char", "int", "Start offset in the clean document text (documents.jsonl)."),
        ("end_char", "int", "End offset (exclusive) in the clean document text."),
        ("sentence_index", "int", "Sentence number in the document (0-based)."),
        ("sentence", "str", "The sentence containing the mention."),
    ),
    ("source_path", "start_char", "person_id"),
)

ROLES = Table(
    "roles",
    "Role phrases attached to a person in a document, with the organisation when stated.",
    _cols(
        ("doc_id", "str", "Document (documents.csv)."),
        ("source_path", "str", "Input file of the document."),
        ("person_id", "str", "Person (people.csv)."),
        ("name", "str", "Canonical name of the person."),
        ("role", "str", "The role phrase as written („Kaufmännische Leiterin der … mbH“)."),
        ("role_short", "str", "The role as written without its organisation („Kaufmännische Leiterin“)."),
        (
            "role_normalized",
            "str",
            "Head noun in gender-fair normal form („Leiter/in“, „Oberbürgermeister/in“).",
        ),
        ("qualifier", "str", "Qualifying adjectives and additions („kaufmännisch“, „a.D.“)."),
        ("role_category", "str", "Category from resources/roles.yml (Leitung/Geschäftsführung, …)."),
        ("org_id", "str", "Organisation the role belongs to (organisations.csv), when stated."),
        ("organisation", "str", "That organisation's canonical name."),
        ("programme_id", "str", "Programme or project the role belongs to (programmes.csv), when stated."),
        ("programme", "str", "That programme's canonical name („Projektleiterin des Projekts „…““)."),
        ("construction", "str", "prenominal, apposition, als, predicative, relative, anaphoric or headline."),
        ("start_char", "int", "Start offset of the role phrase in the clean document text."),
        ("end_char", "int", "End offset (exclusive) of the role phrase."),
        ("sentence_index", "int", "Sentence number in the document (0-based)."),
        ("sentence", "str", "Evidence: the sentence containing the role phrase."),
    ),
    ("source_path", "start_char", "person_id"),
)

ORGANISATIONS = Table(
    "organisations",
    "One row per organisation, merged across documents (abbreviation and long form are one).",
    _cols(
        ("org_id", "str", "Stable id derived from the canonical name."),
        (
            "name",
            "str",
            "Canonical long form („Bundesministerium für Familie, Senioren, Frauen und Jugend“).",
        ),
        ("abbreviation", "str", "Abbreviation („BMFSFJ“)."),
        ("legal_form", "str", "Legal form at the end of the name (GmbH, mbH, e.V., …)."),
        (
            "org_type",
            "str",
            "Ministerium/Behörde, Kommune, Unternehmen, Verein/Verband, Kammer, "
            "Hochschule/Forschung, Stiftung or Netzwerk/Bündnis (programmes and projects: programmes.csv).",
        ),
        ("functions", "str", "Functions the documents give it: Projektträger, Förderer, Partner/Mitglied."),
        ("n_mentions", "int", "Mentions in all documents."),
        ("n_documents", "int", "Documents that mention the organisation."),
        ("first_date", "str", "Earliest date of a document that mentions it."),
        ("last_date", "str", "Latest date of a document that mentions it."),
        ("variants", "str", "Names as written."),
    ),
    ("name", "org_id"),
)

ORG_MENTIONS = Table(
    "org_mentions",
    "Every mention of an organisation, with its function in that document.",
    _cols(
        ("doc_id", "str", "Document (documents.csv)."),
        ("source_path", "str", "Input file of the document."),
        ("org_id", "str", "Organisation (organisations.csv)."),
        ("name", "str", "Canonical name of the organisation."),
        ("text", "str", "The mention as written."),
        ("function", "str", "Projektträger, Förderer or Partner/Mitglied in this document, when stated."),
        ("start_char", "int", "Start offset in the clean document text; empty: named only in the metadata."),
        ("end_char", "int", "End offset (exclusive) in the clean document text."),
        ("sentence_index", "int", "Sentence number in the document (0-based)."),
        ("sentence", "str", "The sentence containing the mention."),
    ),
    ("source_path", "start_char", "org_id"),
)

PROGRAMMES = Table(
    "programmes",
    "One row per funding programme, project, competition or campaign, merged across documents "
    "(they are not in organisations.csv).",
    _cols(
        ("programme_id", "str", "Stable id derived from the canonical name."),
        ("name", "str", "Canonical name („Regionale Bündnisse für Chancengleichheit“, a project's title)."),
        ("abbreviation", "str", "Abbreviation („ESF“)."),
        ("kind", "str", "Programm, Projekt, Wettbewerb/Preis or Kampagne (by the name or the word before)."),
        ("funders", "str", "Organisations the texts say fund it („gefördert vom …“, „Programm … des BMAS“)."),
        ("operators", "str", "Organisations the texts say run it („durchgeführt von …“, „Träger ist …“)."),
        ("n_mentions", "int", "Mentions in all documents."),
        ("n_documents", "int", "Documents that mention the programme."),
        ("first_date", "str", "Earliest date of a document that mentions it."),
        ("last_date", "str", "Latest date of a document that mentions it."),
        ("variants", "str", "Names as written."),
    ),
    ("name", "programme_id"),
)

PROGRAMME_MENTIONS = Table(
    "programme_mentions",
    "Every mention of a programme or project, with who funds and runs it according to that document.",
    _cols(
        ("doc_id", "str", "Document (documents.csv)."),
        ("source_path", "str", "Input file of the document."),
        ("programme_id", "str", "Programme (programmes.csv)."),
        ("name", "str", "Canonical name of the programme."),
        ("kind", "str", "Programm, Projekt, Wettbewerb/Preis or Kampagne."),
        ("funders", "str", "Funding organisations this document names."),
        ("operators", "str", "Organisations this document says run it."),
        ("text", "str", "The mention as written."),
        ("start_char", "int", "Start offset in the clean document text."),
        ("end_char", "int", "End offset (exclusive) in the clean document text."),
        ("sentence_index", "int", "Sentence number in the document (0-based)."),
        ("sentence", "str", "The sentence containing the mention."),
    ),
    ("source_path", "start_char", "programme_id"),
)

QUOTES = Table(
    "quotes",
    "Direct, indirect and reported speech with its speaker (and quoted titles without one, kind mention).",
    _cols(
        ("doc_id", "str", "Document (documents.csv)."),
        ("source_path", "str", "Input file of the document."),
        ("quote_id", "str", "`<doc_id>-<n>`, numbered in text order."),
        ("kind", "str", "direct, indirect, reported or mention (a quoted title or motto, no speaker)."),
        ("text", "str", "What was said, without the quotation marks."),
        ("start_char", "int", "Start offset of the quotation in the clean document text."),
        ("end_char", "int", "End offset (exclusive) of the quotation."),
        ("speaker", "str", "Speaker as written („so Schramm“ → „Schramm“)."),
        ("speaker_start", "int", "Start offset of the speaker phrase."),
        ("speaker_end", "int", "End offset (exclusive) of the speaker phrase."),
        ("speaker_type", "str", "person, organisation, group or empty when unknown."),
        ("person_id", "str", "Speaker resolved to people.csv."),
        ("org_id", "str", "Speaking organisation (organisations.csv) when the speaker is one."),
        ("speaker_role", "str", "The speaker's role(s) in this document as written (roles.csv role_short)."),
        ("speaker_org", "str", "The organisation of that role, or the speaking organisation."),
        (
            "cue",
            "str",
            "Speech verb or cue as written („so“, „betonte“, „laut“), with what the SpkAtt guidelines "
            "count to it: auxiliaries, the reflexive, the „wie“ of a wie-clause, an impersonal „es“ "
            "(„hatte erklärt“, „äußerte sich“, „Wie mitteilte“, „heißt es“); cue_start…cue_end spans them.",
        ),
        ("cue_start", "int", "Start offset of the cue."),
        ("cue_end", "int", "End offset (exclusive) of the cue."),
        ("sentence_index", "int", "Sentence number of the quotation's start (0-based)."),
        ("addressee", "str", "Whom it was said to, as written („sagte der Zeitung“, „gegenüber der dpa“)."),
        ("addressee_start", "int", "Start offset of the addressee phrase."),
        ("addressee_end", "int", "End offset (exclusive) of the addressee phrase."),
        (
            "form",
            "str",
            "`kind` in the SpkAtt guidelines' forms: indirect speech without a cue of its own, continuing "
            "a speaker by its mood („Er sei …“), is free_indirect.",
        ),
        (
            "speaker_confidence",
            "float",
            "How often the speaker of quotes found this way (form, own cue or not, speaker type) was right "
            "on real news, measured on the SpkAtt-2023 dev articles (`speaker_confidence.yml`); empty "
            "without a speaker.",
        ),
    ),
    ("source_path", "start_char", "quote_id"),
)

THEMES = Table(
    "themes",
    "One row per document and codebook theme (pipeline/resources/themes.yml): the document's score, "
    "whether the theme is assigned, and the sentences that carry it.",
    _cols(
        ("doc_id", "str", "Document (documents.csv)."),
        ("theme", "str", "Theme id from the codebook (e.g. fachkraefte)."),
        ("label", "str", "German theme name."),
        ("score", "float", "Highest paragraph probability for the theme (0–1, calibrated)."),
        ("assigned", "bool", "score ≥ threshold: the document substantially addresses the theme."),
        (
            "threshold",
            "float",
            "Decision threshold of the theme (codebook `threshold`, else learned in training).",
        ),
        ("n_paragraphs", "int", "Number of paragraphs whose own score reaches the threshold."),
        (
            "evidence",
            "str",
            "Up to two sentences that carry the theme (` … `-separated); empty if not assigned.",
        ),
    ),
    ("doc_id", "theme"),
)

PARAGRAPH_THEMES = Table(
    "paragraph_themes",
    "One row per paragraph and codebook theme: the classifier's probability and the indicator words found.",
    _cols(
        ("doc_id", "str", "Document (documents.csv)."),
        ("paragraph_index", "int", "Paragraph number in the document (0-based, non-empty paragraphs)."),
        ("start_char", "int", "Start offset of the paragraph in the clean text."),
        ("end_char", "int", "End offset (exclusive) of the paragraph."),
        ("theme", "str", "Theme id from the codebook."),
        ("score", "float", "Probability that the paragraph substantially addresses the theme (0–1)."),
        ("assigned", "bool", "score ≥ the theme's threshold."),
        ("indicators", "str", "Codebook indicator words found in the paragraph (`; `-separated)."),
    ),
    ("doc_id", "paragraph_index", "theme"),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS,
        PEOPLE,
        PERSON_MENTIONS,
        ROLES,
        ORGANISATIONS,
        ORG_MENTIONS,
        PROGRAMMES,
        PROGRAMME_MENTIONS,
        QUOTES,
        THEMES,
        PARAGRAPH_THEMES,
    )
}


README_START = "<!-- tables:start (generated by `make docs` from pipeline/schema.py) -->"
README_END = "<!-- tables:end -->"


def markdown() -> str:
    """Table documentation for the README, generated so it cannot drift from the code."""
    parts = []
    for table in TABLES.values():
        parts.append(
            f"### `{table.filename}`\n\n{table.description}\n\n| column | type | meaning |\n|---|---|---|"
        )
        parts.extend(f"| `{c.name}` | {c.dtype} | {c.description} |" for c in table.columns)
        parts.append("")
    return "\n".join(parts)


def readme_with_tables(readme: str) -> str:
    """The README's text with its table documentation (between the markers) generated afresh."""
    head, rest = readme.split(README_START, 1)
    tail = rest.split(README_END, 1)[1]
    return f"{head}{README_START}\n{markdown()}\n{README_END}{tail}"


def update_readme(path: Path) -> None:
    """Replace the README's table documentation with the one generated from :data:`TABLES`."""
    path.write_text(readme_with_tables(path.read_text(encoding="utf-8")), encoding="utf-8")
