"""Role constructions of German press releases, each on a hand-annotated Doc (one on the loaded model,
where the tagger's reading is the point)."""

from __future__ import annotations

import pytest
from people_docs import analysed, make_doc, roles_by_name

from pipeline.extract import add_extractors
from pipeline.extract.roles import match_role_noun
from pipeline.nlp import load_nlp

ORG = "Beteiligungs- und Betriebsgesellschaft Bautzen mbH"


def only_role(doc, name):
    roles = roles_by_name(doc)[name]
    assert len(roles) == 1, roles
    return roles[0]


def test_apposition_whose_article_the_tagger_read_as_a_relative_pronoun():
    pos = {"der": "PRON", "frühere": "ADJ", "früheren": "ADJ", "den": "DET"}
    doc = analysed("Murat Günak, der frühere Vizepräsident von VW, kam.", persons=("Murat Günak",), pos=pos)
    assert only_role(doc, "Murat Günak").text == "frühere Vizepräsident von VW"
    doc = analysed(
        "Sven Thomas, der den früheren Chef Klaus Esser verteidigte, kam.",
        persons=("Sven Thomas", "Klaus Esser"),
        pos=pos,
    )
    assert [r.short for r in roles_by_name(doc).get("Sven Thomas", [])] == []


def test_apposition_after_the_name_with_qualifier_and_organisation():
    doc = analysed(
        f"Das sagte Kristin Jentsch, Kaufmännische Leiterin der {ORG}, am Montag.",
        persons=("Kristin Jentsch",),
        orgs=(ORG,),
        pos={"Kaufmännische": "ADJ"},
    )
    role = only_role(doc, "Kristin Jentsch")
    assert role.role_normalized == "Leiter/in"
    assert role.qualifier == "kaufmännisch"
    assert role.role_category == "Leitung/Geschäftsführung"
    assert role.construction == "apposition"
    assert role.text == f"Kaufmännische Leiterin der {ORG}"
    assert doc._.organisations[role.org_local_id].name == ORG
    assert doc._.persons[0].gender == "female"


def test_prenominal_role_with_portfolio_and_title():
    doc = analysed(
        "Und auch der neue Bürgermeister für Wirtschaft, Finanzen und Soziales Dr. Robert Böhmer sprach.",
        persons=("Robert Böhmer",),
        pos={"neue": "ADJ"},
    )
    role = only_role(doc, "Robert Böhmer")
    assert role.role_normalized == "Bürgermeister/in"
    assert role.text == "Bürgermeister für Wirtschaft, Finanzen und Soziales"  # without „neue“
    assert role.qualifier == ""  # „neu“ says nothing about the role
    assert role.role_category == "Politik/Verwaltungsspitze"
    assert role.construction == "prenominal"
    assert doc._.persons[0].title == "Dr."


def test_prenominal_role_with_a_d():
    doc = analysed("Oberbürgermeister a.D. Christian Schramm sprach.", persons=("Christian Schramm",))
    role = only_role(doc, "Christian Schramm")
    assert (role.role_normalized, role.qualifier) == ("Oberbürgermeister/in", "a.D.")


def test_compound_role_noun_before_the_name():
    doc = analysed("Projektleiterin Anna Beispiel stellte das Projekt vor.", persons=("Anna Beispiel",))
    role = only_role(doc, "Anna Beispiel")
    assert role.role_normalized == "Projektleiter/in"
    assert role.role_category == "Projekt/Koordination"
    assert "role noun: Projektleiterin" in doc._.persons[0].gender_evidence


@pytest.mark.parametrize("suffix", ["a.D.", "i.R."])
def test_apposition_with_a_d_or_i_r_after_the_name(suffix):
    doc = analysed(f"Christian Schramm, Oberbürgermeister {suffix}, sprach.", persons=("Christian Schramm",))
    role = only_role(doc, "Christian Schramm")
    assert (role.role_normalized, role.qualifier, role.construction) == (
        "Oberbürgermeister/in",
        suffix,
        "apposition",
    )


def test_als_in_a_relative_clause():
    doc = analysed(
        "Eröffnet hat Anna Beispiel, die als Gleichstellungsbeauftragte tätig ist, die Tagung.",
        persons=("Anna Beispiel",),
        pos={"die": "PRON", "tätig": "ADJ"},
    )
    role = only_role(doc, "Anna Beispiel")
    assert (role.role_normalized, role.construction) == ("Gleichstellungsbeauftragte/r", "als")
    assert role.role_category == "Gleichstellung/Beauftragte"


def test_role_with_von_and_organisation():
    doc = analysed(
        "Max Müller, Geschäftsführer von der Muster GmbH, lobte das Netzwerk.",
        persons=("Max Müller",),
        orgs=("Muster GmbH",),
    )
    role = only_role(doc, "Max Müller")
    assert role.role_normalized == "Geschäftsführer/in"
    assert role.org_text == "Muster GmbH"


def test_role_with_genitive_organisation_in_relative_clause():
    doc = analysed(
        "Das sagte Dr. Maria Hoffmann, die seit 2021 Präsidentin der IHK Mittelelbe ist.",
        persons=("Maria Hoffmann",),
        orgs=("IHK Mittelelbe",),
        pos={"die": "PRON", "seit": "ADP", "2021": "NUM"},
    )
    role = only_role(doc, "Maria Hoffmann")
    assert (role.role_normalized, role.org_text, role.construction) == (
        "Präsident/in",
        "IHK Mittelelbe",
        "relative",
    )


