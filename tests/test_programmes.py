"""Programmes and projects: kept apart from the organisations, with kind, funders and operators."""

from __future__ import annotations

from people_docs import analysed

from pipeline.document import Document
from pipeline.extract.records import DocExtraction, Mention, Organisation, Person, Programme, Role
from pipeline.tables.build import tables_from_extractions

MINISTRY = "Bundesministerium für Familie, Senioren, Frauen und Jugend"


def test_titled_programme_leaves_the_organisations_with_its_funder():
    doc = analysed(
        "Das Bundesprogramm „Stark im Beruf“ wird vom BMFSFJ gefördert. Es läuft bis 2027.",
        orgs=("BMFSFJ",),
    )
    (ministry,) = doc._.organisations
    (programme,) = doc._.programmes
    assert (ministry.name, ministry.local_id) == (MINISTRY, 0)
    assert (programme.name, programme.kind, programme.funder_ids, programme.operator_ids) == (
        "Stark im Beruf",
        "Programm",
        [0],
        [],
    )


def test_project_in_the_genitive_of_its_operator_and_a_passive_funder():
    doc = analysed(
        "Das Projekt „Digital fit im Betrieb“ der Handwerkskammer Dresden wird von der Stadt Dresden "
        "finanziert.",
        orgs=("Handwerkskammer Dresden", "Stadt Dresden"),
    )
    chamber, city = doc._.organisations
    (project,) = doc._.programmes
    assert (chamber.name, city.name) == ("Handwerkskammer Dresden", "Stadt Dresden")
    assert (project.kind, project.operator_ids, project.funder_ids) == ("Projekt", [0], [1])


def test_cue_before_the_organisation_names_the_operator():
    doc = analysed(
        "Das Modellprojekt „Pflege im Team“ wird durchgeführt von der Muster Beratung GmbH.",
        orgs=("Muster Beratung GmbH",),
    )
    (project,) = doc._.programmes
    assert (project.name, project.kind, project.operator_ids) == ("Pflege im Team", "Projekt", [0])


def test_programme_named_by_its_words_without_a_title():
    doc = analysed(
        "Auch nach Projektende der Regionalen Bündnisse für Chancengleichheit soll die Plattform bestehen.",
        orgs=("Regionalen Bündnisse für Chancengleichheit",),
        morph={"Bündnisse": "Case=Gen|Number=Plur"},
    )
    assert doc._.organisations == []
    (programme,) = doc._.programmes
    assert (programme.name, programme.kind) == ("Regionale Bündnisse für Chancengleichheit", "Programm")
    assert [m.text for m in programme.mentions] == ["Regionalen Bündnisse für Chancengleichheit"]


def test_an_organisation_in_another_sentence_is_no_party():
    doc = analysed(
        "Das Projekt „Pflege im Team“ startet im Mai. Gefördert wird auch die Muster Beratung GmbH.",
        orgs=("Muster Beratung GmbH",),
    )
    (project,) = doc._.programmes
    assert (project.funder_ids, project.operator_ids) == ([], [])


def _document(doc_id: str) -> Document:
    return Document(source_path=f"{doc_id}.txt", format="txt", text="…", doc_id=doc_id, date="2024-05-01")


def _mention(text: str, start: int = 0) -> Mention:
    return Mention(start, start + len(text), text, 0, text)


def test_tables_merge_programmes_across_documents_and_name_their_organisations():
    ministry = Organisation(
        0, MINISTRY, "BMFSFJ", org_type="Ministerium/Behörde", mentions=[_mention("BMFSFJ")]
    )
    first = DocExtraction(
        "a",
        persons=[Person(0, "Anna Beispiel", "Anna", "Beispiel", mentions=[_mention("Anna Beispiel", 74)])],
        organisations=[ministry],
        programmes=[
            Programme(0, "Europäischer Sozialfonds", "ESF", "Programm", funder_ids=[0],
                      mentions=[_mention("Europäischer Sozialfonds", 10), _mention("ESF", 40)]),
        ],
        roles=[Role(0, "Projektleiterin des ESF", 50, 73, "Projektleiter/in", programme_local_id=0)],
    )  # fmt: skip
    second = DocExtraction(
        "b",
        organisations=[Organisation(0, "BMFSFJ", mentions=[_mention("BMFSFJ")])],
        programmes=[Programme(0, "ESF", kind="Programm", operator_ids=[0], mentions=[_mention("ESF", 5)])],
    )
    tables = tables_from_extractions([(_document("a"), first), (_document("b"), second)])
    (row,) = tables["programmes"].to_dict("records")
    assert (row["name"], row["abbreviation"], row["kind"], row["n_mentions"], row["n_documents"]) == (
        "Europäischer Sozialfonds",
        "ESF",
        "Programm",
        3,
        2,
    )
    assert row["funders"] == row["operators"] == MINISTRY  # the corpus-wide name of „BMFSFJ“ in b
    mentions = tables["programme_mentions"]
    assert list(mentions["text"]) == ["Europäischer Sozialfonds", "ESF", "ESF"]
    assert set(mentions["programme_id"]) == {row["programme_id"]}
    assert list(mentions["operators"]) == ["", "", MINISTRY]
    (role,) = tables["roles"].to_dict("records")
    assert (role["programme_id"], role["programme"], role["org_id"]) == (
        row["programme_id"],
        row["name"],
        None,
    )
    assert list(tables["organisations"]["name"]) == [MINISTRY]


def test_a_programme_in_the_metadata_is_a_programme_without_offsets():
    document = Document(
        source_path="scrape.txt",
        format="scrape",
        text="…",
        doc_id="s",
        projekttraeger="EAF",
        funder="Europäischer Sozialfonds (ESF); BMFSFJ",
    )
    tables = tables_from_extractions([(document, DocExtraction("s"))])
    assert list(tables["organisations"]["name"]) == [
        "Bundesministerium für Familie, Senioren, Frauen und Jugend",
        "EAF Berlin",
    ]
    (programme,) = tables["programmes"].to_dict("records")
    assert (programme["name"], programme["abbreviation"], programme["kind"]) == (
        "Europäischer Sozialfonds",
        "ESF",
        "Programm",
    )
    (mention,) = tables["programme_mentions"].to_dict("records")
    assert (mention["text"], mention["start_char"]) == ("Europäischer Sozialfonds", None)


def test_a_later_description_of_the_project_names_its_operators():
    doc = analysed(
        "Das Projekt „Pflege im Team“ startet im Mai. Getragen wird das Projekt von der Muster Beratung "
        "GmbH und der Stadt Bautzen. Die Kampagne läuft.",
        orgs=("Muster Beratung GmbH", "Stadt Bautzen"),
    )
    (project,) = doc._.programmes
    assert [o.name for o in doc._.organisations] == ["Muster Beratung GmbH", "Stadt Bautzen"]
    assert (project.operator_ids, project.funder_ids) == ([0, 1], [])
    assert [m.text for m in project.mentions] == ["Pflege im Team"]  # a description is no mention
