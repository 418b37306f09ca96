"""The facts of the funders' report, computed once from the tables and shown as HTML and Markdown.

Everything here is plain pandas over the schema's tables (no NLP), so a report can be rebuilt from
the CSVs of an earlier run. Counts are over processed documents (status ok); a person or
organisation is „involved“ in a theme when it is mentioned in a document assigned to that theme.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from pathlib import Path
from urllib.parse import quote as url_quote

import pandas as pd
import yaml

from pipeline.report.formatting import format_date
from pipeline.schema import TABLES
from pipeline.settings import RESOURCES_DIR
from pipeline.tables.frames import frame_for

TOP_ENTITIES = 5
QUOTES_PER_THEME = 3
DOCUMENTS_PER_THEME = 15
ORGS_PER_FUNCTION = 15
PROGRAMMES_SHOWN = 25
THEMES_PER_ORG = 4
QUOTE_MAX_CHARS = 420
ROLE_MAX_CHARS = 90
# A document's evidence for a theme is strong with this many paragraphs above the threshold, or with one
# paragraph scored at least halfway from the theme's threshold to 1 (this score where no threshold is
# given): thresholds learned per theme range from 0.45 to 0.80, so a fixed bar would call every
# assigned document of a strict theme strong.
STRONG_PARAGRAPHS = 2
STRONG_SCORE = 0.8
YEARLY_FROM_YEARS = 3  # periods are years when the corpus spans at least this many years, else quarters

GENDER_LABELS = {"female": "weiblich", "male": "männlich"}
UNKNOWN = "unbekannt"
SPEAKER_TYPE_LABELS = {
    "person": "Person",
    "organisation": "Organisation",
    "group": "Gruppe",
    "": "ohne erkennbare Quelle",
}
FUNCTIONS = ("Projektträger", "Förderer", "Partner/Mitglied")
NO_ROLE = "ohne Rollenangabe"


@dataclass
class DocLink:
    doc_id: str
    title: str
    date: str
    href: str
    source_path: str
    url: str = ""


@dataclass
class Entity:
    """A person or organisation with a short description and the number of documents it appears in."""

    name: str
    detail: str
    n_documents: int
    themes: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class QuoteFact:
    text: str
    speaker: str
    role: str
    organisation: str
    document: DocLink


@dataclass
class ThemeFact:
    id: str
    label: str
    definition: str
    n_documents: int
    n_strong: int  # documents with strong evidence (:data:`STRONG_PARAGRAPHS`, :data:`STRONG_SCORE`)
    trend: list[tuple[str, int]]
    n_undated: int
    organisations: list[Entity]
    people: list[Entity]
    quotes: list[QuoteFact]
    documents: list[DocLink]

    @property
    def more_documents(self) -> int:
        return self.n_documents - len(self.documents)

    @property
    def thin(self) -> bool:
        """Most of the theme's documents carry it in one paragraph with a middling score only."""
        return 2 * self.n_strong < self.n_documents


@dataclass
class Overview:
    n_inputs: int
    status: dict[str, int]
    n_documents: int  # processed (status ok)
    first_date: str
    last_date: str
    n_undated: int
    formats: list[tuple[str, int]]
    publishers: list[tuple[str, int]]
    n_people: int
    n_organisations: int
    n_programmes: int
    n_quotes: int


@dataclass
class Voices:
    """Who is named and who gets to speak: by gender (with unknown) and by role category."""

    by_gender: list[tuple[str, int, int, int]]  # label, people named, people quoted, quotes
    by_role: list[tuple[str, int, int]]  # category, people quoted, quotes
    by_source: list[tuple[str, int]]  # speaker type, quotes
    n_named: int
    n_quoted: int


@dataclass
class ProgrammeFact:
    """A programme or project with who funds and runs it, and the themes of its documents."""

    name: str
    kind: str
    funders: str
    operators: str
    n_documents: int
    themes: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class ReportFacts:
    overview: Overview
    themes: list[ThemeFact]
    period_unit: str  # "Jahr" | "Quartal"
    voices: Voices
    organisations: dict[str, list[Entity]]
    more_organisations: dict[str, int]
    programmes: list[ProgrammeFact]
    more_programmes: int