def test_predicative_role():
    doc = analysed(
        "Anna Beispiel ist Projektkoordinatorin bei der Muster GmbH.",
        persons=("Anna Beispiel",),
        orgs=("Muster GmbH",),
    )
    role = only_role(doc, "Anna Beispiel")
    assert (role.role_normalized, role.org_text, role.construction) == (
        "Projektkoordinator/in",
        "Muster GmbH",
        "predicative",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Anna Beispiel, die lachte, wurde zur Geschäftsführerin gewählt.",
        "Anna Beispiel, die nach der Wahl in Halle nur knapp verlor und ihre Kandidatur zurückzog, ist nun "
        "Geschäftsführerin der Muster GmbH.",
    ],
)
def test_predicative_role_past_a_relative_clause(text):
    pos = {"die": "PRON", "ist": "AUX", "nun": "ADV"}
    doc = analysed(text, persons=("Anna Beispiel",), orgs=("Muster GmbH",), pos=pos)
    assert [r.role_normalized for r in roles_by_name(doc)["Anna Beispiel"]] == ["Geschäftsführer/in"]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Projektleiterin ist Anna Beispiel.", ["Projektleiterin"]),
        ("Die Ansprechpartnerin für Fragen zum Projekt ist Anna Beispiel.", ["Ansprechpartnerin"]),
        ("Vizekanzlerin wird Außenministerin Anna Beispiel.", ["Außenministerin", "Vizekanzlerin"]),
        ("Mit der Projektleiterin ist Anna Beispiel zufrieden.", []),  # the phrase opens no clause
        ("Die Projektleiterin sagte, es ist Anna Beispiel.", []),  # no role phrase before the copula
    ],
)
def test_a_role_phrase_opening_the_clause_before_a_copula_and_the_name(text, roles):
    pos = {"ist": "AUX", "wird": "AUX", "es": "PRON", "zufrieden": "ADJ", "sagte": "VERB"}
    doc = analysed(text, persons=("Anna Beispiel",), pos=pos)
    assert sorted(r.short for r in roles_by_name(doc).get("Anna Beispiel", [])) == roles


def test_predicative_role_after_an_inverted_copula():
    doc = analysed(
        "Seit 2005 ist Anna Beispiel Projektkoordinatorin bei der Muster GmbH.",
        persons=("Anna Beispiel",),
        orgs=("Muster GmbH",),
        pos={"ist": "AUX"},
    )
    role = only_role(doc, "Anna Beispiel")
    assert (role.role_normalized, role.construction) == ("Projektkoordinator/in", "predicative")
    doc = analysed(
        "Morgen wird Anna Beispiel die Rede halten.", persons=("Anna Beispiel",), pos={"wird": "AUX"}
    )
    assert roles_by_name(doc) == {}


def test_predicative_role_after_an_adverbial():
    doc = analysed(
        "Anna Beispiel ist seit 2019 Geschäftsführerin der Muster GmbH.",
        persons=("Anna Beispiel",),
        orgs=("Muster GmbH",),
        pos={"seit": "ADP", "2019": "NUM"},
    )
    role = only_role(doc, "Anna Beispiel")
    assert (role.role_normalized, role.org_text, role.construction) == (
        "Geschäftsführer/in",
        "Muster GmbH",
        "predicative",
    )
    doc = analysed(
        "Anna Beispiel ist inzwischen Projektleiterin.", persons=("Anna Beispiel",), pos={"inzwischen": "ADV"}
    )
    assert only_role(doc, "Anna Beispiel").role_normalized == "Projektleiter/in"


@pytest.mark.parametrize(
    "text",
    [
        "Anna Beispiel wurde 2019 Geschäftsführerin der Muster GmbH.",
        "Anna Beispiel wurde zur Geschäftsführerin der Muster GmbH gewählt.",
        "Anna Beispiel (45) wurde zur Geschäftsführerin der Muster GmbH gewählt.",
        "Anna Beispiel, 45, wurde zur Geschäftsführerin der Muster GmbH gewählt.",
        "Anna Beispiel (45), Ingenieurin aus Halle, wurde zur Geschäftsführerin der Muster GmbH gewählt.",
        "Anna Beispiel wurde zu ihrer Geschäftsführerin der Muster GmbH gewählt.",
    ],
)
def test_predicative_role_of_werden_after_a_year_or_with_zum(text):
    doc = analysed(
        text,
        persons=("Anna Beispiel",),
        orgs=("Muster GmbH",),
        pos={"wurde": "AUX", "2019": "NUM", "45": "NUM", "ihrer": "DET"},
    )
    role = roles_by_name(doc)["Anna Beispiel"][-1]  # past an age and an aside („Ingenieurin aus Halle“)
    assert (role.role_normalized, role.org_text) == ("Geschäftsführer/in", "Muster GmbH")
    doc = analysed(
        "Anna Beispiel, so hieß es, wurde zur Geschäftsführerin gewählt.", persons=("Anna Beispiel",)
    )
    assert roles_by_name(doc) == {}  # an aside with a verb is a clause of its own
    doc = analysed("Anna Beispiel ist zur Geschäftsführerin gegangen.", persons=("Anna Beispiel",))
    assert roles_by_name(doc) == {}  # „zur“ after „sein“ is a direction, no role


@pytest.mark.parametrize(
    "text",
    [
        "Anna Beispiel ist seit Jahren mit dem Minister befreundet.",  # the role noun is the phrase's own
        "Anna Beispiel ist nicht Projektleiterin.",
        "Anna Beispiel ist keine Projektleiterin.",
    ],
)
def test_no_predicative_role_inside_a_phrase_or_negated(text):
    doc = analysed(text, persons=("Anna Beispiel",), pos={"seit": "ADP", "nicht": "ADV", "keine": "DET"})
    assert roles_by_name(doc) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Das sagte Anna Beispiel, seit 2019 Projektleiterin, am Montag.",
        "Das sagte Anna Beispiel – inzwischen Projektleiterin – am Montag.",
        "Das sagte Anna Beispiel, ehemals Projektleiterin, am Montag.",  # tagged SCONJ by the model
    ],
)
def test_apposition_past_an_adverbial_or_between_dashes(text):
    pos = {"seit": "ADP", "2019": "NUM", "inzwischen": "ADV", "ehemals": "SCONJ"}
    doc = analysed(text, persons=("Anna Beispiel",), pos=pos)
    role = only_role(doc, "Anna Beispiel")
    assert (role.role_normalized, role.construction) == ("Projektleiter/in", "apposition")


def test_apposition_after_a_party_in_brackets():
    doc = analysed(
        "Das sagte Anna Beispiel (SPD), amtierende Bürgermeisterin der Stadt Musterhausen, am Montag.",
        persons=("Anna Beispiel",),
        pos={"SPD": "PROPN", "amtierende": "ADJ"},
    )
    role = only_role(doc, "Anna Beispiel")
    assert (role.role_normalized, role.qualifier, role.construction) == ("Bürgermeister/in", "", "apposition")


def test_role_before_a_name_in_brackets():
    doc = analysed(
        "Danach hat der Bundespräsident (Horst Köhler) drei Wochen Zeit.", persons=("Horst Köhler",)
    )
    assert [r.role_normalized for r in roles_by_name(doc)["Horst Köhler"]] == ["Bundespräsident/in"]


