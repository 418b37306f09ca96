"""Organisations: abbreviation ↔ long form, legal form, type, function, and resolution."""

from __future__ import annotations

import re

from people_docs import analysed, make_doc

from pipeline.extract.organisations import legal_form, org_type
from pipeline.extract.people import PeopleComponent, analyse, resolve_organisation

LONG = "Bundesministerium für Familie, Senioren, Frauen und Jugend"


def test_abbreviation_in_brackets_links_to_the_long_form():
    text = f"Das Programm wird vom {LONG} (BMFSFJ) gefördert. Das BMFSFJ lobte das Ministerium."
    doc = analysed(text, orgs=(LONG,))
    (org,) = doc._.organisations
    assert (org.name, org.abbreviation, org.org_type) == (LONG, "BMFSFJ", "Ministerium/Behörde")
    assert [m.text for m in org.mentions] == [LONG, "BMFSFJ", "BMFSFJ"]
    second = text.index("BMFSFJ", text.index("BMFSFJ") + 1)
    assert resolve_organisation(doc, second - 4, second + 6) is org  # „das BMFSFJ“
    ministry = text.index("Ministerium.")
    assert resolve_organisation(doc, ministry - 4, ministry + 11) is org  # „das Ministerium“


def test_known_abbreviation_alone_gets_its_long_form_and_function():
    doc = analysed("Das Projekt wurde gefördert vom BMFSFJ-logo und war ein Erfolg.")
    (org,) = doc._.organisations
    assert (org.name, org.abbreviation, org.function) == (LONG, "BMFSFJ", "Förderer")
    assert org.mentions[0].text == "BMFSFJ"


def test_legal_form_type_and_project_carrier():
    doc = analysed(
        "Projektträgerin ist die Muster Beratung GmbH. Partner ist die Stadt Bautzen.",
        orgs=("Muster Beratung GmbH", "Stadt Bautzen"),
    )
    muster, stadt = doc._.organisations
    assert (muster.legal_form, muster.org_type, muster.function) == ("GmbH", "Unternehmen", "Projektträger")
    assert (stadt.org_type, stadt.function) == ("Kommune", "Partner/Mitglied")


def test_types_from_the_name():
    assert org_type("Hochschule Bördeland") == "Hochschule/Forschung"
    assert org_type("Netzwerk Familie und Beruf") == "Netzwerk/Bündnis"
    assert org_type("IHK Mittelelbe") == "Kammer"
    assert org_type("Verband deutscher Unternehmerinnen") == "Verein/Verband"
    assert org_type("Frauen in Führung e.V.") == "Verein/Verband"
    assert legal_form("Beteiligungs- und Betriebsgesellschaft Bautzen mbH") == "mbH"


def test_ambiguous_head_noun_is_not_resolved():
    text = (
        "Das Bundesministerium der Finanzen und das Bundesministerium der Justiz prüfen. "
        "Das Ministerium schwieg."
    )
    doc = analysed(text, orgs=("Bundesministerium der Finanzen", "Bundesministerium der Justiz"))
    start = text.index("Das Ministerium")
    assert resolve_organisation(doc, start, start + 15) is None


def test_quoted_title_after_a_project_noun_is_a_programme():
    doc = analysed("Die Stadt lobte das Projekt „Digital fit im Betrieb“ sehr.")
    (programme,) = doc._.programmes
    assert (programme.name, programme.kind) == ("Digital fit im Betrieb", "Projekt")
    assert all(o.org_type != "Projekt/Programm" for o in doc._.organisations)


def test_head_noun_with_place_and_short_forms_in_one_document():
    text = (
        "Das Regionale Bündnis für Chancengleichheit Oberlausitz tagte. Das Bündnis Oberlausitz lebt. "
        "Gefördert wurde es vom Landes Sachsen-Anhalt."
    )
    doc = analysed(
        text,
        pos={
            "Regionale": "ADJ",
            "Oberlausitz": "PROPN",
            "Sachsen-Anhalt": "PROPN",
            "Chancengleichheit": "NOUN",
        },
    )
    names = sorted(o.name for o in doc._.organisations)
    assert names == ["Land Sachsen-Anhalt", "Regionale Bündnis für Chancengleichheit Oberlausitz"]
    bund = next(o for o in doc._.organisations if o.name.startswith("Regionale"))
    assert [m.text for m in bund.mentions] == [
        "Regionale Bündnis für Chancengleichheit Oberlausitz",
        "Bündnis Oberlausitz",
    ]
    land = next(o for o in doc._.organisations if o.name.startswith("Land"))
    assert (land.org_type, land.function, land.mentions[0].text) == (
        "Ministerium/Behörde",
        "Förderer",
        "Landes Sachsen-Anhalt",
    )


