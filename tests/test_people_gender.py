"""Gender only with evidence: address, role noun, pronoun, first-name lexicon; otherwise unknown."""

from __future__ import annotations

from people_docs import analysed

from pipeline.extract.gender import PRONOUN, ROLE_MASCULINE, Evidence, decide

SIE = {"Sie": "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs"}


def person(doc):
    (found,) = doc._.persons
    return found.gender, found.gender_evidence


def test_form_of_address():
    assert person(analysed("Das sagte Frau Dr. Eike Sommer.", persons=("Eike Sommer",))) == ("female", "Frau")


def test_feminine_role_noun():
    doc = analysed("Geschäftsführerin Eike Sommer lobte.", persons=("Eike Sommer",))
    assert person(doc) == ("female", "role noun: Geschäftsführerin")


def test_pronoun_reference():
    doc = analysed(
        "Eike Sommer eröffnete die Tagung. Sie lobte das Team.", persons=("Eike Sommer",), morph=SIE
    )
    assert person(doc) == ("female", "pronoun: sie")


def test_a_pronoun_with_several_candidates_is_no_gender_evidence():
    """„sie“ may continue the person not named after a preposition, but a guess is no evidence."""
    doc = analysed(
        "Eike Sommer sprach mit Kim Berg. Sie lobte das Team.",
        persons=("Eike Sommer", "Kim Berg"),
        morph=SIE,
        pos={"mit": "ADP", "Sie": "PRON"},
    )
    eike = next(p for p in doc._.persons if p.name == "Eike Sommer")
    assert (eike.gender, eike.gender_evidence) == ("unknown", "")
    # nor is one that continues the topic because no one is named near it
    doc = analysed(
        "Eike Sommer kam. Sommer sprach. Es regnete. Die Feier ist am Montag. Sie lobte das Team.",
        persons=("Eike Sommer", "Sommer"),
        morph=SIE,
        pos={"Sie": "PRON"},
    )
    assert person(doc) == ("unknown", "")


def test_first_name_lexicon():
    assert person(analysed("Kristin Jentsch lobte.", persons=("Kristin Jentsch",))) == (
        "female",
        "first name: Kristin",
    )


def test_no_evidence_is_unknown():
    assert person(analysed("Eike Sommer lobte.", persons=("Eike Sommer",))) == ("unknown", "")


def test_generic_masculine_role_does_not_outweigh_the_first_name():
    doc = analysed("Kristin Jentsch, Geschäftsführer der Muster GmbH, lobte.", persons=("Kristin Jentsch",))
    assert person(doc)[0] == "female"


def test_conflicting_evidence_of_equal_rank_is_unknown():
    gender, why = decide(
        [Evidence("female", PRONOUN, "pronoun: sie"), Evidence("male", PRONOUN, "pronoun: er")]
    )
    assert gender == "unknown" and why.startswith("conflicting")
    assert decide([Evidence("male", ROLE_MASCULINE, "role noun: Leiter")]) == ("male", "role noun: Leiter")


def test_der_die_nn_jaehrige_refers_back_with_gender():
    doc = analysed("Einer von ihnen ist Eike Sommer. Der 22-Jährige kam 2014.", persons=("Eike Sommer",))
    assert person(doc) == ("male", "Der 22-Jährige")


def test_plural_or_quoted_sie_gives_no_gender():
    singular_tag = {"sie": SIE["Sie"]}  # the tagger's Number is wrong; the verb form is plural
    plural = analysed(
        "Eike Sommer sprach. Danach sagten sie nichts.", persons=("Eike Sommer",), morph=singular_tag
    )
    assert person(plural) == ("unknown", "")
    quoted = analysed(
        "Eike Sommer sprach. „Sie lobte uns“, sagte Eike Sommer.", persons=("Eike Sommer",), morph=SIE
    )
    assert person(quoted) == ("unknown", "")


def test_first_name_lexicon_falls_through_to_global_figures_and_marks_mostly():
    from pipeline.extract.gender import first_name_evidence
    from pipeline.nlp import first_name_verdict, known_first_name

    assert first_name_verdict("Mehmet") == "male"  # no German figures: not „andy“
    assert first_name_evidence("Mehmet").label == "first name: Mehmet"
    kim = first_name_evidence("Kim")
    assert (kim.gender, kim.label) == ("female", "first name (mostly): Kim")
    assert decide([kim, Evidence("male", PRONOUN, "pronoun: er")])[0] == "male"
    assert known_first_name("Frank-Jürgen") and not known_first_name("Bautzen")
