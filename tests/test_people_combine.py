"""Corpus-wide merging: one person_id / org_id across documents, stable ids, counts, quotes."""

from __future__ import annotations

from people_docs import analysed

from pipeline.document import Document
from pipeline.extract import extract
from pipeline.extract.records import Quote
from pipeline.tables.build import tables_from_extractions

LONG = "Bundesministerium für Familie, Senioren, Frauen und Jugend"


def corpus():
    texts = {
        "a.txt": (
            "2015-09-17",
            analysed(
                f"Bürgermeister Dr. Robert Böhmer dankte dem {LONG} (BMFSFJ).",
                persons=("Robert Böhmer",),
                orgs=(LONG,),
            ),
        ),
        "b.txt": (
            "2016-01-05",
            analysed("Robert M. Böhmer lobte das BMFSFJ.", persons=("Robert M. Böhmer",), orgs=("BMFSFJ",)),
        ),
        "c.txt": ("2014-03-01", analysed("Herr Böhmer kam.", persons=())),
    }
    pairs = []
    for path, (date, doc) in texts.items():
        doc_id = path[0] * 16
        pairs.append(
            (Document(source_path=path, format="txt", doc_id=doc_id, date=date), extract(doc, doc_id))
        )
    return pairs


def test_variants_merge_into_one_person_with_counts_and_dates():
    people = tables_from_extractions(corpus())["people"]
    assert len(people) == 1
    row = people.iloc[0]
    assert (row["name"], row["title"], row["gender"]) == ("Robert M. Böhmer", "Dr.", "male")  # fullest form
    assert (row["n_mentions"], row["n_documents"]) == (3, 3)
    assert (row["first_date"], row["last_date"]) == ("2014-03-01", "2016-01-05")
    assert row["roles"] == "Bürgermeister"  # as written; roles.csv keeps "Bürgermeister/in" for grouping


def test_ids_do_not_depend_on_document_order():
    forward, backward = tables_from_extractions(corpus()), tables_from_extractions(reversed(corpus()))
    for name in ("people", "organisations", "person_mentions", "roles", "org_mentions"):
        assert forward[name].equals(backward[name]), name


def test_abbreviation_and_long_form_are_one_organisation():
    tables = tables_from_extractions(corpus())
    orgs = tables["organisations"]
    assert len(orgs) == 1
    assert (orgs.iloc[0]["name"], orgs.iloc[0]["abbreviation"], orgs.iloc[0]["n_documents"]) == (
        LONG,
        "BMFSFJ",
        2,
    )
    assert set(tables["org_mentions"]["org_id"]) == {orgs.iloc[0]["org_id"]}


def test_quotes_get_corpus_ids_and_the_speakers_role():
    pairs = corpus()
    pairs[0][1].quotes.append(
        Quote(kind="direct", form="direct", text="Danke", start=0, end=5, speaker="Böhmer", person_local_id=0)
    )
    tables = tables_from_extractions(pairs)
    quote = tables["quotes"].iloc[0]
    assert quote["person_id"] == tables["people"].iloc[0]["person_id"]
    assert quote["speaker_role"] == "Bürgermeister"
    assert quote["quote_id"] == "aaaaaaaaaaaaaaaa-001"
    assert tables["people"].iloc[0]["n_quotes"] == 1


def test_metadata_funders_and_carriers_join_the_organisations():
    doc = analysed("Die Hochschule Bördeland lud ein.", orgs=("Hochschule Bördeland",))
    document = Document(
        source_path="d.pdf",
        format="pdf",
        doc_id="d" * 16,
        projekttraeger="Hochschule Bördeland",
        funder="Europäischer Sozialfonds (ESF); Land Sachsen-Anhalt",
    )
    tables = tables_from_extractions([(document, extract(doc, document.doc_id))])
    orgs = tables["organisations"].set_index("name")
    assert orgs.loc["Hochschule Bördeland", "functions"] == "Projektträger"
    assert orgs.loc["Land Sachsen-Anhalt", "org_type"] == "Ministerium/Behörde"
    (fund,) = tables["programmes"].to_dict("records")  # a funding programme, not an organisation
    assert (fund["name"], fund["abbreviation"]) == ("Europäischer Sozialfonds", "ESF")
    metadata_only = tables["org_mentions"].query("name == 'Land Sachsen-Anhalt'")
    assert metadata_only["start_char"].isna().all() and (metadata_only["function"] == "Förderer").all()


def test_quotes_and_person_mentions_share_sentence_numbers():
    """A parser split after „Dr.“ is no sentence boundary for people or for quotes."""
    from people_docs import make_doc

    from pipeline.extract.people import PeopleComponent
    from pipeline.extract.quotes import find_quotes

    doc = make_doc("Es sprach Dr. Jens Krüger: „Wir sind zufrieden.“", persons=("Jens Krüger",))
    doc[3].is_sent_start = True  # the parser's split after the title
    doc = PeopleComponent()(doc)
    (person,) = doc._.persons
    quote = next(q for q in find_quotes(doc) if q.kind == "direct")
    assert person.mentions[0].sentence_index == quote.sentence_index == 0
