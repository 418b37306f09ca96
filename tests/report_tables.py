"""Small but realistic output tables for the report and workbook tests, built through the schema.

Modelled on the seed press release (Bündnis Bautzen, 2015) plus a few documents around it, with the
awkward cases a real corpus has: a person of unknown gender, an unresolved speaker, a skipped and a
duplicate document, an undated document, and hostile text (``<script>``, Markdown, formulas).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.tables.frames import frame_for

HOSTILE_QUOTE = '<script>alert("x")</script> Wir *fördern* | [mehr](javascript:alert(1))'
FORMULA_TITLE = '=HYPERLINK("http://example.com","Klick")'

DOCUMENT_COLUMNS = (
    "doc_id",
    "source_path",
    "status",
    "title",
    "date",
    "publisher",
    "projekttraeger",
    "funder",
)
DOCUMENTS = [
    ("d1", "bautzen/abschluss.txt", "ok", "Bündnis Bautzen: gute Aussichten", "2015-09-17",
     "EAF Berlin", "EAF", "BMFSFJ"),
    ("d2", "bautzen/auftakt.html", "ok", "Auftakt im Bündnis Bautzen", "2013-03-04",
     "EAF Berlin", "EAF", "BMFSFJ"),
    ("d3", "goerlitz/mentoring.pdf", "ok", "Mentoring für Frauen in Führung", "2014-06-30",
     "Stadt Görlitz", "", ""),
    ("d4", "goerlitz/ausbildung.docx", "ok", FORMULA_TITLE, "2015-11", "Stadt Görlitz", "", ""),
    ("d5", "ohne_datum.md", "ok", "Netzwerktreffen Pflege & Beruf", "", "", "EAF", ""),
    ("d6", "kopie.txt", "duplicate", "Bündnis Bautzen: gute Aussichten", "2015-09-17", "", "", ""),
    ("d7", "englisch.txt", "skipped", "Press release", "", "", "", ""),
    ("d8", "kaputt.pdf", "failed", "", "", "", "", ""),
]  # fmt: skip

PEOPLE = [
    # person_id, name, title, gender
    ("p1", "Kristin Jentsch", "", "female"),
    ("p2", "Robert Böhmer", "Dr.", "male"),
    ("p3", "Christian Schramm", "", "male"),
    ("p4", "Kim Lehmann", "", "unknown"),
    ("p5", "Anna Beispiel", "", "female"),
]

PERSON_MENTIONS = [
    ("d1", "p1"), ("d1", "p2"), ("d1", "p3"), ("d2", "p3"), ("d2", "p1"),
    ("d3", "p5"), ("d3", "p4"), ("d4", "p4"), ("d5", "p1"),
]  # fmt: skip

ROLE_COLUMNS = ("doc_id", "person_id", "role", "role_short", "role_normalized", "role_category", "org_id")
ROLES = [
    ("d1", "p1", "Kaufmännische Leiterin", "Kaufmännische Leiterin", "Leiter/in", "Leitung/Geschäftsführung",
     "o3"),
    ("d1", "p2", "Bürgermeister für Wirtschaft, Finanzen und Soziales", "Bürgermeister", "Bürgermeister/in",
     "Politik/Verwaltungsspitze", ""),
    ("d1", "p3", "Oberbürgermeister a.D.", "Oberbürgermeister a.D.", "Oberbürgermeister/in",
     "Politik/Verwaltungsspitze", ""),
    ("d3", "p5", "Projektleiterin", "Projektleiterin", "Projektleiter/in", "Projekt/Koordination", "o1"),
]  # fmt: skip

ORGANISATIONS = [
    # org_id, name, abbreviation, org_type
    ("o1", "EAF Berlin", "EAF", "Verein/Verband"),
    ("o2", "Bundesministerium für Familie, Senioren, Frauen und Jugend", "BMFSFJ", "Ministerium/Behörde"),
    ("o3", "Beteiligungs- und Betriebsgesellschaft Bautzen mbH", "", "Unternehmen"),
    ("o4", "M’s Marketing + Kommunikation GmbH", "", "Unternehmen"),
    ("o5", "Stadt Görlitz", "", "Kommune"),
]

ORG_MENTIONS = [
    # doc_id, org_id, function
    ("d1", "o1", "Projektträger"), ("d1", "o2", "Förderer"), ("d1", "o3", "Partner/Mitglied"),
    ("d1", "o4", ""), ("d2", "o1", "Projektträger"), ("d2", "o2", "Förderer"),
    ("d3", "o5", "Projektträger"), ("d4", "o5", ""), ("d5", "o1", ""), ("d5", "o3", "Partner/Mitglied"),
]  # fmt: skip

PROGRAMMES = [
    # programme_id, name, kind, funders, operators
    ("g1", "Regionale Bündnisse für Chancengleichheit", "Programm",
     "Bundesministerium für Familie, Senioren, Frauen und Jugend", "EAF Berlin"),
    ("g2", "Fachkräfte sichern: weiter bilden und Gleichstellung fördern", "Projekt", "",
     "M’s Marketing + Kommunikation GmbH"),
    ("g3", "Nur in der Dublette", "Projekt", "", ""),
]  # fmt: skip
# doc_id, programme_id
PROGRAMME_MENTIONS = [("d1", "g1"), ("d1", "g2"), ("d2", "g1"), ("d5", "g1"), ("d6", "g3")]

QUOTE_COLUMNS = ("doc_id", "quote_id", "kind", "text", "speaker", "speaker_type", "person_id",
                 "speaker_role", "speaker_org", "speaker_confidence")  # fmt: skip
QUOTES = [
    ("d1", "q1", "mention", "Tu Gutes und sprich darüber", "", "", "", "", "", None),
    ("d1", "q2", "direct", "Eindrucksvoll im Projekt war die Netzwerkbildung – der Erfahrungsaustausch. "
     "Wir wünschen uns, dass dieses Netzwerk auch weiter bestehen bleibt", "Kristin Jentsch", "person", "p1",
     "Kaufmännische Leiterin", "Beteiligungs- und Betriebsgesellschaft Bautzen mbH", 0.81),
    ("d1", "q3", "direct", "Es müssen noch immer Blockaden abgebaut werden. Das betrifft Männer und Frauen.",
     "Schramm", "person", "p3", "Oberbürgermeister a.D.", "", 0.81),
    ("d1", "q4", "indirect", "die Zusammenarbeit im Bündnis solle weitergehen", "die Teilnehmenden", "group",
     "", "", "", 0.8),
    ("d2", "q5", "direct", HOSTILE_QUOTE, "Christian Schramm", "person", "p3", "Oberbürgermeister", "", 0.81),
    ("d3", "q6", "direct", "Mentoring öffnet Türen, die sonst verschlossen bleiben.", "Anna Beispiel",
     "person", "p5", "Projektleiterin", "EAF Berlin", 0.81),
    ("d3", "q7", "indirect", "das Programm werde fortgesetzt", "Lehmann", "person", "p4", "", "", 0.86),
    # found in ways that are often wrong on real news: the report takes them last
    ("d4", "q8", "direct", "Wir brauchen jeden Azubi.", "ein Sprecher", "person", "", "", "", 0.45),
    ("d4", "q9", "reported", "die Zahl der Azubis sei gestiegen", "die Stadt", "organisation", "", "", "",
     0.55),
]  # fmt: skip

THEMES = {
    # doc_id: assigned themes (score 0.9); every other theme of ALL_THEMES gets 0.1, not assigned
    "d1": ["netzwerk", "good_practice", "chancengleichheit", "fachkraefte", "nachwuchs_ausbildung",
           "weiterbildung", "verstetigung"],
    "d2": ["netzwerk", "chancengleichheit", "foerderung"],
    "d3": ["frauen_fuehrung", "chancengleichheit"],
    "d4": ["nachwuchs_ausbildung", "fachkraefte"],
    "d5": ["netzwerk", "vereinbarkeit"],
}  # fmt: skip
ALL_THEMES = sorted({t for ts in THEMES.values() for t in ts} | {"oeffentlichkeit"})


def _rows(columns: tuple[str, ...], rows: list[tuple]) -> list[dict]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


THIN = {("d5", "vereinbarkeit"): 0.6}  # one paragraph at a middling score: thin evidence


def make_tables() -> dict[str, pd.DataFrame]:
    """One DataFrame per output table, each through :func:`pipeline.export.frame_for`."""
    documents = [
        row | {"format": Path(row["source_path"]).suffix.lstrip(".")}
        for row in _rows(DOCUMENT_COLUMNS, DOCUMENTS)
    ]
    quotes = [
        row | {"start_char": 100 * i, "end_char": 100 * i + len(row["text"])}
        for i, row in enumerate(_rows(QUOTE_COLUMNS, QUOTES))
    ]
    themes = [
        {"doc_id": doc_id, "theme": theme, "assigned": theme in assigned,
         "score": THIN.get((doc_id, theme), 0.9) if theme in assigned else 0.1,
         "evidence": "…" if theme in assigned else "",
         "n_paragraphs": (1 if (doc_id, theme) in THIN else 2) if theme in assigned else 0}
        for doc_id, assigned in THEMES.items()
        for theme in ALL_THEMES
    ]  # fmt: skip
    person_mentions = [
        {"doc_id": d, "person_id": p, "start_char": i} for i, (d, p) in enumerate(PERSON_MENTIONS)
    ]
    org_mentions = [
        {"doc_id": d, "org_id": o, "function": f, "start_char": i} for i, (d, o, f) in enumerate(ORG_MENTIONS)
    ]
    return {
        "documents": frame_for("documents", documents),
        "people": frame_for("people", _rows(("person_id", "name", "title", "gender"), PEOPLE)),
        "person_mentions": frame_for("person_mentions", person_mentions),
        "roles": frame_for("roles", _rows(ROLE_COLUMNS, ROLES)),
        "organisations": frame_for(
            "organisations", _rows(("org_id", "name", "abbreviation", "org_type"), ORGANISATIONS)
        ),
        "org_mentions": frame_for("org_mentions", org_mentions),
        "programmes": frame_for(
            "programmes", _rows(("programme_id", "name", "kind", "funders", "operators"), PROGRAMMES)
        ),
        "programme_mentions": frame_for(
            "programme_mentions", _rows(("doc_id", "programme_id"), PROGRAMME_MENTIONS)
        ),
        "quotes": frame_for("quotes", quotes),
        "themes": frame_for("themes", themes),
    }


def make_corpus(root: Path) -> Path:
    """Source files for the documents, so the report's relative links can be checked."""
    for row in _rows(DOCUMENT_COLUMNS, DOCUMENTS):
        path = root / row["source_path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(row["title"], encoding="utf-8")
    return root