def test_organisation_names_are_given_in_the_nominative():
    doc = analysed(
        "Gefördert wurde es aus Mitteln des Europäischen Sozialfonds.",
        orgs=("Europäischen Sozialfonds",),
        pos={"Sozialfonds": "NOUN"},
        morph={"Sozialfonds": "Case=Gen|Gender=Masc|Number=Sing"},
    )
    (fund,) = doc._.programmes  # a fund is a programme, with the nominative name all the same
    assert (fund.name, fund.mentions[0].text) == ("Europäischer Sozialfonds", "Europäischen Sozialfonds")
    assert (fund.kind, doc._.organisations) == ("Programm", [])


def test_classifying_noun_before_a_name_is_not_part_of_it():
    doc = analysed("Das Computerunternehmen Apple stellte aus.", orgs=("Computerunternehmen Apple",))
    assert [o.name for o in doc._.organisations] == ["Apple"]


def test_the_name_after_a_classifying_noun_is_an_organisation_whatever_the_ner_tagged():
    """„die Drogeriekette Rossmann“ tagged as a person and „Autohersteller BAIC“ as a place name
    companies; a place after such a noun („Europas“) and a person with a first name („Tochter Anna
    Berg“) stay what they are."""
    text = (
        "Die Drogeriekette Rossmann und der Autohersteller BAIC wachsen. "
        "Der größte Autohersteller Europas kam. Die Tochter Anna Berg kam."
    )
    doc = make_doc(text, persons=("Rossmann", "Anna Berg"), pos={"BAIC": "PROPN", "Europas": "PROPN"})
    for word, label in (("BAIC", "LOC"), ("Europas", "LOC")):
        start = text.index(word)
        doc.set_ents([doc.char_span(start, start + len(word), label)], default="unmodified")
    doc = PeopleComponent()(doc)
    assert [o.name for o in doc._.organisations] == ["Rossmann", "BAIC"]
    assert [p.name for p in doc._.persons] == ["Anna Berg"]


def test_a_classifying_noun_read_as_adjective_and_a_name_the_ner_took_for_a_place():
    """The tagger reads a rare compound as an adjective („Drogeriekette“); a name after a classifying
    noun that the NER tagged as a place is the organisation's unless the text uses it as a place
    elsewhere („Frankreich“) or it is a genitive („Europas“)."""
    text = (
        "Betroffen sind die Drogeriekette Rossmann und die Handelskette Fressnapf. "
        "Frankreich sperrte die Fluggesellschaft Frankreich nicht. Der größte Autohersteller Europas kam."
    )
    doc = make_doc(text, persons=("Rossmann",), pos={"Drogeriekette": "ADJ", "Fressnapf": "PROPN"})
    places = [(m.start(), m.end()) for m in re.finditer(r"Fressnapf|Frankreich|Europas", text)]
    doc.set_ents([doc.char_span(s, e, "LOC") for s, e in places], default="unmodified")
    doc = PeopleComponent()(doc)
    assert [o.name for o in doc._.organisations] == ["Rossmann", "Fressnapf"]
    assert doc._.persons == []


def test_a_quoted_name_after_a_kind_of_body_or_a_role_is_an_organisation():
    """„die Firma „con energy ag““ (written in lower case), „die so genannte „EVAC-Ambulanz““, „der
    Chef der „Roma-Garde““; a quoted phrase after other nouns stays what it is."""
    text = (
        "Die Firma „con energy ag“ investiert. Das sagte der Sprecher der so genannten „EVAC-Ambulanz“. "
        "Der Chef der „Roma-Garde“ kam. Der Sprecher der „vielen Worte“ kam. "
        "Das Motto „Gemeinsam stark“ galt."
    )
    doc = analysed(text)
    assert [o.name for o in doc._.organisations] == ["con energy ag", "EVAC-Ambulanz", "Roma-Garde"]


def test_a_one_word_name_after_an_indefinite_article_is_no_organisation():
    text = "Eine Boeing flog nach Lima. Der Landtag setzte einen Untersuchungsausschuss ein. Boeing schwieg."
    doc = analysed(text, orgs=("Boeing", "Landtag", "Untersuchungsausschuss"))
    assert [(o.name, o.mentions[0].start) for o in doc._.organisations] == [
        ("Landtag", text.index("Landtag")),
        ("Boeing", text.rindex("Boeing")),
    ]