def test_role_with_a_country_in_the_genitive_or_an_abbreviation_before_the_name():
    from spacy.tokens import Span

    from pipeline.extract.people import PeopleComponent

    text = "Das bestätigte der Präsident Indonesiens, Susilo Yudhoyono."
    doc = make_doc(text, persons=("Susilo Yudhoyono",))
    doc.ents = [*doc.ents, Span(doc, 4, 5, "LOC")]
    role = only_role(PeopleComponent()(doc), "Susilo Yudhoyono")
    assert (role.text, role.role_normalized) == ("Präsident Indonesiens", "Präsident/in")
    doc = analysed(
        "Der Kommissionspräsident der Afrikanischen Union (AU), Alpha Konaré, nannte es einen Putsch.",
        persons=("Alpha Konaré",),
        orgs=("Afrikanischen Union",),
        pos={"Afrikanischen": "ADJ"},
    )
    role = only_role(doc, "Alpha Konaré")
    assert (role.text, role.org_text) == (
        "Kommissionspräsident der Afrikanischen Union (AU)",
        "Afrikanische Union",  # the organisation's name, as the gazetteer lists it
    )


def test_apposition_with_a_name_in_the_genitive_before_the_role_noun():
    doc = analysed(
        "Auch Winfried Hassemer, Papiers Stellvertreter, glaubt das.", persons=("Winfried Hassemer",)
    )
    assert only_role(doc, "Winfried Hassemer").role_normalized == "Stellvertreter/in"
    text = "Angela Merkel kam. Ulrich Wilhelm, Merkels Sprecher, sagte das."
    doc = analysed(text, persons=("Angela Merkel", "Ulrich Wilhelm", "Merkels"))
    assert only_role(doc, "Ulrich Wilhelm").role_normalized == "Sprecher/in"
    assert "Angela Merkel" not in roles_by_name(doc)


def test_relative_pronoun_is_no_organisation_complement():
    doc = analysed(
        "„Gut“, so Christian Schramm, Oberbürgermeister a.D., der das Projekt begleitete.",
        persons=("Christian Schramm",),
        pos={"der": "PRON"},
    )
    assert only_role(doc, "Christian Schramm").text == "Oberbürgermeister a.D."


@pytest.mark.parametrize(
    "word", ["Leiter*in", "Leiter:in", "Leiter_in", "LeiterIn", "Leiter/-in", "Leiter/in"]
)
def test_gender_fair_forms_normalise_to_one_role_without_gender(word):
    noun = match_role_noun(word)
    assert (noun.normalized, noun.gender, noun.category) == ("Leiter/in", "", "Leitung/Geschäftsführung")


@pytest.mark.parametrize(
    ("feminine", "masculine", "normalized"),
    [
        ("Leiterin", "Leiter", "Leiter/in"),
        ("Bürgermeisterin", "Bürgermeister", "Bürgermeister/in"),
        ("Landrätin", "Landrat", "Landrat/in"),
        ("Geschäftsführerin", "Geschäftsführers", "Geschäftsführer/in"),
        ("Gleichstellungsbeauftragte", "Gleichstellungsbeauftragter", "Gleichstellungsbeauftragte/r"),
    ],
)
def test_feminine_and_masculine_forms_are_the_same_role(feminine, masculine, normalized):
    f, m = match_role_noun(feminine), match_role_noun(masculine)
    assert f.normalized == m.normalized == normalized
    assert m.gender == "male"
    assert f.gender in ("female", "")  # „Gleichstellungsbeauftragte“ is decided by its article


@pytest.mark.parametrize(
    ("word", "normalized"),
    [
        ("Radprofis", "Radprofi/in"),
        ("Biologin", "Biologe/-in"),
        ("Geschäftsfrau", "Geschäftsmann/-frau"),
        ("Angeklagten", "Angeklagte/r"),
        ("Putschisten", "Putschist/in"),
        ("Topmodel", "Topmodel"),
        ("Virologin", "Virologe/-in"),
        ("Hauptbelastungszeugin", "Hauptbelastungszeuge/-in"),
        ("Staatssekretärin", "Staatssekretär/in"),
        ("Amtskollegen", "Amtskollege/-in"),
        ("NS-Scherge", "Scherge/-in"),
        ("Entwicklungshelfers", "Entwicklungshelfer/in"),
        ("Landesrätin", "Landesrat/in"),
        ("Chairwoman", "Chairman/-woman"),
    ],
)
def test_occupations_news_names_people_by(word, normalized):
    assert match_role_noun(word).normalized == normalized


def test_pair_written_with_slash_is_one_gender_fair_role():
    noun = match_role_noun("Leiterin/Leiter")
    assert (noun.normalized, noun.gender) == ("Leiter/in", "")


def test_a_feminine_form_given_in_the_lexicon_normalises_to_the_entrys_norm():
    assert match_role_noun("Gynäkologin").normalized == "Gynäkologe/-in"
    assert match_role_noun("Commander").normalized == "Commander/in"


def test_words_that_only_end_like_a_role_are_no_role():
    assert match_role_noun("Wegbegleiter") is None
    assert match_role_noun("leiter") is None
    assert match_role_noun("Reiseführer") is None
    assert match_role_noun("Vorläufer") is None  # not a runner
    assert match_role_noun("Weltmarktführer") is None and match_role_noun("Tabellenführer") is None
    assert match_role_noun("Richterin").normalized == "Richter/in"
    assert match_role_noun("Flugzeuge") is None and match_role_noun("Koch") is None
    assert match_role_noun("Oppositionsführer").normalized == "Oppositionsführer/in"


def test_gender_fair_form_split_by_the_tokenizer_is_found_before_a_name():
    doc = analysed("Projektleiter:in Eike Sommer stellte das Projekt vor.", persons=("Eike Sommer",))
    role = only_role(doc, "Eike Sommer")
    assert role.role_normalized == "Projektleiter/in"
    assert doc._.persons[0].gender == "unknown"


def test_plural_role_nouns_are_shared_by_joined_names_never_one_persons_role():
    assert match_role_noun("Vertreter/innen").plural and match_role_noun("Leiterinnen").plural
    for text in ("Die Vertreter/innen Anna Beispiel kamen.", "Die Vertreterinnen kamen mit Anna Beispiel."):
        assert analysed(text, persons=("Anna Beispiel",))._.roles == []
    joined = ("Anna Beispiel", "Eike Sommer", "Jens Krüger")
    doc = analysed("Die Vertreter/innen Anna Beispiel, Eike Sommer und Jens Krüger kamen.", persons=joined)
    assert [(name, [r.role_normalized for r in roles]) for name, roles in roles_by_name(doc).items()] == [
        (name, ["Vertreter/in"]) for name in joined
    ]


