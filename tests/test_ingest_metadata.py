"""Metadata in running text: bylines, funding and Projektträger statements, organisation names."""

from __future__ import annotations

import pytest

from pipeline.ingest.dates import byline_date
from pipeline.ingest.metadata import (
    byline_publisher,
    organisation_name,
    organisation_names,
    publisher_name,
    stated_fields,
)
from pipeline.ingest.scrape import read_header


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Vorgelegt von der Hochschule X, Fachbereich Technik, Staßfurt, 15. Dezember 2017", "2017-12-15"),
        ("Frauen.Wirtschaft.Oberpfalz e.V., Regensburg, 31. März 2021", "2021-03-31"),
        ("Pressemitteilung der Handwerkskammer X, Arnsberg, 05.09.2016", "2016-09-05"),
        ("Landratsamt X – Pressemitteilung Nr. 87/2018 vom 21.11.2018", "2018-11-21"),
        ("Pressemitteilung der Hochschule X vom 5. Oktober 2022", "2022-10-05"),
        # a period is not a publication date, nor is a date inside a headline
        ("Verbundprojekt „MINT“ (Laufzeit 01.01.2015 bis 31.12.2017)", ""),
        ("Laufzeit 01.01.2015 bis 31.12.2017", ""),
        ("Neue Förderrunde startet am 1. März 2024", ""),
        ("Am 3. März 2024 trafen sich die Partner in Görlitz, um Bilanz zu ziehen.", ""),
    ],
)
def test_byline_date(line, date):
    assert byline_date(line) == date


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        (
            "Pressemitteilung der Handwerkskammer Sauerland-Lenne, Arnsberg, 05.09.2016",
            "Handwerkskammer Sauerland-Lenne",
        ),
        ("Pressemitteilung der Hochschule Bördeland vom 5. Oktober 2022", "Hochschule Bördeland"),
        (
            "Landratsamt Oberlausitz-Nord – Pressemitteilung Nr. 87/2018 vom 21.11.2018",
            "Landratsamt Oberlausitz-Nord",
        ),
        (
            "Vorgelegt von der Hochschule Bördeland, Fachbereich Technik, Staßfurt, 15. Dezember 2017",
            "Hochschule Bördeland",
        ),
        ("Pressemitteilung des Landkreises Görlitz vom 3. März 2021", "Landkreis Görlitz"),
        (
            "Pressemitteilung des Bundesministeriums für Familie, Senioren, Frauen und Jugend, "
            "Berlin, 2. Mai 2019",
            "Bundesministerium für Familie, Senioren, Frauen und Jugend",
        ),
        ("Pressemitteilung vom 5. Mai 2020", ""),
        ("Pressemitteilung", ""),
        ("Die Handwerkskammer lädt zur Pressemitteilung ein.", ""),
    ],
)
def test_byline_publisher(line, publisher):
    assert byline_publisher(line) == publisher


@pytest.mark.parametrize(
    ("value", "publisher"),
    [
        ("IHK Mittelelbe Pressestelle", "IHK Mittelelbe"),
        ("Pressestelle Fachkräftenetz Vogtland", "Fachkräftenetz Vogtland"),
        ("Presse- und Öffentlichkeitsarbeit des Landkreises Görlitz", "Landkreis Görlitz"),
        ("Stadt Halle | Presse", "Stadt Halle"),
        ("Redaktion Mitteldeutsche Zeitung", "Mitteldeutsche Zeitung"),
        # nothing of a name would remain, or the word belongs to the name
        ("Presse", "Presse"),
        ("Agentur für Kommunikation", "Agentur für Kommunikation"),
        ("Kommunikation und Marketing GmbH", "Kommunikation und Marketing GmbH"),
        ("Gleichstellungsbüro Zwickau", "Gleichstellungsbüro Zwickau"),
    ],
)
def test_publisher_without_department(value, publisher):
    assert publisher_name(value) == publisher


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("des Europäischen Sozialfonds (ESF)", "Europäischer Sozialfonds (ESF)"),
        ("des Freistaats Bayern.", "Freistaat Bayern"),
        ("des Landes Sachsen-Anhalt mit insgesamt 486.000 Euro", "Land Sachsen-Anhalt"),
        ("dem Bundesministerium für Arbeit und Soziales", "Bundesministerium für Arbeit und Soziales"),
        (
            "des Bundesministeriums für Familie, Senioren, Frauen und Jugend gefördert",
            ("Bundesministerium für Familie, Senioren, Frauen und Jugend"),
        ),
        ("das Sächsische Staatsministerium für Soziales", "Sächsisches Staatsministerium für Soziales"),
        ("der Europäischen Union", "Europäische Union"),
        (
            "des Europäischen Fonds für regionale Entwicklung (EFRE)",
            "Europäischer Fonds für regionale Entwicklung (EFRE)",
        ),
        ("der Verein Frauen.Wirtschaft.Oberpfalz e.V.", "Frauen.Wirtschaft.Oberpfalz e.V."),
        (
            "das Bildungswerk der Sächsischen Wirtschaft e. V. (bsw)",
            "Bildungswerk der Sächsischen Wirtschaft e.V.",
        ),
        ("die Werkstatt für Vereinbarkeit gGmbH in Chemnitz", "Werkstatt für Vereinbarkeit gGmbH"),
        ("die Müller GmbH & Co. KG aus Plauen", "Müller GmbH & Co. KG"),
        ("die Hochschule Bördeland, Fachbereich Technik", "Hochschule Bördeland"),
        ("Landesmitteln", ""),
        ("den beteiligten Betrieben", ""),
    ],
)
def test_organisation_name_is_nominative_without_article(text, name):
    assert organisation_name(text) == name