def test_a_noun_that_classifies_a_one_word_name_is_not_part_of_it():
    """„Onlineaktionshaus eBay“, „Kleinpartei Tierschutzpartei“, „Berliner Fahrgastverband IGEB“ name
    eBay, the Tierschutzpartei and IGEB; a legal form, an adjective's noun and a place stay named."""
    orgs = (
        "Onlineaktionshaus eBay",
        "Kleinpartei Tierschutzpartei",
        "Berliner Fahrgastverband IGEB",
        "Seerene GmbH",
        "Gemeinsamer Bundesausschuss",
        "Landestheater Detmold",
    )
    text = (
        "Es wurde beim Onlineaktionshaus eBay angeboten. Er ist Mitglied der Kleinpartei Tierschutzpartei. "
        "Kritik kommt vom Berliner Fahrgastverband IGEB. Die Seerene GmbH und der Gemeinsamer "
        "Bundesausschuss laden in das Landestheater Detmold."
    )
    doc = make_doc(
        text,
        orgs=orgs,
        pos={
            "Onlineaktionshaus": "NOUN",
            "Kleinpartei": "NOUN",
            "Berliner": "ADJ",
            "Fahrgastverband": "NOUN",
            "Seerene": "NOUN",
            "Gemeinsamer": "NOUN",
            "Landestheater": "NOUN",
            "Detmold": "PROPN",
        },
    )
    genders = {
        "Haus": "Neut",
        "Partei": "Fem",
        "Verband": "Masc",
        "Seerene": "Fem",
        "Samer": "Masc",
        "Theater": "Neut",
    }
    _, organisations, _, _ = analyse(doc, genders)
    assert [o.name for o in organisations] == [
        "eBay",
        "Tierschutzpartei",
        "IGEB",
        "Seerene GmbH",
        "Gemeinsamer Bundesausschuss",
        "Landestheater Detmold",
    ]


def test_a_nationality_adjective_before_a_foreign_name_is_not_part_of_it():
    text = "Die Liberianische International AirService fliegt, der Deutsche Wetterdienst warnt."
    doc = make_doc(
        text,
        orgs=("Liberianische International AirService", "Deutsche Wetterdienst"),
        pos={"Liberianische": "ADJ", "International": "X", "Deutsche": "ADJ", "Wetterdienst": "PROPN"},
    )
    _, organisations, _, _ = analyse(doc, {"Dienst": "Masc"})
    assert [o.name for o in organisations] == ["International AirService", "Deutscher Wetterdienst"]


def test_ner_organisations_cleaned_by_general_rules():
    """Line breaks end a name, lower-case adjectives and descriptors go, events and languages are no
    organisations, and a one-word name tagged NOUN counts unless the lexicon knows it as a common noun."""
    text = (
        "Stimmrechtsmitteilung\nBrenntag AG meldet. Laut der deutschen Digitalagentur Conrad Caine feiern "
        "Samsung und Allianz den Equal Pay Day und das Sauerländer Platt."
    )
    orgs = (
        "Stimmrechtsmitteilung\nBrenntag AG",
        "deutschen Digitalagentur Conrad Caine",
        "Samsung",
        "Allianz",
    )
    doc = make_doc(
        text,
        orgs=(*orgs, "Equal Pay Day", "Sauerländer Platt"),
        pos={"deutschen": "ADJ", "Digitalagentur": "NOUN"},
    )
    for word in ("Samsung", "Allianz"):
        doc[[t.text for t in doc].index(word)].pos_ = "NOUN"
    _, organisations, _, _ = analyse(doc, {"Allianz": "Fem"})
    assert [o.name for o in organisations] == ["Brenntag AG", "Conrad Caine", "Samsung"]