@pytest.mark.parametrize(
    ("text", "genders"),
    [
        # a feminine plural states the gender of each; a masculine one is generic
        ("Die Projektleiterinnen Andrea Beispiel und Eike Sommer stellten es vor.", ["female", "female"]),
        ("Die Geschäftsführer Andrea Beispiel und Eike Sommer stellten es vor.", ["female", "unknown"]),
        # an age or a party in brackets after a name does not end the list
        (
            "Die Projektleiterinnen Andrea Beispiel (46) und Eike Sommer (CDU) stellten es vor.",
            ["female", "female"],
        ),
    ],
)
def test_a_plural_role_before_joined_names_is_each_ones_role(text, genders):
    doc = analysed(text, persons=("Andrea Beispiel", "Eike Sommer"))
    assert [len(roles) for roles in roles_by_name(doc).values()] == [1, 1]
    assert [p.gender for p in doc._.persons] == genders


def test_als_after_an_organisation_describes_the_organisation():
    doc = analysed(
        "Anna Beispiel dankte der Muster GmbH als Projektträgerin.",
        persons=("Anna Beispiel",),
        orgs=("Muster GmbH",),
    )
    assert doc._.roles == []


def test_als_after_a_party_in_brackets_after_the_name_is_the_persons_role():
    doc = analysed(
        "Sie lobte den Amtsantritt von Angela Merkel (CDU) als Bundeskanzlerin.",
        persons=("Angela Merkel",),
        orgs=("CDU",),
    )
    assert [(r.text, r.construction) for r in doc._.roles] == [("Bundeskanzlerin", "als")]


def test_hyphenated_prefix_names_the_organisation_not_the_role():
    assert match_role_noun("IHK-Präsident").normalized == "Präsident/in"
    assert match_role_noun("Tischlermeisterin").normalized == "Tischlermeister/in"
    assert match_role_noun("Gastgeberin") is None  # an event function, no role


def test_coordinated_roles_in_one_apposition():
    doc = analysed(
        "Das sagte Maria Hoffmann, Geschäftsführerin der Muster GmbH und Vizepräsidentin der IHK Mittelelbe.",
        persons=("Maria Hoffmann",),
        orgs=("Muster GmbH", "IHK Mittelelbe"),
    )
    roles = roles_by_name(doc)["Maria Hoffmann"]
    assert [(r.role_normalized, r.org_text) for r in roles] == [
        ("Geschäftsführer/in", "Muster GmbH"),
        ("Vizepräsident/in", "IHK Mittelelbe"),
    ]


def test_stacked_roles_before_the_name():
    doc = analysed("Sein Ausbilder, Elektromeister Jürgen Falk, ist überzeugt.", persons=("Jürgen Falk",))
    assert sorted(r.role_normalized for r in roles_by_name(doc)["Jürgen Falk"]) == [
        "Ausbilder/in",
        "Elektromeister/in",
    ]


@pytest.mark.parametrize(
    ("text", "orgs", "phrase"),
    [
        (
            "Der Vorsitzende der Gewerkschaft ver.di, Nachfolgeorganisation der ÖTV, Frank Bsirske, sprach.",
            ("ver.di", "ÖTV"),
            "Vorsitzende der Gewerkschaft ver.di",
        ),
        (
            "Seitdem der Präsident der größten Fraktion CSV (Chrëschtlech Sozial Vollekspartei), Frank "
            "Bsirske, sprach.",
            ("CSV", "Chrëschtlech Sozial Vollekspartei"),
            "Präsident der größten Fraktion CSV",
        ),
        (  # indefinite, as news writes it („Ein Sprecher der Polizei, Lars Beringer, sagte“)
            "Ein Vorsitzender der Gewerkschaft ver.di, Nachfolgeorganisation der ÖTV, Frank Bsirske, sprach.",
            ("ver.di", "ÖTV"),
            "Vorsitzender der Gewerkschaft ver.di",
        ),
        (  # a quoted title counts as one word, its commas included
            "Der ehemalige Chef der Gewerkschaft „Öffentliche Dienste, Transport und Verkehr“ (ÖTV), Frank "
            "Bsirske, ist tot.",
            ("ÖTV",),
            "ehemalige Chef der Gewerkschaft",
        ),
    ],
)
def test_a_definite_role_phrase_set_off_by_a_comma_before_the_name(text, orgs, phrase):
    doc = analysed(text, persons=("Frank Bsirske",), orgs=orgs, pos={"größten": "ADJ", "Seitdem": "ADV"})
    role = only_role(doc, "Frank Bsirske")
    assert (role.text, role.construction) == (phrase, "prenominal")


@pytest.mark.parametrize(
    "text",
    [
        "Der Vorsitzende sprach heute, Frank Bsirske, sei zurückgetreten.",  # a verb between
        # the name not closed; an indefinite phrase that is no subject („ein“, „eine“) may open a list
        "Der Vorsitzende der Gewerkschaft ver.di, Nachfolgeorganisation der ÖTV, Frank Bsirske und Co.",
        "Mit einem Vorsitzenden der Gewerkschaft ver.di, Nachfolger der ÖTV, Frank Bsirske, sprach er.",
    ],
)
def test_no_role_from_a_phrase_before_a_comma_that_does_not_introduce_the_name(text):
    doc = analysed(text, persons=("Frank Bsirske",), orgs=("ver.di", "ÖTV"))
    assert doc._.roles == []


ER = {"Er": "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs", "er": "Case=Nom|Number=Sing|Person=3"}


@pytest.mark.parametrize(
    ("text", "phrase", "construction"),
    [
        (
            "Heiko Maas kam. Er ist seit 2013 Bundesminister der Justiz.",
            "Bundesminister der Justiz",
            "predicative",
        ),
        ("Heiko Maas kam. Seit 2013 ist er Bundesminister.", "Bundesminister", "predicative"),
        ("Heiko Maas ist tot. Insgesamt trat er als Solist auf.", "Solist", "als"),
        ("Heiko Maas ist tot. Als Spitzenkandidat holte er 2008 viele Stimmen.", "Spitzenkandidat", "als"),
        # through a pronoun of a sentence that names no one
        (
            "Heiko Maas kam. Er wird dem linken Flügel zugerechnet. Er ist seit 2013 Bundesminister.",
            "Bundesminister",
            "predicative",
        ),
    ],
)
def test_a_role_of_a_pronoun_is_the_role_of_the_one_person_it_refers_to(text, phrase, construction):
    pos = {
        "Er": "PRON",
        "Seit": "ADP",
        "seit": "ADP",
        "2013": "NUM",
        "Insgesamt": "ADV",
        "tot": "ADJ",
        "er": "PRON",
    }
    doc = analysed(text, persons=("Heiko Maas",), morph=ER, pos=pos)
    role = only_role(doc, "Heiko Maas")
    assert (role.text, role.construction) == (phrase, construction)


