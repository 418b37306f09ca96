"""Organisation names whole and only whole, and public bodies by their structure (issue on press releases)."""

from __future__ import annotations

import pytest
from people_docs import analysed, make_doc
from spacy.tokens import Span

from pipeline.extract.people import PeopleComponent, analyse


def names(doc) -> list[str]:
    return [o.name for o in doc._.organisations]


def test_a_person_coordinated_into_an_organisation_is_cut_off_and_found():
    doc = analysed(
        "Es sprachen die Agentur für Arbeit Bergisch Gladbach und Fabienne Herrmann über das Projekt.",
        orgs=("Agentur für Arbeit Bergisch Gladbach und Fabienne Herrmann",),
        pos={"für": "ADP", "und": "CCONJ"},
    )
    assert names(doc) == ["Agentur für Arbeit Bergisch Gladbach"]
    assert [p.name for p in doc._.persons] == ["Fabienne Herrmann"]


def test_a_person_after_the_place_that_ends_an_organisation_is_cut_off():
    doc = analysed(
        "Das Bezirksamt Tempelhof-Schöneberg Elena Zavlaris lobte das Projekt.",
        orgs=("Bezirksamt Tempelhof-Schöneberg Elena Zavlaris",),
        pos={"Bezirksamt": "NOUN"},
    )
    assert names(doc) == ["Bezirksamt Tempelhof-Schöneberg"]
    assert [p.name for p in doc._.persons] == ["Elena Zavlaris"]  # „Elena“: not a German first name


def test_a_first_name_that_opens_an_organisation_stays_in_it():
    doc = analysed("Die Robert Bosch GmbH investiert.", orgs=("Robert Bosch GmbH",))
    assert (names(doc), doc._.persons) == (["Robert Bosch GmbH"], [])


def test_a_following_participle_is_no_part_of_the_name():
    doc = analysed(
        "Es ist ein vom Landesministerium für Kinder, Jugend, Familie und Gleichstellung geförderte Projekt.",
        orgs=("Landesministerium für Kinder, Jugend, Familie und Gleichstellung geförderte",),
        pos={"geförderte": "ADJ", "für": "ADP", "und": "CCONJ"},
    )
    assert names(doc) == ["Landesministerium für Kinder, Jugend, Familie und Gleichstellung"]


def test_chamber_with_zu_and_its_place():
    doc = analysed("Träger ist die IHK zu Rostock.", orgs=("IHK",), pos={"zu": "ADP", "Rostock": "PROPN"})
    assert names(doc) == ["IHK zu Rostock"]


def test_hyphenated_universities_foundations_and_districts():
    doc = analysed(
        "Die Goethe-Universität Frankfurt und die Gemeinnützige Hertie-Stiftung kooperieren mit dem "
        "Lahn-Dill-Kreis und der Justus-Liebig-Universität.",
        pos={"Frankfurt": "PROPN", "Gemeinnützige": "ADJ", "und": "CCONJ"},
    )
    assert names(doc) == [
        "Goethe-Universität Frankfurt",
        "Gemeinnützige Hertie-Stiftung",
        "Lahn-Dill-Kreis",
        "Justus-Liebig-Universität",
    ]


def test_a_body_named_after_a_person_is_no_person():
    doc = analysed(
        "Die Wolfgang Dürr Stiftung fördert das Projekt. Auch Anna Beispiel lobt es.",
        persons=("Wolfgang Dürr", "Anna Beispiel"),
    )
    assert names(doc) == ["Wolfgang Dürr Stiftung"]
    assert [p.name for p in doc._.persons] == ["Anna Beispiel"]
    assert doc._.organisations[0].org_type == "Stiftung"
    # the NER's person ends with the body's noun
    doc = analysed(
        "Forscher der Aga Khan University warnen. Auch Anna Beispiel lobt es.",
        persons=("Aga Khan University", "Anna Beispiel"),
    )
    assert (names(doc), [p.name for p in doc._.persons]) == (["Aga Khan University"], ["Anna Beispiel"])


def _with_places(text: str, places: tuple[str, ...], **annotation):
    doc = make_doc(text, **annotation)
    doc.ents = [
        Span(doc, span.start, span.end, "LOC")
        for place in places
        if (span := doc.char_span(text.index(place), text.index(place) + len(place))) is not None
    ]
    return PeopleComponent()(doc)


def test_a_district_acting_is_an_organisation_a_district_as_a_place_is_not():
    acting = _with_places("Der Kreis Unna fördert das Vorhaben.", ("Kreis Unna",))
    assert names(acting) == ["Kreis Unna"]
    place = _with_places("Das Vorhaben liegt im Kreis Wesel.", ("Kreis Wesel",))
    assert names(place) == []