def test_what_only_surrounds_a_ner_organisation_is_not_part_of_it():
    """A country's kind of body before a name describes it („US-Raumfahrtbehörde NASA“, also in one
    span: „US-Institut Stratfor“) while „US-Regierung“ alone is a name; a territory in brackets after
    a place says where that lies; a score is no part of a team's name („Hamburger SV 1: 1“, but
    „Schalke 04“); a maker's name before a type written apart is a product („des Airbus A 300“)."""
    text = (
        "Die US-Raumfahrtbehörde NASA und das US-Institut Stratfor schwiegen, die US-Regierung nicht. "
        "In Hermeskeil (Kreis Trier-Saarburg) brannte es. "
        "Bochum – Hamburger SV 1: 1, Bremen – Schalke 04 2: 0. "
        "An Bord des Airbus A 300 waren 294 Menschen."
    )
    orgs = ("US-Raumfahrtbehörde", "NASA", "US-Institut Stratfor", "US-Regierung", "Hamburger SV 1")
    doc = make_doc(text, orgs=(*orgs, "Schalke 04", "Airbus"), pos={"Stratfor": "PROPN"})
    places = [
        (m.start(), m.end()) for m in re.finditer(r"Hermeskeil|Kreis Trier-Saarburg|Bochum|Bremen", text)
    ]
    doc.set_ents([doc.char_span(s, e, "LOC") for s, e in places], default="unmodified")
    _, organisations, _, _ = analyse(doc)
    assert [o.name for o in organisations] == [
        "NASA",
        "Stratfor",
        "US-Regierung",
        "Hamburger SV",
        "Schalke 04",
    ]


def test_a_building_the_ner_tags_as_an_organisation_is_none_and_a_known_name_is_one():
    text = "Vor dem Freedom Tower und im Stadion sprach der Verlag Gruner + Jahr."
    doc = analysed(text, orgs=("Freedom Tower", "Stadion", "Gruner + Jahr"))  # „Jahr“ names no body
    assert [o.name for o in doc._.organisations] == ["Gruner + Jahr"]


def test_a_disease_the_ner_tags_as_an_organisation_is_none():
    doc = analysed(
        "In Haiti breitet sich die Cholera aus, sagte die Weltgesundheitsorganisation.",
        orgs=("Cholera", "Weltgesundheitsorganisation"),
    )
    assert [o.name for o in doc._.organisations] == ["Weltgesundheitsorganisation"]


def test_name_written_with_periods_is_one_organisation():
    doc = analysed(
        "Träger ist der Verein Frauen.Wirtschaft.Oberpfalz e.V. in Regensburg.", orgs=("Oberpfalz e.V.",)
    )
    assert [o.name for o in doc._.organisations] == ["Frauen.Wirtschaft.Oberpfalz e.V."]


def test_motto_name_after_a_network_noun():
    text = "Partner ist das Netzwerk Schule trifft Wirtschaft Mittelelbe. Das Netzwerk bietet Hilfe in Halle."
    doc = analysed(text, pos={"Mittelelbe": "PROPN", "Halle": "PROPN"})
    assert [o.name for o in doc._.organisations] == ["Netzwerk Schule trifft Wirtschaft Mittelelbe"]


def test_a_known_organisation_opening_a_compound_is_mentioned_and_a_role_compound_is_no_name():
    """„SPD“ in „SPD-Vorsitzende“ and „EU“ in „EU-Beschluss“ are mentions of those organisations; the
    NER's „ARD-Korrespondent“ (a role) is not an organisation; „EU-Kommission“ stays whole; an
    adjective or adverb after the hyphen („UN-weit“) makes no compound noun that mentions a body."""
    text = (
        "Die SPD-Vorsitzende kritisierte den EU-Beschluss. Der ARD-Korrespondent berichtete. "
        "Die EU-Kommission schwieg. Der US-Präsident reiste ab. Es gilt UN-weit."
    )
    doc = analysed(text, orgs=("ARD-Korrespondent", "EU-Kommission"))
    names = {o.name: [(m.text, m.start) for m in o.mentions] for o in doc._.organisations}
    assert names == {
        "SPD": [("SPD", text.index("SPD"))],
        "EU": [("EU", text.index("EU-Beschluss"))],
        "ARD": [("ARD", text.index("ARD"))],
        "EU-Kommission": [("EU-Kommission", text.index("EU-Kommission"))],
    }


def test_a_known_name_of_several_words_or_in_a_closed_compound_before_a_role_is_mentioned():
    """„Air France“ in „Air-France-Piloten“ (the longest name wins); „Bundestag“ in
    „Bundestagsabgeordnete“ and „Kreml“ in „Kremlsprecher“, but not in „Bundestagswahl“ (an election
    is no role in the body)."""
    text = (
        "Die Air-France-Piloten und zwei Bundestagsabgeordnete warten. "
        "Der Kremlsprecher lobt die Bundestagswahl."
    )
    doc = analysed(text)
    names = {o.name: [m.text for m in o.mentions] for o in doc._.organisations}
    assert names == {"Air France": ["Air-France"], "Bundestag": ["Bundestag"], "Kreml": ["Kreml"]}