def test_no_role_for_a_pronoun_that_refers_to_no_one_person_nor_for_the_name_before_it():
    ambiguous = analysed(
        "Heiko Maas und Jens Krüger kamen. Er ist seit 2013 Bundesminister.",
        persons=("Heiko Maas", "Jens Krüger"),
        morph=ER,
        pos={"Er": "PRON", "seit": "ADP", "2013": "NUM"},
    )
    assert ambiguous._.roles == []
    # the one person named before is a woman by her first name
    other_gender = analysed(
        "Ihm folgte Monika Wulf-Mathies im Amt. Er ist seit 2013 Bundesminister.",
        persons=("Monika Wulf-Mathies",),
        morph=ER,
        pos={"Er": "PRON", "Ihm": "PRON", "seit": "ADP", "2013": "NUM"},
    )
    assert other_gender._.roles == []
    doc = analysed(
        "Ted Stevens ist tot. Barack Obama würdigte ihn als Soldat.",
        persons=("Ted Stevens", "Barack Obama"),
        pos={"ihn": "PRON", "tot": "ADJ"},
    )
    assert doc._.roles == []


def test_a_pronoun_continues_the_person_not_named_after_a_preposition():
    doc = analysed(
        "Heiko Maas wurde vom damaligen Ministerpräsidenten Oskar Lafontaine gefördert. "
        "Er ist seit 2013 Bundesminister.",
        persons=("Heiko Maas", "Oskar Lafontaine"),
        morph=ER,
        pos={"Er": "PRON", "vom": "ADP", "damaligen": "ADJ", "seit": "ADP", "2013": "NUM"},
    )
    role = only_role(doc, "Heiko Maas")
    assert (role.text, role.construction) == ("Bundesminister", "predicative")


def test_a_definite_role_phrase_does_not_continue_the_person_before_when_someone_else_holds_the_role():
    doc = analysed(
        "Bundestrainer Christian Prokop lobte. Die beste Quote erreichte Timo Kastening. "
        "Danach zeigte sich der Bundestrainer zufrieden.",
        persons=("Christian Prokop", "Timo Kastening"),
        pos={"beste": "ADJ", "Danach": "ADV"},
    )
    assert {name: [r.text for r in roles] for name, roles in roles_by_name(doc).items()} == {
        "Christian Prokop": ["Bundestrainer"]
    }


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Der Vorstand wählte Anna Beispiel, mit nur einer Gegenstimme, zur neuen Vorsitzenden.",
            ["Vorsitzenden"],
        ),
        ("Der Präsident ernannte Anna Beispiel zur Ministerin.", ["Ministerin"]),
        ("Dann sprach Anna Beispiel zur Vorsitzenden.", []),  # no verb that appoints
        ("Der Vorstand wählte Anna Beispiel, die zur Vorsitzenden sprach.", []),  # a verb between
    ],
)
def test_the_object_of_a_verb_that_appoints_takes_the_role_after_zum(text, roles):
    pos = {"mit": "ADP", "nur": "ADV", "einer": "DET", "neuen": "ADJ", "die": "PRON"}
    doc = analysed(text, persons=("Anna Beispiel",), pos=pos)
    assert [r.short for r in roles_by_name(doc).get("Anna Beispiel", [])] == roles


KLUNCKER = "Heinz Kluncker ist tot. Kluncker wurde 82 Jahre alt. Er lebte zuletzt in Stuttgart. "


@pytest.mark.parametrize(
    ("sentence", "short"),
    [
        ("Der Gewerkschaftsboss setzte sich durch.", "Gewerkschaftsboss"),
        ("Danach setzte sich der Gewerkschaftsboss durch.", "Gewerkschaftsboss"),  # not the opening
        ("Nach dem Tod des Gewerkschaftsbosses übernahm ein Rat.", "Gewerkschaftsbosses"),  # another case
    ],
)
def test_a_role_phrase_after_a_sentence_without_names_continues_the_topic(sentence, short):
    doc = analysed(
        KLUNCKER + sentence,
        persons=("Heinz Kluncker",),
        morph=ER,
        pos={"Er": "PRON", "tot": "ADJ", "alt": "ADJ", "zuletzt": "ADV", "Danach": "ADV"},
    )
    role = only_role(doc, "Heinz Kluncker")
    assert (role.short, role.construction) == (short, "anaphoric")


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (KLUNCKER + "Die Feier ist am Montag. Später war er Präsident der IÖD.", ["Präsident der IÖD"]),
        # the last man named before the pronoun is someone else
        (KLUNCKER + "Jens Krüger kam. Die Feier ist am Montag. Später war er Präsident der IÖD.", []),
        (KLUNCKER + "Es regnete. " * 8 + "Später war er Präsident der IÖD.", []),  # named too long ago
    ],
)
def test_a_pronoun_with_no_one_named_near_it_continues_the_topic(text, roles):
    pos = {"Er": "PRON", "er": "PRON", "tot": "ADJ", "alt": "ADJ", "zuletzt": "ADV", "Später": "ADV"}
    doc = analysed(text, persons=("Heinz Kluncker", "Jens Krüger"), morph=ER, pos=pos)
    assert [r.text for r in roles_by_name(doc).get("Heinz Kluncker", [])] == roles


@pytest.mark.parametrize(
    "text",
    [
        "Heinz Kluncker ist tot. Er lebte in Stuttgart. Der Gewerkschaftsboss setzte sich durch.",
        KLUNCKER + "Später trat er vom Amt des Gewerkschaftsbosses zurück.",  # the office, not a person
        KLUNCKER + "Es regnete. " * 8 + "Der Gewerkschaftsboss setzte sich durch.",  # named too long ago
        KLUNCKER + "Der Vorsitzende der Selbstverwaltung Tegaye Mununhe setzte sich durch.",  # a name
    ],
)
def test_no_topic_role_when_named_once_too_long_ago_an_office_or_introducing_a_name(text):
    pos = {"Er": "PRON", "er": "PRON", "tot": "ADJ", "alt": "ADJ", "Später": "ADV"}
    pos |= {"Tegaye": "PROPN", "Mununhe": "PROPN"}
    doc = analysed(text, persons=("Heinz Kluncker",), morph=ER, pos=pos)
    assert "Heinz Kluncker" not in roles_by_name(doc)