def test_enumerations_of_names_are_split_before_articles_only():
    assert organisation_names("des Europäischen Sozialfonds (ESF) und des Freistaats Bayern.") == [
        "Europäischer Sozialfonds (ESF)",
        "Freistaat Bayern",
    ]
    assert organisation_names("dem Europäischen Sozialfonds (ESF) und Landesmitteln.") == [
        "Europäischer Sozialfonds (ESF)"
    ]
    assert organisation_names("dem Bundesministerium für Bildung und Forschung") == [
        "Bundesministerium für Bildung und Forschung"
    ]


@pytest.mark.parametrize(
    ("sentence", "fields"),
    [
        (
            "Projektträger war die Hochschule Bördeland. Gefördert wurde das Projekt aus Mitteln des "
            "Europäischen Sozialfonds (ESF) und des Landes Sachsen-Anhalt mit insgesamt 486.000 Euro.",
            {
                "projekttraeger": "Hochschule Bördeland",
                "funder": "Europäischer Sozialfonds (ESF); Land Sachsen-Anhalt",
            },
        ),
        (
            "Träger des Programms ist der Verein Frauen.Wirtschaft.Oberpfalz e.V.; gefördert wird es aus "
            "Mitteln des Europäischen Sozialfonds (ESF) und des Freistaats Bayern.",
            {
                "projekttraeger": "Frauen.Wirtschaft.Oberpfalz e.V.",
                "funder": "Europäischer Sozialfonds (ESF); Freistaat Bayern",
            },
        ),
        (
            "Das Projekt wird aus Mitteln des Europäischen Sozialfonds (ESF) und des Freistaats Bayern "
            "gefördert.",
            {"funder": "Europäischer Sozialfonds (ESF); Freistaat Bayern"},
        ),
        (
            "Gefördert wird das Vorhaben vom Bundesministerium für Bildung und Forschung.",
            {"funder": "Bundesministerium für Bildung und Forschung"},
        ),
        (
            "Das Programm, das vom Bundesministerium für Familie, Senioren, Frauen und Jugend gefördert "
            "wird, läuft aus.",
            {"funder": "Bundesministerium für Familie, Senioren, Frauen und Jugend"},
        ),
        (
            "Für das Programm stehen 24 Millionen Euro aus dem Europäischen Sozialfonds (ESF) und aus "
            "Bundesmitteln zur Verfügung.",
            {"funder": "Europäischer Sozialfonds (ESF)"},
        ),
        (
            "Das Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ) fördert ab Oktober 20 "
            "Regionen. Das BMFSFJ fördert außerdem die Begleitforschung.",
            {"funder": "Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ)"},
        ),
        (
            "Die Robert Bosch Stiftung fördert das Vorhaben mit 50.000 Euro.",
            {"funder": "Robert Bosch Stiftung"},
        ),
        # not a funding statement: own money, promotion at work, a programme promoting people
        ("Die Kampagne wird aus Mitteln der IHK finanziert.", {}),
        ("Männer werden befördert, weil man ihnen etwas zutraut.", {}),
        ("Das Mentoring fördert Frauen in Führung.", {}),
        ("Die Teilnehmenden wurden von ihren Betrieben gefördert.", {}),
        ("Jede Region wird von einer regionalen Projektträgerin koordiniert.", {}),
    ],
)
def test_stated_projekttraeger_and_funder(sentence, fields):
    assert stated_fields([sentence]) == fields


def test_header_metadata_lines_win_over_statements_and_bylines_are_not_titles():
    header = read_header(
        [
            "Landratsamt Oberlausitz-Nord – Pressemitteilung Nr. 87/2018 vom 21.11.2018",
            "Netzwerk „Pflege & Beruf“ gegründet",
            "Gefördert vom BMFSFJ",
            "Das Netzwerk wird außerdem vom Freistaat Sachsen gefördert.",
        ],
        drop_furniture=False,
    )
    assert header.title == "Netzwerk „Pflege & Beruf“ gegründet"
    assert header.date == "2018-11-21"
    assert header.fields == {"publisher": "Landratsamt Oberlausitz-Nord", "funder": "BMFSFJ"}


def test_cue_word_starting_a_sentence_does_not_swallow_the_next_paragraph():
    header = read_header(["Projektträger war die Hochschule X.", "Werkstatt"], drop_furniture=False)
    assert header.fields == {"projekttraeger": "Hochschule X"}