def test_known_names_keep_their_article_and_the_greens_are_a_party():
    """„Die Linke“ is the party's name (a gazetteer name keeps its article); „Grünen“, which the tagger
    may read as an adjective, is a known organisation."""
    text = "Die Fraktion „Die Linke“ und die Grünen stimmten zu."
    doc = analysed(text, orgs=("Die Linke", "Grünen"), pos={"Grünen": "ADJ"})
    assert [o.name for o in doc._.organisations] == ["Die Linke", "Grünen"]


def test_known_names_written_in_lower_case_are_organisations():
    doc = analysed(
        "Das berichtete n-tv. Die Gewerkschaft ver.di und die ödp widersprachen, meldete dpa.",
        orgs=("n-tv", "ver.di", "ödp", "dpa"),
    )
    assert [o.name for o in doc._.organisations] == ["n-tv", "ver.di", "ödp", "dpa"]
    doc = analysed("Das sagte die taz gestern.", orgs=("taz gestern",))  # not a known name as a whole
    assert doc._.organisations == []


def test_a_town_named_as_where_something_happens_is_no_organisation():
    doc = analysed(
        "In der sächsischen Stadt Leipzig errichteten Randalierer Barrikaden. "
        "Östlich der Stadt Harf kam es zu Kämpfen. Die Stadt Nürnberg beschloss das.",
        pos={
            "sächsischen": "ADJ",
            "Leipzig": "PROPN",
            "Harf": "PROPN",
            "Nürnberg": "PROPN",
            "Östlich": "ADP",
        },
    )
    assert [o.name for o in doc._.organisations] == ["Stadt Nürnberg"]


def test_a_role_noun_heading_a_name_makes_it_a_person_not_an_organisation():
    doc = analysed(
        "Der Pariser Bürgermeister lobte die Reporter ohne Grenzen.",
        orgs=("Pariser Bürgermeister", "Reporter ohne Grenzen"),
        pos={"ohne": "ADP"},
    )
    assert [o.name for o in doc._.organisations] == ["Reporter ohne Grenzen"]  # a known name stays


def test_a_name_ends_at_a_quote_or_bracket_it_does_not_pair():
    doc = analysed(
        "Er war Präsident der „Internationale der Öffentlichen Dienste“ (IÖD). Die Cubana (Triebwerk) flog.",
        orgs=("„Internationale der Öffentlichen Dienste“ (IÖD)", "Cubana (Triebwerk"),
    )
    assert [o.name for o in doc._.organisations] == ["Internationale der Öffentlichen Dienste", "Cubana"]


def test_a_part_of_a_known_organisation_without_a_name_of_its_own_also_mentions_that_organisation():
    doc = analysed(
        "Fraktion der SPD, Landesverband der Grünen und der Kreisverband der Wählerliste Halle sind dafür.",
        orgs=("Fraktion der SPD", "Landesverband der Grünen", "Kreisverband der Wählerliste Halle"),
    )
    assert sorted(o.name for o in doc._.organisations) == [
        "Fraktion der SPD",
        "Grünen",
        "Kreisverband der Wählerliste Halle",
        "Landesverband der Grünen",
        "SPD",
    ]
    spd = next(o for o in doc._.organisations if o.name == "SPD")
    assert [(m.text, doc.text[m.start : m.end]) for m in spd.mentions] == [("SPD", "SPD")]


def test_a_known_organisation_is_named_as_the_gazetteer_lists_it():
    doc = analysed("Das Rote Kreuz half im Weißen Haus.", orgs=("Rote Kreuz", "Weißen Haus"))
    assert [(o.name, o.mentions[0].text) for o in doc._.organisations] == [
        ("Rotes Kreuz", "Rote Kreuz"),
        ("Weißes Haus", "Weißen Haus"),
    ]


def test_a_maker_followed_by_a_model_names_a_product():
    """„an Bord der Boeing 737“ is a plane; „laut Reuters 900 Menschen“ and „hatte die Liberale Partei
    125 der 308 Sitze“ count, and „Schalke 04“ is the club's name."""
    doc = analysed(
        "An Bord der Boeing 737 saßen Gäste. Laut Reuters 900 Menschen. Schalke 04 gewann. "
        "Bisher hatte die Liberale Partei 125 der 308 Sitze.",
        orgs=("Boeing", "Reuters", "Schalke", "Liberale Partei"),
        pos={"737": "NUM", "900": "NUM", "Menschen": "NOUN", "04": "NUM", "125": "NUM"},
    )
    assert [o.name for o in doc._.organisations] == ["Reuters", "Schalke", "Liberale Partei"]