def test_a_role_word_the_tagger_reads_as_an_adjective_introduces_no_name():
    """„der Vorsitzende Richter, Ottmar Breidling“: the loaded model tags „Vorsitzende“ ADJ — it
    qualifies „Richter“ (a role noun after the article, though also a surname) and is no role of its own."""
    nlp = add_extractors(load_nlp()[0])
    doc = nlp("Wie der Vorsitzende Richter, Ottmar Breidling, ausführte, hätte es ein Blutbad gegeben.")
    assert next(t for t in doc if t.text == "Vorsitzende").pos_ == "ADJ"
    assert "Ottmar Breidling" in {p.name for p in doc._.persons}
    assert [(r.text, r.role_normalized) for r in doc._.roles] == [("Vorsitzende Richter", "Richter/in")]


def test_two_role_nouns_joined_by_und_before_a_name():
    doc = analysed("Es sprach die Schauspielerin und Sängerin Anna Berger.", persons=("Anna Berger",))
    assert sorted((r.role_normalized, r.construction) for r in roles_by_name(doc)["Anna Berger"]) == [
        ("Schauspieler/in", "prenominal"),
        ("Sänger/in", "prenominal"),
    ]


def test_a_plural_by_its_article_or_irregular_form_is_shared_by_joined_names():
    # „Parteivorsitzenden“ and „Mitglieder“ carry no plural ending of their own
    assert match_role_noun("Mitglieder").plural and match_role_noun("Neu-ödp-Mitgliedern").plural
    joined = ("Oskar Lafontaine", "Lothar Bisky")
    for text, normalized in [
        (
            "Er stritt mit den ehemaligen Parteivorsitzenden Oskar Lafontaine und Lothar Bisky.",
            "Parteivorsitzende/r",
        ),
        ("Das meinen die beiden Neu-ödp-Mitglieder Oskar Lafontaine und Lothar Bisky.", "Mitglied"),
    ]:
        doc = analysed(
            text,
            persons=joined,
            pos={"ehemaligen": "ADJ", "beiden": "ADJ"},
            morph={"den": "Case=Dat|Number=Plur", "die": "Case=Nom|Number=Plur"},
        )
        assert {name: [r.role_normalized for r in roles] for name, roles in roles_by_name(doc).items()} == {
            name: [normalized] for name in joined
        }


def test_definite_role_phrase_continues_no_one_whose_first_name_says_the_other_gender():
    text = "Gestern sprach Johanna Moser. Neu sei, dass der Bürgermeister das anordne."
    doc = analysed(text, persons=("Johanna Moser",), pos={"Neu": "ADJ", "sei": "AUX"})
    assert doc._.roles == []
    doc = analysed(
        text.replace("Johanna", "Johannes"), persons=("Johannes Moser",), pos={"Neu": "ADJ", "sei": "AUX"}
    )
    assert [(r.role_normalized, r.construction) for r in doc._.roles] == [("Bürgermeister/in", "anaphoric")]


def test_definite_role_phrase_continues_the_person_named_before():
    doc = analysed(
        "Eine von ihnen ist Miriam Vogelsang. Die 36-jährige Tischlermeisterin hat den Betrieb übernommen.",
        persons=("Miriam Vogelsang",),
        pos={"36-jährige": "ADJ", "ihnen": "PRON"},
    )
    role = only_role(doc, "Miriam Vogelsang")
    assert (role.role_normalized, role.qualifier, role.construction) == (
        "Tischlermeister/in",
        "",
        "anaphoric",
    )


def test_definite_role_phrase_inside_a_later_sentence_continues_the_person():
    doc = analysed(
        "Gestern wurde Thomas Ganswindt verhaftet. "
        "Die Polizei geht bei dem ehemaligen Manager von Fluchtgefahr aus.",
        persons=("Thomas Ganswindt",),
        pos={"ehemaligen": "ADJ"},
    )
    role = only_role(doc, "Thomas Ganswindt")
    assert (role.role_normalized, role.construction) == ("Manager/in", "anaphoric")


@pytest.mark.parametrize(
    ("later", "roles_later"),
    [("", []), (" Phil Spector ist Produzent.", [("Produzent/in", "predicative")])],
)
def test_definite_role_phrase_continues_the_one_person_without_a_role(later, roles_later):
    """Without a role stated before the phrase: a role the article gives later does not count."""
    doc = analysed(
        "Staatsanwalt Alan Jackson hält Phil Spector für gefährlich. "
        "Mehrere Frauen soll der Angeklagte bedroht haben." + later,
        persons=("Alan Jackson", "Phil Spector"),
        pos={"gefährlich": "ADJ", "Mehrere": "DET", "soll": "AUX", "ist": "AUX"},
    )
    roles = roles_by_name(doc)
    assert [(r.role_normalized, r.construction) for r in roles["Phil Spector"]] == [
        ("Angeklagte/r", "anaphoric"),
        *roles_later,
    ]
    assert [r.role_normalized for r in roles["Alan Jackson"]] == ["Staatsanwalt/Anwältin"]


@pytest.mark.parametrize(
    "text",
    [
        # the phrase introduces the name that follows it in its sentence
        "Karadžić wurde gefasst. Es klagte der Führer der Serben, Ratko Mladić, über die Haft.",
        # the sentence before names two persons: no one to continue
        "Karadžić traf Ratko Mladić. Die Polizei geht bei dem ehemaligen Manager von Fluchtgefahr aus.",
        # a plural („der Minister“ of several) continues no one
        "Karadžić wurde gefasst. Das sagte einer der Minister.",
        # one of something indefinite is anyone
        "Karadžić sagte das. Da erfährt die Personalchefin eines Maschinenbauers mehr.",
        # a noun that also names a body is the body
        "Karadžić sagte das. Es bleibt dabei, wie der Stadtrat beschloss.",
        # a group, by its article or a masculine noun after „die“
        "Karadžić wurde gefasst. Nun suchen die Reproduktionsforscher an der Klinik weiter.",
        # an apposition to a name the NER missed
        "Karadžić wurde gefasst. Tegaye Mununhe, der Polizeichef der Region, bestätigte das.",
        # the person is named later in the sentence: the phrase is someone else
        "Karadžić wurde angeklagt. Der Richter wies die Zweifel an der Schuld von Karadžić ab.",
    ],
)
def test_definite_role_phrase_that_continues_no_one(text):
    doc = analysed(
        text,
        persons=("Karadžić", "Ratko Mladić"),
        pos={"ehemaligen": "ADJ", "einer": "PRON", "Mununhe": "PROPN"},
        morph={"der": "Case=Gen|Number=Plur"} if "einer der" in text else None,
    )
    assert [r.construction for r in doc._.roles if r.person_local_id == 0] == []


