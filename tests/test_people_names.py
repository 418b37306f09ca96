"""Names, titles and within-document resolution of later mentions."""

from __future__ import annotations

from people_docs import analysed, make_doc

from pipeline.extract.lexicons import default_lexicons
from pipeline.extract.names import split_name
from pipeline.extract.people import PeopleComponent, analyse, resolve_person

NAMES = default_lexicons().names


def span_of(doc, text, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return start, start + len(text)


def test_titles_are_kept_apart_from_the_name():
    doc = analysed("Es sprach Prof. Dr. Anna Beispiel.", persons=("Anna Beispiel",))
    (person,) = doc._.persons
    assert (person.name, person.title) == ("Anna Beispiel", "Prof. Dr.")
    assert person.mentions[0].text == "Prof. Dr. Anna Beispiel"


def test_nobility_particles_and_double_names():
    leyen = split_name(["Ursula", "von", "der", "Leyen"], NAMES)
    assert (leyen.name, leyen.first_name, leyen.surname) == (
        "Ursula von der Leyen",
        "Ursula",
        "von der Leyen",
    )
    weise = split_name(["Frank-Jürgen", "Weise"], NAMES)
    assert (weise.first_name, weise.surname) == ("Frank-Jürgen", "Weise")


def test_shortened_surnames_and_arabic_articles():
    daniel = split_name(["Daniel", "B."], NAMES)  # a private person as the press names them
    assert (daniel.name, daniel.first_name, daniel.surname) == ("Daniel B.", "Daniel", "B.")
    assert split_name(["B."], NAMES) is None and split_name(["Gebäude", "B."], NAMES) is None
    umar = split_name(["Umar", "al-Baschir"], NAMES)
    assert (umar.first_name, umar.surname) == ("Umar", "al-Baschir")


def test_a_surname_after_a_particle_that_the_ner_took_for_a_place():
    from spacy.tokens import Span

    text = "Minister Karl-Theodor zu Guttenberg trat zurück."
    doc = make_doc(text, pos={"zu": "ADP", "Guttenberg": "PROPN"})
    doc.ents = [Span(doc, 1, 2, "PER"), Span(doc, 3, 4, "LOC")]
    (person,) = analyse(doc)[0]
    assert (person.name, person.first_name, person.surname) == (
        "Karl-Theodor zu Guttenberg",
        "Karl-Theodor",
        "zu Guttenberg",
    )


def test_names_with_an_elided_particle_stay_whole():
    """The tokenizer splits „O’Keefe“ at a typographic apostrophe and keeps „d’“ apart; the NER may stop
    at the letter („Massimo D“). The name keeps its surname, and the surname alone is a later mention."""
    from spacy.tokens import Span

    text = "Sean O’Keefe und Massimo D’Alema trafen Valéry Giscard d’Estaing. Später sprach O’Keefe."
    doc = make_doc(text)
    words = [t.text for t in doc]
    assert words[:6] == ["Sean", "O", "’", "Keefe", "und", "Massimo"]
    assert words[words.index("Giscard") + 1 : words.index("Giscard") + 3] == ["d’", "Estaing"]
    starts = {t.text: t.i for t in doc}
    doc.ents = [
        Span(doc, 0, 4, "PER"),
        Span(doc, starts["Massimo"], starts["Massimo"] + 2, "PER"),  # „Massimo D“: the NER's cut
        Span(doc, starts["Valéry"], starts["Valéry"] + 2, "PER"),  # without „d’Estaing“
        Span(doc, len(doc) - 4, len(doc) - 1, "PER"),  # „O ’ Keefe“
    ]
    persons = {p.name: (p.surname, len(p.mentions)) for p in analyse(doc)[0]}
    assert persons == {
        "Sean O’Keefe": ("O’Keefe", 2),
        "Massimo D’Alema": ("D’Alema", 1),
        "Valéry Giscard d’Estaing": ("d’Estaing", 1),
    }


def test_a_genitive_apostrophe_is_no_elision():
    doc = analysed("Das ist Chris’ Buch, sagte Anna Schmidt.", persons=("Anna Schmidt",))
    assert [p.name for p in doc._.persons] == ["Anna Schmidt"]


def test_an_organisation_before_a_place_is_no_person():
    """The NER's „EADS Nordamerika“ is a company's branch: no person „Nordamerika“."""
    doc = analysed(
        "Der Chef von EADS Nordamerika, Ralph Crosby, sprach.", persons=("EADS Nordamerika", "Ralph Crosby")
    )
    assert [p.name for p in doc._.persons] == ["Ralph Crosby"]


def test_a_surname_with_a_particle_is_shortened_to_its_last_word():
    doc = analysed(
        "Heinrich von Pierer trat zurück. Pierers Nachfolger ist Gerhard Cromme.",
        persons=("Heinrich von Pierer", "Pierers", "Gerhard Cromme"),
        pos={"von": "ADP"},
    )
    assert {p.name: len(p.mentions) for p in doc._.persons} == {"Heinrich von Pierer": 2, "Gerhard Cromme": 1}


def test_a_later_mention_by_surname_keeps_its_particle_so_a_role_before_it_is_found():
    doc = analysed(
        "Heinrich von Pierer trat zurück. Nun gerät Aufsichtsratschef von Pierer unter Druck.",
        persons=("Heinrich von Pierer",),
        pos={"von": "ADP", "Nun": "ADV"},
    )
    (person,) = doc._.persons
    assert [m.text for m in person.mentions] == ["Heinrich von Pierer", "von Pierer"]
    assert [(r.text, r.construction) for r in doc._.roles] == [("Aufsichtsratschef", "prenominal")]


def test_a_given_name_the_ner_left_out_after_a_comma_is_part_of_the_name():
    from spacy.tokens import Span

    text = "Ein Kritiker, Sondhi Limthongkul, sprach. Dann kam, Hamburg Meyer zufolge, Regen."
    doc = make_doc(text, persons=("Limthongkul", "Meyer"), pos={"Sondhi": "PROPN", "Hamburg": "PROPN"})
    hamburg = next(t.i for t in doc if t.text == "Hamburg")
    doc.ents = [*doc.ents, Span(doc, hamburg, hamburg + 1, "LOC")]
    names = [p.name for p in analyse(doc)[0]]
    assert names == ["Sondhi Limthongkul", "Meyer"]  # a proper noun the NER tagged stays what it is


def test_middle_initial_does_not_change_the_person():
    assert split_name(["Robert", "M.", "Böhmer"], NAMES).key == split_name(["Robert", "Böhmer"], NAMES).key
    assert split_name(["Robert", "M.", "Böhmer"], NAMES).name == "Robert M. Böhmer"  # as written


def test_surname_resolves_to_the_full_name():
    doc = analysed(
        "Christian Schramm sprach. „Es müssen Blockaden abgebaut werden“, so Schramm.",
        persons=("Christian Schramm", "Schramm"),
    )
    (person,) = doc._.persons
    assert [m.text for m in person.mentions] == ["Christian Schramm", "Schramm"]
    assert resolve_person(doc, *span_of(doc, "Schramm", 1)) is person


def test_address_and_title_with_surname_resolve():
    doc = analysed(
        "Kristin Jentsch und Dr. Robert Böhmer kamen. Frau Jentsch lobte. "
        "Herr Böhmer und Dr. Böhmer dankten.",
        persons=("Kristin Jentsch", "Robert Böhmer"),
    )
    jentsch, boehmer = doc._.persons
    assert [m.text for m in jentsch.mentions] == ["Kristin Jentsch", "Frau Jentsch"]
    assert [m.text for m in boehmer.mentions] == ["Dr. Robert Böhmer", "Herr Böhmer", "Dr. Böhmer"]
    assert resolve_person(doc, *span_of(doc, "Frau Jentsch")) is jentsch
    assert resolve_person(doc, *span_of(doc, "Dr. Böhmer")) is boehmer


def test_ambiguous_surname_stays_unresolved():
    doc = analysed(
        "Anna Müller und Peter Müller gründeten den Verein. „Wir machen weiter“, sagte Müller.",
        persons=("Anna Müller", "Peter Müller", "Müller"),
    )
    assert sorted(p.name for p in doc._.persons) == ["Anna Müller", "Peter Müller"]
    assert all(len(p.mentions) == 1 for p in doc._.persons)
    assert resolve_person(doc, *span_of(doc, "Müller", 2)) is None


def test_address_disambiguates_a_shared_surname():
    doc = analysed(
        "Anna Müller und Peter Müller gründeten den Verein. Frau Müller lobte.",
        persons=("Anna Müller", "Peter Müller"),
    )
    anna = next(p for p in doc._.persons if p.first_name == "Anna")
    assert resolve_person(doc, *span_of(doc, "Frau Müller")) is anna


def test_pronoun_resolves_only_when_one_person_fits():
    text = "Kristin Jentsch und Christian Schramm sprachen. „Gut“, sagte sie."
    doc = analysed(
        text,
        persons=("Kristin Jentsch", "Christian Schramm"),
        morph={"sie": "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs"},
    )
    jentsch = doc._.persons[0]
    assert resolve_person(doc, *span_of(doc, "sie")) is jentsch
    both_women = analysed(
        "Kristin Jentsch und Anna Beispiel sprachen. „Gut“, sagte sie.",
        persons=("Kristin Jentsch", "Anna Beispiel"),
        morph={"sie": "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs"},
    )
    assert resolve_person(both_women, *span_of(both_women, "sie")) is None


def test_role_phrase_resolves_to_the_person_introduced_with_it():
    doc = analysed(
        "Bundesfamilienministerin Anna Beispiel und Christian Schramm kamen. Die Ministerin lobte.",
        persons=("Anna Beispiel", "Christian Schramm"),
    )
    assert resolve_person(doc, *span_of(doc, "Die Ministerin")).name == "Anna Beispiel"
    assert resolve_person(doc, *span_of(doc, "kamen")) is None


def test_surname_without_full_name_needs_an_introduction_or_the_ner():
    doc = analysed("Laut Frau Jentsch und Herrn Schramm lief es gut. Jentsch lobte Schramm.", persons=())
    assert [p.name for p in doc._.persons] == ["Jentsch", "Schramm"]
    assert doc._.persons[0].gender == "female"
    doc = analysed("Laut Klinsmann lief es gut.", persons=("Klinsmann",))
    assert [p.name for p in doc._.persons] == ["Klinsmann"]


def test_foreign_names_stay_whole_where_the_ner_cuts_them():
    from spacy.tokens import Span

    def persons(text, ents, pos, nouns=None):
        doc = make_doc(text, pos=pos)
        doc.ents = [Span(doc, start, end, label) for start, end, label in ents]
        return [(p.name, p.surname) for p in analyse(doc, nouns or {})[0]]

    # the NER's person ends one word early: the proper noun after it completes the surname
    text = "Innenminister Alfredo Pérez Rubalcaba sagte gestern etwas."
    assert persons(text, [(1, 3, "PER")], {"Rubalcaba": "PROPN"}) == [
        ("Alfredo Pérez Rubalcaba", "Rubalcaba")
    ]
    # also a word the tagger reads as a noun when punctuation closes it, unless a common noun
    text = "Wie Philip Aguer Panynag, ein Sprecher, mitteilte."
    assert persons(text, [(1, 3, "PER")], {"Panynag": "NOUN"}) == [("Philip Aguer Panynag", "Panynag")]
    text = "Dann sprach Mark Zuckerberg Montag."
    assert persons(text, [(2, 4, "PER")], {"Montag": "NOUN"}, {"Montag": "Masc"}) == [
        ("Mark Zuckerberg", "Zuckerberg")
    ]
    # not a common noun, not after a genitive
    text = "Dann kam Nicolas Sarkozys Staatsbesuch."
    assert persons(text, [(2, 4, "PER")], {"Staatsbesuch": "PROPN"}) == [("Nicolas Sarkozys", "Sarkozys")]
    text = "Dann sprach Mark Zuckerberg Montag."
    assert persons(text, [(2, 4, "PER")], {"Montag": "PROPN"}, {"Montag": "Masc"}) == [
        ("Mark Zuckerberg", "Zuckerberg")
    ]
    # a run of proper nouns after a role noun, though the NER took its last word for a place
    text = "Generalstabschef Zakari Nandja erklärte es."
    assert persons(text, [(2, 3, "LOC")], {"Zakari": "PROPN", "Nandja": "PROPN"}) == [
        ("Zakari Nandja", "Nandja")
    ]
    # an Arabic article inside the name; a foreign first name the NER took in stays
    text = "Angeführt werden sie von Hussein al Huthi."
    assert persons(text, [(4, 7, "PER")], {"al": "ADP"}) == [("Hussein al Huthi", "al Huthi")]
    assert persons("Es sprach EU-Kommissar Štefan Füle.", [(3, 5, "PER")], {}) == [("Štefan Füle", "Füle")]
    text = "Es unterschrieb Ólafur Ragnar Grímsson."
    proper = {"Ólafur": "PROPN", "Ragnar": "PROPN", "Grímsson": "PROPN"}
    assert persons(text, [(2, 5, "PER")], proper) == [("Ólafur Ragnar Grímsson", "Grímsson")]
    # after a role noun in the singular by its article, though the tagger reads the noun as plural
    text = "Nach dem Tod des Staatspräsidenten Gnassingbé Eyadéma kam es."
    doc = make_doc(
        text, pos={"Gnassingbé": "PROPN", "Eyadéma": "PROPN"}, morph={"Staatspräsidenten": "Number=Plur"}
    )
    doc[3].set_morph("Case=Gen|Number=Sing")
    assert [p.name for p in analyse(doc)[0]] == ["Gnassingbé Eyadéma"]
    # NER persons with „von“ between them are two when the second opens with a role noun
    text = "Sie wurde von Königin Elizabeth II. von Generalgouverneurin Michaëlle Jean verlesen."
    ents = [(4, 6, "PER"), (7, 10, "PER")]
    assert persons(text, ents, {"Michaëlle": "PROPN", "Jean": "PROPN"}) == [
        ("Elizabeth II.", "II."),
        ("Michaëlle Jean", "Jean"),
    ]
    # a word before the NER's person that it did not take in is no first name („Gastgeber“)
    text = "Es kam. Gastgeber Uwe Richter führte."
    assert persons(text, [(4, 6, "PER")], {"Gastgeber": "PROPN"}) == [("Uwe Richter", "Richter")]


def test_ner_names_unknown_to_the_first_name_lexicon_are_persons_unless_common_words():
    nouns = {"Bündnis": "Neut", "Schichtplan": "Masc"}

    def names(text, persons, pos=None, morph=None):
        doc = make_doc(text, persons=persons, pos=pos, morph=morph)
        return [p.name for p in analyse(doc, nouns)[0]]

    assert names("Laut Barham Saleh lief es gut.", ("Barham Saleh",)) == ["Barham Saleh"]
    assert names("Das Bündnis Oberlausitz lebt.", ("Bündnis Oberlausitz",)) == []
    flexible = {"Flexible": "ADJ"}
    plural = {"Schichtpläne": "Number=Plur"}
    assert (
        names("Sie sagte: Flexible Schichtpläne helfen.", ("Flexible Schichtpläne",), flexible, plural) == []
    )
    assert names("Laut Kita lief es gut.", ("Kita",), {"Kita": "NOUN"}) == []


def test_a_name_starts_at_its_first_name_and_ends_before_an_acronym():
    doc = analysed("Laut Spaniens José Zapatero lief es gut.", persons=("Spaniens José Zapatero",))
    assert [p.name for p in doc._.persons] == ["José Zapatero"]
    assert split_name(["Hertha", "BSC"], NAMES) is None


def test_ner_person_spans_split_inside_a_long_name_are_joined():
    text = "Es spielte Kristin Scott Thomas mit Johann Peltzer vom Jordan und Anna Beispiel, Jens Krüger."
    doc = make_doc(text)
    spans = [("Kristin Scott", "Thomas"), ("Johann Peltzer", "Jordan"), ("Anna Beispiel",), ("Jens Krüger",)]
    ents = [doc.char_span(text.index(n), text.index(n) + len(n), "PER") for group in spans for n in group]
    doc.set_ents(ents)
    names = [p.name for p in analyse(doc)[0]]
    assert names == ["Kristin Scott Thomas", "Johann Peltzer vom Jordan", "Anna Beispiel", "Jens Krüger"]


def test_a_surname_that_is_also_a_common_noun_counts_after_a_role_noun():
    nouns = {"Kohl": "Masc"}  # cabbage: a noun of the lexicon

    def persons(text):
        return [(p.name, p.surname) for p in analyse(make_doc(text, persons=("Kohl",)), nouns)[0]]

    assert persons("Laut Kohl lief es gut.") == []
    assert persons("Altkanzler Kohl wurde in Ludwigshafen geehrt.") == [("Kohl", "Kohl")]


def test_a_ner_name_the_tagger_reads_as_an_unknown_noun_counts_after_a_role_noun():
    """„Wirtschaftsminister Brüderle sagte …“ with „Brüderle“ tagged NOUN: a noun the lexicon does
    not know is a surname after a role noun; without the role noun it is not believed."""
    nouns = {"Kohl": "Masc"}

    def persons(text):
        doc = make_doc(text, persons=("Brüderle",), pos={"Brüderle": "NOUN"})
        return [p.name for p in analyse(doc, nouns)[0]]

    assert persons("Wirtschaftsminister Brüderle sagte das.") == ["Brüderle"]
    assert persons("Laut Brüderle lief es gut.") == []


def test_a_storm_is_no_person():
    """„Tropensturm Rita“ and the „Rita Kurs“ the NER reads into „Rita Kurs auf …“ name a storm; a
    person with that first name and a surname stays one."""
    text = "Der Tropensturm Rita wütet. Nun nimmt Rita Kurs auf Texas. Das sagte Rita Süssmuth."
    doc = make_doc(text, persons=("Tropensturm Rita", "Rita Kurs", "Rita Süssmuth"))
    assert [p.name for p in analyse(doc, {"Kurs": "Masc"})[0]] == ["Rita Süssmuth"]


def test_a_foreign_name_the_tagger_reads_as_adjective_and_plural_counts_after_a_role_noun():
    def persons(text, pos):
        doc = make_doc(text, persons=("Samaan Ibrahim",), pos=pos, morph={"Ibrahim": "Number=Plur"})
        return [p.name for p in analyse(doc)[0]]

    read_as_adjective = {"Samaan": "ADJ", "Ibrahim": "NOUN"}
    assert persons("Nach Angaben des Priesters Samaan Ibrahim griffen Bewaffnete an.", read_as_adjective) == [
        "Samaan Ibrahim"
    ]
    # without the role noun the tagger's reading of a name that no lexicon knows stands
    assert persons("Nach Angaben von Samaan Ibrahim griffen Bewaffnete an.", read_as_adjective) == []


def test_a_proper_noun_the_ner_missed_is_a_surname_after_a_singular_role_noun():
    def persons(text, pos, morph=None):
        return [(p.name, [r.role_normalized for r in roles]) for p, roles in _with_roles(text, pos, morph)]

    proper = {"Wiefelspütz": "PROPN", "Fachdeutsch": "PROPN", "Frankreichs": "PROPN"}
    assert persons("SPD-Innenexperte Wiefelspütz nannte es so.", proper) == [
        ("Wiefelspütz", ["SPD-Innenexperte/-in"])
    ]
    # not after a plural, not a genitive, not without a role noun
    plural = {"Teilnehmenden": "Number=Plur"}
    assert persons("Dort lernten die Teilnehmenden Fachdeutsch und mehr.", proper, plural) == []
    assert persons("Der Präsident Frankreichs sprach.", proper) == []
    assert persons("Dann nannte Wiefelspütz es so.", proper) == []


def _with_roles(text, pos, morph):
    persons, _, _, roles = analyse(make_doc(text, pos=pos, morph=morph))
    return [(p, [r for r in roles if r.person_local_id == p.local_id]) for p in persons]


def test_a_lone_word_the_ner_tags_as_a_place_or_a_team_elsewhere_is_no_person():
    from spacy.tokens import Span

    text = (
        "Er zog nach Cambridge . Dort lobte Cambridge die Band . "
        "Die Cleveland Cavaliers siegten , Cleveland jubelte ."
    )
    doc = make_doc(text, pos={"Cambridge": "PROPN", "Cleveland": "PROPN", "Cavaliers": "PROPN"})
    doc.ents = [
        Span(doc, 3, 4, "LOC"),
        Span(doc, 7, 8, "PER"),
        Span(doc, 12, 14, "ORG"),
        Span(doc, 16, 17, "PER"),
    ]
    assert [p.name for p in PeopleComponent()(doc)._.persons] == []
    doc = make_doc("Dort lobte Cambridge die Band .", pos={"Cambridge": "PROPN"})
    doc.ents = [Span(doc, 2, 3, "PER")]
    assert [p.name for p in PeopleComponent()(doc)._.persons] == ["Cambridge"]


def test_a_ner_person_opening_with_an_inflected_adjective_is_none():
    doc = analysed(
        "Riesiges Ozonloch entdeckt\n\nDas sagte Anna Beispiel.",
        persons=("Riesiges Ozonloch", "Anna Beispiel"),
    )
    assert [p.name for p in doc._.persons] == ["Anna Beispiel"]


def test_a_ner_person_with_a_type_designation_is_a_product_but_a_year_after_a_name_is_none():
    doc = analysed(
        "Die McDonnell Douglas MD-80 landete. So machte Ruane 1980 eine Tour.",
        persons=("McDonnell Douglas MD-80", "Ruane 1980"),
        pos={"1980": "NUM"},
    )
    assert [p.name for p in doc._.persons] == ["Ruane"]


def test_an_east_asian_name_the_ner_cut_or_the_tagger_misread_stays_whole():
    """„UN-Generalsekretär Ban | Ki Moon“: the NER tagged the name's end, a role noun introduces all of
    it; „und Nie Haisheng“: a capitalised word inside a sentence is no adverb („nie“), whatever the
    tagger says."""
    doc = analysed(
        "Es sprach UN-Generalsekretär Ban Ki Moon. An Bord sind Zhai Zhigang und Nie Haisheng.",
        persons=("Ki Moon", "Zhai Zhigang", "Nie Haisheng"),
        pos={"UN-Generalsekretär": "NOUN", "Ban": "PROPN", "Moon": "NOUN", "Nie": "ADV"},
    )
    assert [p.name for p in doc._.persons] == ["Ban Ki Moon", "Zhai Zhigang", "Nie Haisheng"]


def test_a_name_that_ends_or_opens_like_a_place_is_no_person():
    doc = analysed(
        "Das Feuer brach an der Camden Road aus, sagte Anna Beispiel. Er lebte in Sankt Pauli und St. Georg.",
        persons=("Camden Road", "Anna Beispiel", "Sankt Pauli", "St. Georg"),
    )
    assert [p.name for p in doc._.persons] == ["Anna Beispiel"]


def test_a_word_the_tagger_read_as_a_common_noun_after_a_role_noun_is_a_surname_unless_the_lexicon_knows_it():
    text = "Entsprechend äußerte sich der CSU-Vorsitzende Stoiber. Auch der Sprecher Polizei war da."
    doc = make_doc(text, pos={"CSU-Vorsitzende": "NOUN", "Stoiber": "NOUN", "Polizei": "NOUN"})
    persons, _, _, roles = analyse(doc, noun_genders={"Polizei": "Fem"})
    assert [p.name for p in persons] == ["Stoiber"]
    assert roles[0].role_normalized == "Vorsitzende/r"  # the prefix names the organisation


def test_the_surname_of_a_full_name_with_an_unknown_first_name_counts_as_a_proper_noun():
    """„Gnassingbé“ is no first name the lexicon knows; „Eyadéma“ alone later is still him where the
    tagger reads it as a proper noun, not where it reads a common noun."""
    text = "Der Präsident Gnassingbé Eyadéma ist tot. Eyadéma war der dienstälteste Staatsführer."
    doc = analysed(text, persons=("Gnassingbé Eyadéma",), pos={"Eyadéma": "PROPN", "dienstälteste": "ADJ"})
    (person,) = doc._.persons
    assert [m.text for m in person.mentions] == ["Gnassingbé Eyadéma", "Eyadéma"]
    assert {r.role_normalized for r in doc._.roles} == {"Präsident/in", "Staatsführer/in"}
    common = analysed(text, persons=("Gnassingbé Eyadéma",), pos={"dienstälteste": "ADJ"})
    assert [m.text for p in common._.persons for m in p.mentions] == ["Gnassingbé Eyadéma"]


def test_a_surname_opening_a_sentence_that_the_tagger_reads_as_an_adverb_is_a_mention():
    """The tagger's guess for an unknown capitalised word opening a sentence is an adverb; where the
    NER reads it as a person it is one, alone too („Stoiber hatte …“), but an adverb inside a
    sentence is no name."""
    doc = analysed(
        "Sepp Daxenberger ist gestorben. Daxenberger, Landwirt aus Traunstein, wurde bekannt. Stoiber hatte "
        "es betont. Es sagte B.",
        persons=("Sepp Daxenberger", "Daxenberger", "Stoiber", "B"),
        pos={"Daxenberger": "ADV", "Stoiber": "ADV", "B": "ADV"},
    )
    assert [(p.name, len(p.mentions)) for p in doc._.persons] == [("Sepp Daxenberger", 2), ("Stoiber", 1)]
    assert [(r.person_local_id, r.short) for r in doc._.roles] == [(0, "Landwirt")]


def test_a_surname_after_a_title_that_the_tagger_reads_as_an_adverb_is_a_name():
    doc = analysed(
        "Wie Privatdozent Dr. Dittrich erklärte, wirkt es.",
        persons=("Dittrich",),
        pos={"Dittrich": "ADV", "Wie": "SCONJ"},
    )
    assert [(p.name, [r.short for r in doc._.roles]) for p in doc._.persons] == [
        ("Dittrich", ["Privatdozent"])
    ]
