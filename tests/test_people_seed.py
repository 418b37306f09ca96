"""The seed press release end to end: ingest, the real German model, the people component, the tables."""

from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.extract import add_extractors, extract
from pipeline.extract.people import resolve_person
from pipeline.ingest import iter_documents
from pipeline.nlp import load_nlp
from pipeline.settings import Settings
from pipeline.tables.build import tables_from_extractions

SETTINGS = Settings()
COMPANY = "Beteiligungs- und Betriebsgesellschaft Bautzen mbH"


@pytest.fixture(scope="module")
def seed() -> tuple[Document, object]:
    (document,) = iter_documents([SETTINGS.shared_dir / "seed"], SETTINGS)
    nlp, _ = load_nlp(settings=SETTINGS)
    return document, add_extractors(nlp)(document.text)


def by_name(doc):
    return {p.name: p for p in doc._.persons}


def roles_of(doc, name):
    person = by_name(doc)[name]
    return [r for r in doc._.roles if r.person_local_id == person.local_id]


def test_three_people_with_titles_and_gender(seed):
    _, doc = seed
    people = by_name(doc)
    assert set(people) == {"Kristin Jentsch", "Robert Böhmer", "Christian Schramm"}
    assert people["Robert Böhmer"].title == "Dr."
    assert people["Kristin Jentsch"].gender == "female"
    assert "role noun: Leiterin" in people["Kristin Jentsch"].gender_evidence
    assert people["Christian Schramm"].gender == people["Robert Böhmer"].gender == "male"


def test_kristin_jentsch_leads_the_company(seed):
    _, doc = seed
    (role,) = roles_of(doc, "Kristin Jentsch")
    assert (role.role_normalized, role.qualifier, role.role_category) == (
        "Leiter/in",
        "kaufmännisch",
        "Leitung/Geschäftsführung",
    )
    assert role.short == "Kaufmännische Leiterin"  # as written, for people.csv and the report
    assert doc._.organisations[role.org_local_id].name == COMPANY


def test_robert_boehmer_is_mayor_for_economy_finance_and_social_affairs(seed):
    _, doc = seed
    (role,) = roles_of(doc, "Robert Böhmer")
    assert role.role_normalized == "Bürgermeister/in"
    assert role.text == "Bürgermeister für Wirtschaft, Finanzen und Soziales"


def test_christian_schramm_former_lord_mayor_and_so_schramm(seed):
    _, doc = seed
    (role,) = roles_of(doc, "Christian Schramm")
    assert (role.role_normalized, role.qualifier) == ("Oberbürgermeister/in", "a.D.")
    assert role.short == "Oberbürgermeister a.D."
    schramm = by_name(doc)["Christian Schramm"]
    assert [m.text for m in schramm.mentions] == ["Christian Schramm", "Schramm"]
    start = doc.text.index("so Schramm") + 3
    assert resolve_person(doc, start, start + len("Schramm")) is schramm


def test_organisations_and_tables(seed):
    document, doc = seed
    names = {o.name for o in doc._.organisations}
    assert {COMPANY, "M’s Marketing + Kommunikation GmbH"} <= names
    assert "Good Practices" not in names  # „Podiumsgespräch zu Good Practices“ names a topic
    tables = tables_from_extractions([(document, extract(doc, document.doc_id))])
    assert len(tables["people"]) == 3
    roles_as_written = dict(zip(tables["people"]["name"], tables["people"]["roles"], strict=True))
    assert roles_as_written == {
        "Kristin Jentsch": "Kaufmännische Leiterin",
        "Robert Böhmer": "Bürgermeister",
        "Christian Schramm": "Oberbürgermeister a.D.",
    }
    assert set(tables["roles"]["role_normalized"]) == {
        "Leiter/in",
        "Bürgermeister/in",
        "Oberbürgermeister/in",
    }
    mentions = tables["person_mentions"]
    for row in mentions.itertuples():
        assert document.text[row.start_char : row.end_char] == row.text


def test_programmes_leave_the_organisations_with_kind_and_operator(seed):
    document, doc = seed
    tables = tables_from_extractions([(document, extract(doc, document.doc_id))])
    programmes = tables["programmes"].set_index("name")
    assert list(programmes.index) == [
        "Fachkräfte sichern: weiter bilden und Gleichstellung fördern",
        "Regionale Bündnisse für Chancengleichheit",
    ]
    project = programmes.loc["Fachkräfte sichern: weiter bilden und Gleichstellung fördern"]
    # „das Projekt „…“ (ESF-Richtlinie) …, das durch M’s Marketing + Kommunikation GmbH initiiert wird“
    assert (project["kind"], project["operators"], project["funders"]) == (
        "Projekt",
        "M’s Marketing + Kommunikation GmbH",
        "",
    )
    bundnisse = programmes.loc["Regionale Bündnisse für Chancengleichheit"]
    assert (bundnisse["kind"], bundnisse["variants"]) == (
        "Programm",
        "Regionalen Bündnisse für Chancengleichheit",
    )
    mentions = tables["programme_mentions"]
    for row in mentions.itertuples():
        assert document.text[row.start_char : row.end_char] == row.text
    organisations = set(tables["organisations"]["name"])
    assert {
        COMPANY,
        "M’s Marketing + Kommunikation GmbH",
        "Bundesministerium für Familie, Senioren, Frauen und Jugend",
        "EAF Berlin",  # the Projektträger of the header
    } <= organisations
    assert not organisations & set(programmes.index)