def test_role_with_a_possessive_complement_before_a_name_in_dashes():
    doc = analysed(
        "In einem Interview mit dem Anwalt seiner Familie – Rainer Wittner – sagte dieser das.",
        persons=("Rainer Wittner",),
        pos={"seiner": "DET"},
    )
    role = only_role(doc, "Rainer Wittner")
    assert (role.text, role.construction) == ("Anwalt seiner Familie", "prenominal")


def test_a_name_with_its_own_title_after_von_is_whom_the_role_serves():
    doc = analysed(
        "Sie zogen zum Haus eines Beraters von König Anton Beispiel. "
        "Es sprach der Bürgermeister von Paris Anne Hidalgo.",
        persons=("Anton Beispiel", "Anne Hidalgo"),
        pos={"Paris": "PROPN"},
    )
    roles = roles_by_name(doc)
    assert [r.role_normalized for r in roles["Anton Beispiel"]] == ["König/in"]  # his title, not „Berater“
    assert [r.role_normalized for r in roles["Anne Hidalgo"]] == ["Bürgermeister/in"]


def test_name_in_the_genitive_after_a_role_noun_is_no_role_of_it():
    doc = analysed(
        "Silvana Koch-Mehrin hat Widerspruch eingelegt. Dies teilte ein Sprecher Koch-Mehrins mit.",
        persons=("Silvana Koch-Mehrin", "Koch-Mehrins"),
    )
    assert [p.name for p in doc._.persons] == ["Silvana Koch-Mehrin"]
    assert doc._.roles == []


def test_organisation_given_by_a_description_is_the_one_named_before():
    doc = analysed(
        "Der Verein Chancen Oberlausitz e.V. wurde gegründet. Anna Berger ist Vorsitzende des Vereins.",
        persons=("Anna Berger",),
        orgs=("Chancen Oberlausitz e.V.",),
    )
    (role,) = roles_by_name(doc)["Anna Berger"]
    assert (role.text, role.org_text) == ("Vorsitzende des Vereins", "Chancen Oberlausitz e.V.")


def test_apposition_after_the_word_that_closes_the_clause():
    doc = analysed(
        "Die Stelle hat Alex Kaminski inne, Koordinator:in des Bündnisses.",
        persons=("Alex Kaminski",),
        pos={"inne": "ADV"},
    )
    (role,) = roles_by_name(doc)["Alex Kaminski"]
    assert (role.text, role.role_normalized) == ("Koordinator:in des Bündnisses", "Koordinator/in")


@pytest.mark.parametrize(
    ("text", "normalized", "gender"),
    [
        ("Die Rechtsanwältin Maria Schulz widersprach.", "Rechtsanwalt/Anwältin", "female"),
        ("Der Mittelfeldspieler Kevin Schlitte traf.", "Mittelfeldspieler/in", "male"),
        ("Der ESA-Astronaut Thomas Reiter startete.", "Astronaut/in", "male"),
        ("Der UN-Generalsekretär Kofi Annan warnte.", "Generalsekretär/in", "male"),
        ("Die Spitzenkandidatin Antje Hermenau sprach.", "Spitzenkandidat/in", "female"),
        ("Der Schriftsteller Khaled Hosseini las.", "Schriftsteller/in", "male"),
        ("Die Fotografin Anja Niedringhaus starb.", "Fotograf/in", "female"),
        ("Der Historiker Heinrich Winkler sprach.", "Historiker/in", "male"),
        ("Die Psychologin Maria Schulz riet ab.", "Psychologe/-in", "female"),
        ("Der Strafrechtler Klaus Volk widersprach.", "Strafrechtler/in", "male"),
    ],
)
def test_occupations_of_real_news_are_roles(text, normalized, gender):
    name = " ".join(text.split()[2:4]).rstrip(".")
    doc = analysed(text, persons=(name,))
    role = only_role(doc, name)
    assert (role.role_normalized, doc._.persons[0].gender) == (normalized, gender)


def test_a_role_noun_that_also_names_a_body_is_marked_in_its_masculine_forms():
    assert match_role_noun("Stadtrat").body and match_role_noun("Vorstands").body
    assert not match_role_noun("Stadträtin").body and not match_role_noun("Landrat").body


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # after an article, past adjectives, or before a name: the noun
        (
            "Wie der Vorsitzende Richter Ottmar Breidling ausführte, war es schlimm.",
            "Ottmar Breidling",
            ["Richter/in"],
        ),
        ("Das Haus eines Beraters von König Ottmar Breidling brannte.", "Ottmar Breidling", ["König/in"]),
        (
            "Der als Roma-König bekannte Ottmar Breidling wurde festgenommen.",
            "Ottmar Breidling",
            ["König/in"],
        ),
        # right after a first name, or alone without an article: the surname
        ("Das sagte Ottmar König. König betonte es.", "Ottmar König", []),
        ("Der Trainer Ottmar Richter lobte das Team.", "Ottmar Richter", ["Trainer/in"]),
        # ranks and occupations that are surnames too (the guidelines' „Major Valeri Trojanow“)
        ("Es flog Major Valeri Trojanow.", "Valeri Trojanow", ["Major/in"]),
        ("Es sprach der Landschaftsgärtner Ottmar Bauer.", "Ottmar Bauer", ["Landschaftsgärtner/in"]),
        ("Es sprach Matthias Gärtner im Stadtrat.", "Matthias Gärtner", []),
    ],
)
def test_a_role_noun_that_is_also_a_surname_is_a_role_only_where_a_noun(text, name, roles):
    doc = analysed(text, persons=(name,), pos={"Vorsitzende": "ADJ", "bekannte": "ADJ", "Ottmar": "PROPN"})
    assert [p.name for p in doc._.persons] == [name]
    assert [r.role_normalized for r in doc._.roles] == roles