def _table(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    """The table with the schema's columns and dtypes, blank text as NA (CSVs read back blanks as
    ""); empty when the run did not produce it."""
    frame = frame_for(name, tables[name]) if name in tables else frame_for(name, [])
    for column in TABLES[name].columns:
        if column.dtype == "str":
            frame[column.name] = frame[column.name].mask(frame[column.name].str.strip().eq("").fillna(False))
    return frame


def _text(value: object) -> str:
    return (
        "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)
    )


def _counts(values: pd.Series) -> list[tuple[str, int]]:
    """Value counts, most frequent first, ties alphabetical (deterministic)."""
    counts = values.dropna().astype(str).loc[lambda s: s.str.strip() != ""].value_counts()
    return sorted(((k, int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0].casefold()))


def source_roots(info: dict) -> list[Path]:
    """Folders that ``source_path`` is relative to: the run's inputs (a file's parent folder)."""
    roots = []
    for raw in info.get("inputs", []):
        path = Path(raw)
        roots.append(path.parent if path.is_file() else path)
    return roots


def source_href(source_path: str, roots: Sequence[Path], report_dir: Path) -> str:
    """Relative, percent-encoded link from the report to the source file (``file.csv#row=3`` kept)."""
    file_part, hash_sign, fragment = source_path.partition("#")
    candidates = [root / file_part for root in roots]
    target = next((c for c in candidates if c.exists()), candidates[0] if candidates else Path(file_part))
    relative = Path(os.path.relpath(target.resolve(), report_dir.resolve())).as_posix()
    return url_quote(relative, safe="/") + (hash_sign + url_quote(fragment, safe="=") if hash_sign else "")


def _period(date: str, yearly: bool) -> str | None:
    """„2015“ or „Q3 2015“; None when the date does not say (quarters need a month)."""
    if not date[:4].isdigit():
        return None
    if yearly:
        return date[:4]
    return f"Q{(int(date[5:7]) - 1) // 3 + 1} {date[:4]}" if date[5:7].isdigit() else None


def _all_periods(first: str, last: str, yearly: bool) -> list[str]:
    """Every period between the first and last date, so the trend shows empty years as zero."""
    start, end = int(first[:4]), int(last[:4])
    if yearly:
        return [str(year) for year in range(start, end + 1)]
    return [f"Q{q} {year}" for year in range(start, end + 1) for q in range(1, 5)][
        (int(first[5:7]) - 1) // 3 : 4 * (end - start) + (int(last[5:7]) - 1) // 3 + 1
    ]


class _Corpus:
    """The tables restricted to processed documents, with the joins every section needs."""

    def __init__(self, tables: dict[str, pd.DataFrame], info: dict, report_dir: Path, labels: dict[str, str]):
        self.all_documents = _table(tables, "documents")
        self.documents = self.all_documents[self.all_documents["status"] == "ok"].copy()
        ok = set(self.documents["doc_id"])

        def in_corpus(name: str) -> pd.DataFrame:
            frame = _table(tables, name)
            return frame[frame["doc_id"].isin(ok)] if "doc_id" in frame else frame

        self.themes = in_corpus("themes")
        self.people = _table(tables, "people")
        self.person_mentions = in_corpus("person_mentions")
        self.roles = in_corpus("roles")
        self.organisations = _table(tables, "organisations")
        self.org_mentions = in_corpus("org_mentions")
        self.programmes = _table(tables, "programmes")
        self.programme_mentions = in_corpus("programme_mentions")
        self.quotes = in_corpus("quotes")
        self.labels = labels
        roots = source_roots(info)
        self.links = {
            row.doc_id: DocLink(
                doc_id=row.doc_id,
                title=_text(row.title) or Path(_text(row.source_path)).name,
                date=format_date(_text(row.date)),
                href=source_href(_text(row.source_path), roots, report_dir),
                source_path=_text(row.source_path),
                url=_text(row.url) if _text(row.url).startswith(("https://", "http://")) else "",
            )
            for row in self.documents.itertuples()
        }
        dates = self.documents["date"].dropna().astype(str)
        self.dates = dates[dates.str.match(r"^\d{4}")].sort_values()
        span = int(self.dates.iloc[-1][:4]) - int(self.dates.iloc[0][:4]) + 1 if len(self.dates) else 0
        has_months = bool(len(self.dates)) and self.dates.str.len().ge(7).all()
        self.yearly = span >= YEARLY_FROM_YEARS or not has_months
        self.assigned = self.themes[self.themes["assigned"].fillna(False).astype(bool)]
        self.person_names = dict(zip(self.people["person_id"], self.people["name"].map(_text), strict=True))
        self.org_names = {
            row.org_id: _text(row.name)
            + (f" ({row.abbreviation})" if _text(row.abbreviation) not in _text(row.name) else "")
            for row in self.organisations.itertuples()
        }
        self.org_types = dict(zip(self.organisations["org_id"], self.organisations["org_type"], strict=True))
        self._roles_by_person = dict(tuple(self.roles.groupby("person_id", sort=False)))

    def theme_docs(self, theme: str) -> pd.DataFrame:
        return self.assigned[self.assigned["theme"] == theme].sort_values(
            ["score", "doc_id"], ascending=[False, True]
        )

    def trend(self, doc_ids: set[str]) -> tuple[list[tuple[str, int]], int]:
        """Documents per period (every period of the corpus, zeros included) and the undated count."""
        if not len(self.dates):
            return [], len(doc_ids)
        dated = self.documents[self.documents["doc_id"].isin(doc_ids)]["date"].map(
            lambda d: _period(_text(d), self.yearly)
        )
        counts = dated.value_counts()
        periods = _all_periods(self.dates.iloc[0], self.dates.iloc[-1], self.yearly)
        return [(p, int(counts.get(p, 0))) for p in periods], int(dated.isna().sum())

    def person_role(self, person_id: str, doc_ids: set[str] | None = None) -> tuple[str, str]:
        """The role (as written, without its organisation) and the organisation a person is most often
        named with."""
        roles = self._roles_by_person.get(person_id, self.roles.iloc[:0])
        if doc_ids is not None and roles["doc_id"].isin(doc_ids).any():
            roles = roles[roles["doc_id"].isin(doc_ids)]
        if roles.empty:
            return "", ""
        written = roles["role_short"]
        role = _shorten(_counts(written)[0][0], ROLE_MAX_CHARS) if written.notna().any() else ""
        orgs = _counts(roles["org_id"].map(self.org_names))
        return role, orgs[0][0] if orgs else ""

    def role_categories(self) -> dict[str, str]:
        """Each person's most frequent role category (ties: alphabetical)."""
        counts = self.roles.dropna(subset=["person_id", "role_category"]).value_counts(
            ["person_id", "role_category"]
        )
        ranked = sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
        categories: dict[str, str] = {}
        for (person_id, category), _n in ranked:
            categories.setdefault(person_id, category)
        return categories

    def doc_themes(self, doc_ids: set[str]) -> list[tuple[str, int]]:
        themes = self.assigned[self.assigned["doc_id"].isin(doc_ids)]["theme"]
        return [(self.labels.get(t, t), n) for t, n in _counts(themes)]


def _top_people(corpus: _Corpus, doc_ids: set[str]) -> list[Entity]:
    mentions = corpus.person_mentions[corpus.person_mentions["doc_id"].isin(doc_ids)]
    per_person = mentions.drop_duplicates(["doc_id", "person_id"])["person_id"]
    people = []
    for person_id, n in _counts(per_person)[:TOP_ENTITIES]:
        role, organisation = corpus.person_role(person_id, doc_ids)
        detail = ", ".join(part for part in (role, organisation if organisation not in role else "") if part)
        people.append(Entity(corpus.person_names.get(person_id, person_id), detail, n))
    return people


def _top_organisations(corpus: _Corpus, doc_ids: set[str]) -> list[Entity]:
    mentions = corpus.org_mentions[corpus.org_mentions["doc_id"].isin(doc_ids)]
    per_org = mentions.drop_duplicates(["doc_id", "org_id"])["org_id"]
    return [
        Entity(corpus.org_names.get(org_id, org_id), _text(corpus.org_types.get(org_id)), n)
        for org_id, n in _counts(per_org)[:TOP_ENTITIES]
    ]


def _shorten(text: str, limit: int = QUOTE_MAX_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " …"


@cache
def sure_speaker() -> float:
    """The share of right speakers over all quotes on real news (``speaker_confidence.yml``): the
    report prefers quotes whose way of attribution is at least this sure."""
    data = yaml.safe_load((RESOURCES_DIR / "speaker_confidence.yml").read_text(encoding="utf-8"))
    return float(data["confidence"]["otherwise"])


def _representative_quotes(corpus: _Corpus, theme_docs: pd.DataFrame) -> list[QuoteFact]:
    """Up to three quotes from the theme's documents: a speaker found in a way that is at least
    :func:`sure_speaker` first, then direct speech by a named person, documents with the highest
    theme score first, one quote per speaker and per document."""
    doc_rank = {doc_id: rank for rank, doc_id in enumerate(theme_docs["doc_id"])}
    quotes = corpus.quotes[corpus.quotes["doc_id"].isin(doc_rank) & (corpus.quotes["kind"] != "mention")]
    quotes = quotes[quotes["speaker"].fillna("").str.strip() != ""].assign(
        sort_unsure=lambda q: q["speaker_confidence"].fillna(0) < sure_speaker(),
        sort_indirect=lambda q: q["kind"] != "direct",
        sort_unnamed=lambda q: q["person_id"].isna(),
        sort_length=lambda q: ~q["text"].fillna("").str.len().between(40, QUOTE_MAX_CHARS),
        sort_rank=lambda q: q["doc_id"].map(doc_rank),
    )
    quotes = quotes.sort_values(
        ["sort_unsure", "sort_unnamed", "sort_indirect", "sort_length", "sort_rank", "start_char", "quote_id"]
    )
    chosen: dict[str, QuoteFact] = {}
    speakers: set[str] = set()
    documents: set[str] = set()
    # Sure attributions before unsure ones; within each, named people before other speakers; within
    # those, a new document before a second quote from one.
    for sure_only, named_only, new_document in product((True, False), repeat=3):
        for row in quotes.itertuples():
            if len(chosen) == QUOTES_PER_THEME:
                return list(chosen.values())
            speaker_key = _text(row.person_id) or _text(row.speaker)
            if (
                row.quote_id in chosen
                or speaker_key in speakers
                or (sure_only and row.sort_unsure)
                or (named_only and row.sort_unnamed)
                or (new_document and row.doc_id in documents)
            ):
                continue
            speakers.add(speaker_key)
            documents.add(row.doc_id)
            chosen[row.quote_id] = QuoteFact(
                text=_shorten(_text(row.text)),
                speaker=corpus.person_names.get(row.person_id) or _text(row.speaker),
                role=_text(row.speaker_role),
                organisation=_text(row.speaker_org),
                document=corpus.links[row.doc_id],
            )
    return list(chosen.values())


def _strong_evidence(docs: pd.DataFrame) -> int:
    """Documents (rows of ``themes.csv``) whose evidence for the theme is strong."""
    several = docs["n_paragraphs"].fillna(0) >= STRONG_PARAGRAPHS
    bar = ((docs["threshold"] + 1) / 2).fillna(STRONG_SCORE)
    return int((several | (docs["score"].fillna(0) >= bar)).sum())


def _theme_facts(corpus: _Corpus, theme_id: str, definition: str) -> ThemeFact:
    docs = corpus.theme_docs(theme_id)
    doc_ids = set(docs["doc_id"])
    trend, undated = corpus.trend(doc_ids)
    return ThemeFact(
        id=theme_id,
        label=corpus.labels.get(theme_id, theme_id),
        definition=definition,
        n_documents=len(doc_ids),
        n_strong=_strong_evidence(docs),
        trend=trend,
        n_undated=undated,
        organisations=_top_organisations(corpus, doc_ids),
        people=_top_people(corpus, doc_ids),
        quotes=_representative_quotes(corpus, docs),
        documents=[corpus.links[d] for d in docs["doc_id"].head(DOCUMENTS_PER_THEME)],
    )


def _overview(corpus: _Corpus) -> Overview:
    documents = corpus.documents
    mentioned_people = set(corpus.person_mentions["person_id"])
    mentioned_orgs = set(corpus.org_mentions["org_id"])
    return Overview(
        n_inputs=len(corpus.all_documents),
        status={status: int(n) for status, n in corpus.all_documents["status"].value_counts().items()},
        n_documents=len(documents),
        first_date=format_date(corpus.dates.iloc[0]) if len(corpus.dates) else "",
        last_date=format_date(corpus.dates.iloc[-1]) if len(corpus.dates) else "",
        n_undated=len(documents) - len(corpus.dates),
        formats=_counts(documents["format"]),
        publishers=_counts(documents["publisher"]),
        n_people=len(mentioned_people or set(corpus.people["person_id"])),
        n_organisations=len(mentioned_orgs or set(corpus.organisations["org_id"])),
        n_programmes=corpus.programme_mentions["programme_id"].nunique(),
        n_quotes=int((corpus.quotes["kind"] != "mention").sum()),
    )


def _voices(corpus: _Corpus) -> Voices:
    gender = corpus.people.set_index("person_id")["gender"].map(
        lambda g: GENDER_LABELS.get(_text(g), UNKNOWN)
    )
    quotes = corpus.quotes[corpus.quotes["kind"] != "mention"]
    person_quotes = quotes[quotes["person_id"].notna() | (quotes["speaker_type"] == "person")]
    quote_gender = person_quotes["person_id"].map(lambda p: gender.get(p, UNKNOWN) if _text(p) else UNKNOWN)
    quoted_ids = set(person_quotes["person_id"].dropna())
    named_ids = set(corpus.person_mentions["person_id"]) or set(corpus.people["person_id"])
    by_gender = [
        (
            label,
            int(sum(gender.get(p, UNKNOWN) == label for p in named_ids)),
            int(sum(gender.get(p, UNKNOWN) == label for p in quoted_ids)),
            int((quote_gender == label).sum()),
        )
        for label in (*GENDER_LABELS.values(), UNKNOWN)
    ]
    known_categories = corpus.role_categories()
    categories = {p: known_categories.get(p, NO_ROLE) for p in quoted_ids}
    quote_categories = person_quotes["person_id"].map(lambda p: categories.get(p, NO_ROLE))
    by_role = [
        (category, sum(c == category for c in categories.values()), n)
        for category, n in _counts(quote_categories)
    ]
    source_types = quotes["speaker_type"].fillna("").map(lambda t: SPEAKER_TYPE_LABELS.get(t, t))
    return Voices(
        by_gender=by_gender,
        by_role=by_role,
        by_source=_counts(source_types),
        n_named=len(named_ids),
        n_quoted=len(quoted_ids),
    )


def _organisations_by_function(corpus: _Corpus) -> tuple[dict[str, list[Entity]], dict[str, int]]:
    """Projektträger, Förderer and partners with their documents' themes.

    Functions come from the organisation mentions; a Projektträger or Förderer that ingest read from
    the document's header (logo lines) but that no mention links to an organisation is listed by name.
    """
    mentions = corpus.org_mentions
    org_docs = mentions.groupby("org_id")["doc_id"].agg(set).to_dict()
    known = {name.casefold() for name in corpus.org_names.values()}
    known |= {_text(a).casefold() for a in corpus.organisations["abbreviation"] if _text(a)}
    result: dict[str, list[Entity]] = {}
    more: dict[str, int] = {}
    for function in FUNCTIONS:
        with_function = mentions[mentions["function"] == function].drop_duplicates(["doc_id", "org_id"])
        # (name, type, documents with this function, documents mentioning it at all)
        rows = [
            (corpus.org_names.get(org_id, org_id), _text(corpus.org_types.get(org_id)), n, org_docs[org_id])
            for org_id, n in _counts(with_function["org_id"])
        ]
        header_column = {"Projektträger": "projekttraeger", "Förderer": "funder"}.get(function)
        if header_column:
            named = corpus.documents[header_column]
            rows += [
                (name, "", n, set(corpus.documents.loc[named == name, "doc_id"]))
                for name, n in _counts(named)
                if not any(name.casefold() in k for k in known)
            ]
        rows.sort(key=lambda row: (-row[2], row[0].casefold()))
        result[function] = [
            Entity(name, org_type, n, corpus.doc_themes(docs)[:THEMES_PER_ORG])
            for name, org_type, n, docs in rows[:ORGS_PER_FUNCTION]
        ]
        more[function] = max(0, len(rows) - ORGS_PER_FUNCTION)
    return result, more


def _programmes(corpus: _Corpus) -> tuple[list[ProgrammeFact], int]:
    """The programmes and projects mentioned in most documents, with their documents' themes."""
    programme_docs = corpus.programme_mentions.groupby("programme_id")["doc_id"].agg(set).to_dict()
    rows = sorted(
        (row for row in corpus.programmes.itertuples() if row.programme_id in programme_docs),
        key=lambda row: (-len(programme_docs[row.programme_id]), _text(row.name).casefold()),
    )
    facts = [
        ProgrammeFact(
            name=_text(row.name),
            kind=_text(row.kind),
            funders=_text(row.funders),
            operators=_text(row.operators),
            n_documents=len(programme_docs[row.programme_id]),
            themes=corpus.doc_themes(programme_docs[row.programme_id])[:THEMES_PER_ORG],
        )
        for row in rows[:PROGRAMMES_SHOWN]
    ]
    return facts, max(0, len(rows) - PROGRAMMES_SHOWN)


def collect(
    tables: dict[str, pd.DataFrame], info: dict, report_dir: Path, themes: Sequence[tuple[str, str, str]]
) -> ReportFacts:
    """All facts of the report; ``themes`` are the codebook's (id, label, definition) in its order."""
    labels = {theme_id: label for theme_id, label, _ in themes}
    corpus = _Corpus(tables, info, report_dir, labels)
    theme_facts = [_theme_facts(corpus, theme_id, definition) for theme_id, _, definition in themes]
    theme_facts.sort(key=lambda t: -t.n_documents)  # stable: codebook order among equals
    organisations, more = _organisations_by_function(corpus)
    programmes, more_programmes = _programmes(corpus)
    return ReportFacts(
        overview=_overview(corpus),
        themes=theme_facts,
        period_unit="Jahr" if corpus.yearly else "Quartal",
        voices=_voices(corpus),
        organisations=organisations,
        more_organisations=more,
        programmes=programmes,
        more_programmes=more_programmes,
    )