def test_a_body_of_a_municipality_named_in_the_genitive():
    doc = analysed(
        "Das Jugendamt der Stadt Rostock berät. Auch das Jobcenter berät.",
        pos={"Rostock": "PROPN", "der": "DET"},
    )
    assert names(doc) == ["Jugendamt der Stadt Rostock"]  # the Jobcenter alone: whose, the text does not say


@pytest.fixture(scope="module")
def nlp():
    from pipeline.extract import add_extractors
    from pipeline.nlp import load_nlp
    from pipeline.settings import Settings

    return add_extractors(load_nlp(settings=Settings())[0])


@pytest.mark.parametrize(
    ("text", "name", "as_written"),
    [
        (
            "Träger ist das Projekt des Kolping Bildungswerkes Thüringen e.V. in Erfurt.",
            "Kolping Bildungswerk Thüringen e.V.",
            "Kolping Bildungswerkes Thüringen e.V.",
        ),
        (
            "Die Präsidentin der Deutschen Industrie- und Handelskammer sprach.",
            "Deutsche Industrie- und Handelskammer",
            "Deutschen Industrie- und Handelskammer",
        ),
        (
            "Gefördert wird es mit Mitteln des Bundesministeriums für Arbeit und Soziales.",
            "Bundesministerium für Arbeit und Soziales",
            "Bundesministeriums für Arbeit und Soziales",
        ),
    ],
)
def test_canonical_names_in_the_nominative_with_the_german_model(nlp, text, name, as_written):
    (org,) = nlp(text)._.organisations
    assert (org.name, org.mentions[0].text) == (name, as_written)


def test_an_invariant_fund_keeps_its_s(nlp):
    doc = nlp(
        "Mit Mitteln des Europäischen Sozialfonds und des Bundesministeriums für Arbeit und Soziales wird "
        "das Projekt gefördert."
    )
    (fund,) = doc._.programmes
    assert (fund.name, fund.kind) == ("Europäischer Sozialfonds", "Programm")


def test_a_source_reaches_over_the_whole_organisation_name(nlp):
    """The parser attaches „zu Rostock“ to the verb; the speaker is the organisation's whole name."""
    doc = nlp("Laut IHK zu Rostock fehlen in der Region 2.000 Fachkräfte.")
    (quote,) = doc._.quotes
    (chamber,) = doc._.organisations
    assert (quote.kind, quote.text, quote.speaker) == (
        "indirect",
        "fehlen in der Region 2.000 Fachkräfte",
        "IHK zu Rostock",
    )
    assert (quote.speaker_type, quote.org_local_id, chamber.name) == ("organisation", 0, "IHK zu Rostock")


GENDERS = {"Betriebe": "Masc", "Kräfte": "Fem", "Kirche": "Fem", "Wähler": "Masc"}


def org_names(text: str, org: str, **annotation) -> list[str]:
    adjective = org.split()[0]
    organisations = analyse(make_doc(text, orgs=(org,), pos={adjective: "ADJ"}, **annotation), GENDERS)[1]
    return [o.name for o in organisations]


def test_a_description_opening_a_sentence_is_no_organisation():
    """The adjective is capitalised only by its place; the nouns are plural common nouns of the lexicon
    (tagged plural, or masculine after a strong adjective in -e)."""
    assert org_names("Kleine Betriebe profitieren besonders vom Projekt.", "Kleine Betriebe") == []
    text = "Das Projekt endet.\nWeibliche Nachwuchskräfte lernen voneinander."
    org = "Weibliche Nachwuchskräfte"
    assert org_names(text, org, morph={"Nachwuchskräfte": "Number=Plur"}) == []
    assert org_names(text, org) == [org]  # a feminine noun after -e may be singular


def test_a_singular_head_or_a_known_name_of_that_shape_stays_an_organisation():
    assert org_names("Evangelische Kirche lädt ein.", "Evangelische Kirche") == ["Evangelische Kirche"]
    text = "Freie Wähler fordern mehr Geld."
    assert org_names(text, "Freie Wähler", morph={"Wähler": "Number=Plur"}) == ["Freie Wähler"]
    text = "Es sprachen Kleine Betriebe GmbH und andere."
    assert org_names(text, "Kleine Betriebe GmbH") == ["Kleine Betriebe GmbH"]  # not at a sentence start


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # an article after „und“ opens the second of two organisations
        (
            "Die Grüne Jugend und der Bundesvorstand der Grünen kritisierten das.",
            "Grüne Jugend und der Bundesvorstand der Grünen",
            [
                "Grüne Jugend",
                "Bundesvorstand der Grünen",
                "Grünen",
            ],  # the party too: see test_people_organisations
        ),
        # a name does not run over a colon (a headline)
        (
            "Internationaler Gerichtshof: Massaker von Srebrenica war Völkermord.",
            "Internationaler Gerichtshof: Massaker von",
            ["Internationaler Gerichtshof"],
        ),
        # a role noun before the organisation in the genitive is no part of its name
        (
            "Er sprach mit dem Dekan der Philosophischen Fakultät.",
            "Dekan der Philosophischen Fakultät",
            ["Philosophischen Fakultät"],
        ),
        # two clubs of a fixture, a dash between spaces
        ("Es spielten FC Porto - FC Arsenal gestern.", "FC Porto - FC Arsenal", ["FC Porto", "FC Arsenal"]),
        # a classifying noun before the name („-tochter“, „-konkurrent“)
        (
            "Die Airbustochter Premium Aerotec GmbH baut.",
            "Airbustochter Premium Aerotec GmbH",
            ["Premium Aerotec GmbH"],
        ),
        # a phrase about something of someone's is no part of the name
        (
            "Er kritisierte die Europäische Kommission für deren Vorgehen.",
            "Europäische Kommission für deren Vorgehen",
            ["Europäische Kommission"],
        ),
    ],
)
def test_an_organisation_the_ner_ran_too_long_is_cut_to_its_name(text, span, expected):
    doc = analysed(
        text,
        orgs=(span,),
        pos={
            "Internationaler": "ADJ",
            "Philosophischen": "ADJ",
            "Grüne": "ADJ",
            "Europäische": "ADJ",
            "deren": "PRON",
        },
    )
    assert names(doc) == expected