def test_a_role_noun_that_is_also_a_surname_is_marked_only_in_its_bare_masculine_forms():
    assert match_role_noun("König").surname and match_role_noun("Richters").surname
    assert not any(match_role_noun(w).surname for w in ("Königin", "Torschützenkönig", "Schiedsrichter"))


def test_a_role_coordinated_with_a_noun_that_is_none_and_the_gender_of_an_adjectival_noun():
    """„die Abgeordnete und Brexit-Gegnerin Jo Cox“: the second noun is no role, the first is, and
    „die“ before an adjectival noun in -e is feminine in the accusative too."""
    doc = analysed(
        "Im Mordfall um die Abgeordnete und Brexit-Gegnerin Jo Cox urteilte ein Gericht.",
        persons=("Jo Cox",),
        pos={"Abgeordnete": "NOUN", "Brexit-Gegnerin": "NOUN", "die": "DET"},
        morph={"die": "Case=Acc|Gender=Fem|Number=Sing"},
    )
    role = only_role(doc, "Jo Cox")
    assert (role.short, role.construction) == ("Abgeordnete", "prenominal")
    assert doc._.persons[0].gender == "female"  # outranks the first name „Jo“ (male in the lexicon)


def test_a_second_role_after_und_and_an_adjective_ends_the_first_roles_organisation():
    doc = analysed(
        "Kurt von Figura, Präsident der Universität Göttingen und derzeitiger Vorsitzender der "
        "Landeshochschulkonferenz, begrüßte den Beschluss.",
        persons=("Kurt von Figura",),
        orgs=("Universität Göttingen", "Landeshochschulkonferenz"),
        pos={"derzeitiger": "ADJ"},
    )
    roles = roles_by_name(doc)["Kurt von Figura"]
    assert [(r.short, r.org_text) for r in roles] == [
        ("Präsident", "Universität Göttingen"),
        ("Vorsitzender", "Landeshochschulkonferenz"),  # „derzeitig“ says nothing about the role
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan: 64-jähriger Boss kommt frei\n\nKiyoshi Takayama zahlte die Kaution.",
            [("Boss", "headline")],
        ),
        (
            "Thailand: Premierminister kündigt Neuwahl an\n\nAbhisit Vejjajiva will es.",
            [("Premierminister", "headline")],
        ),
        ("Japan: Der Boss kommt frei. Kiyoshi Takayama zahlte die Kaution.", []),  # no headline
        ("Japan: Ermittler nehmen Boss fest\n\nKiyoshi Takayama zahlte die Kaution.", []),  # not opening it
    ],
)
def test_a_headline_that_opens_with_a_role_is_about_the_first_person_named(text, expected):
    doc = analysed(
        text,
        persons=("Kiyoshi Takayama", "Abhisit Vejjajiva"),
        pos={"64-jähriger": "SCONJ", "Japan": "PROPN", "Thailand": "PROPN", "Ermittler": "NOUN"},
    )
    assert [(r.short, r.construction) for r in doc._.roles] == expected


def test_a_place_before_the_name_is_no_title_of_an_owner_after_von():
    """„Sprecher von Bundeskanzlerin Merkel“ serves her; „Fraktionschef von … in Bayern Sepp
    Daxenberger“ is his role: the word before his name is a place, no role noun or title."""
    doc = analysed(
        "Der ehemalige Fraktionschef von Bündnis 90 / Die Grünen in Bayern Sepp Daxenberger ist gestorben.",
        persons=("Sepp Daxenberger",),
        orgs=("Bündnis 90 / Die Grünen",),
        pos={"ehemalige": "ADJ", "Bayern": "NOUN"},
    )
    assert only_role(doc, "Sepp Daxenberger").short == "ehemalige Fraktionschef"


def test_stacked_roles_with_an_article_after_the_comma():
    doc = analysed(
        "Das Staatsoberhaupt des Landes, die britische Königin Elisabeth Windsor, bat um Hilfe.",
        persons=("Elisabeth Windsor",),
        pos={"britische": "ADJ", "Landes": "NOUN"},
    )
    assert [r.short for r in roles_by_name(doc)["Elisabeth Windsor"]] == [
        "Staatsoberhaupt",
        "britische Königin",
    ]


def test_in_an_enumeration_of_names_a_role_before_a_name_is_not_the_apposition_of_the_name_before():
    doc = analysed(
        "Als Gäste werden Bischof Gerhard Feige, Oberbürgermeister Lutz Trümper und Landtagspräsident "
        "Dieter Steinecke erwartet.",
        persons=("Gerhard Feige", "Lutz Trümper", "Dieter Steinecke"),
    )
    assert {name: [r.short for r in roles] for name, roles in roles_by_name(doc).items()} == {
        "Gerhard Feige": ["Bischof"],
        "Lutz Trümper": ["Oberbürgermeister"],
        "Dieter Steinecke": ["Landtagspräsident"],
    }


def test_a_role_with_an_article_before_a_name_that_a_list_goes_on_from_is_that_names():
    """„…, dem Ministerpräsidenten Donald Tusk und der …“ lists a third person, where such a phrase
    could otherwise rename the person before („Joseph Ratzinger, dem jetzigen Papst Benedikt XVI.“)."""
    persons = ("Anna Beispiel", "Jens Krüger", "Eva Kopp")
    doc = analysed(
        "Er traf Anna Beispiel, dem Ministerpräsidenten Jens Krüger und der Ministerin Eva Kopp.",
        persons=persons,
    )
    assert {name: [r.short for r in roles] for name, roles in roles_by_name(doc).items()} == {
        "Jens Krüger": ["Ministerpräsidenten"],
        "Eva Kopp": ["Ministerin"],
    }


def test_a_coordinated_role_that_runs_up_to_a_name_is_that_names():
    doc = analysed(
        "Jan Giesel wurde zu seinem Stellvertreter sowie die Studentin Velda Schultz zur Beisitzerin "
        "gewählt.",
        persons=("Jan Giesel", "Velda Schultz"),
        pos={"wurde": "AUX", "seinem": "DET", "sowie": "CCONJ"},
    )
    assert {name: [r.short for r in roles] for name, roles in roles_by_name(doc).items()} == {
        "Jan Giesel": ["Stellvertreter"],
        "Velda Schultz": ["Studentin", "Beisitzerin"],  # „… zur Beisitzerin gewählt“ (test_the_object_of…)
    }