def test_a_territory_named_as_a_place_is_no_organisation_unless_the_text_makes_it_a_body():
    """„im Landkreis Diepholz“ says where, „der südungarischen Stadt Mohács“ describes a place; the
    Stadt Weißenfeld acting is a body, and so is a Landkreis the text lets act by its head alone."""
    place = analysed(
        "Er wohnt im Landkreis Diepholz. Die Roma der südungarischen Stadt Mohács protestieren. "
        "Die Stadt Weißenfeld zeichnet Betriebe aus.",
        orgs=("Landkreis Diepholz",),
        pos={"Diepholz": "PROPN", "südungarischen": "ADJ", "Mohács": "PROPN", "Weißenfeld": "PROPN"},
    )
    assert names(place) == ["Stadt Weißenfeld"]
    body = analysed(
        "Landkreis gründet Netzwerk. Rund jede zehnte Person im Landkreis Oberlausitz-Nord pflegt.",
        orgs=("Landkreis Oberlausitz-Nord",),
        pos={"Oberlausitz-Nord": "PROPN", "zehnte": "ADJ", "jede": "DET"},
    )
    assert names(body) == ["Landkreis Oberlausitz-Nord"]


def test_a_territory_near_which_something_is_joined_to_a_place_or_struck_is_a_place():
    """„in der Nähe der Stadt Cuzco“, „aus Bonn und dem Rhein-Sieg-Kreis“, „Betroffen sind der
    Landkreis Heilbronn und …“ name places; the Stadt Weißenfeld acting stays a body."""
    text = (
        "Es geschah in der Nähe der Stadt Cuzco. Berichte kamen aus Bonn und dem Rhein-Sieg-Kreis. "
        "Betroffen sind der Landkreis Heilbronn und der Landkreis Calw. Die Stadt Weißenfeld zeichnet aus."
    )
    doc = make_doc(
        text,
        orgs=("Stadt Cuzco", "Rhein-Sieg-Kreis", "Landkreis Heilbronn", "Landkreis Calw"),
        pos={
            "Cuzco": "PROPN",
            "Heilbronn": "PROPN",
            "Calw": "PROPN",
            "Weißenfeld": "PROPN",
            "Betroffen": "ADJ",
        },
    )
    start = text.index("Bonn")
    doc.set_ents([doc.char_span(start, start + 4, "LOC")], default="unmodified")
    assert names(PeopleComponent()(doc)) == ["Stadt Weißenfeld"]


def test_a_body_named_by_what_it_is_for_is_an_organisation_the_ner_need_not_tag():
    """„Bundesamt für Umwelt“, „Institut für nationale und religiöse Studien“, „Bielefelder Fachstelle für
    Suchtvorbeugung“ (with the place adjective); not „ein Büro für Übersetzungen“ (any such office) nor
    „sorgte die Regierung für Aufsehen“ (no body's noun of ``purpose_heads``)."""
    text = (
        "Das Bundesamt für Umwelt warnt. Das Institut für nationale und religiöse Studien forscht. "
        "Die Bielefelder Fachstelle für Suchtvorbeugung berät. Er gründete ein Büro für Übersetzungen. "
        "Damit sorgte die Regierung für Aufsehen."
    )
    doc = analysed(
        text,
        pos={"nationale": "ADJ", "religiöse": "ADJ", "Bielefelder": "PROPN", "für": "ADP", "ein": "DET"},
    )
    assert names(doc) == [
        "Bundesamt für Umwelt",
        "Institut für nationale und religiöse Studien",
        "Bielefelder Fachstelle für Suchtvorbeugung",
    ]
