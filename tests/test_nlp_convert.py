"""Converters on small excerpts that mimic each corpus format, and on the first lines of the real files."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
import spacy
from lexicon_files import write_lexicon
from spacy.tokens import Span
from spacy.vocab import Vocab

from pipeline.nlp.morph_table import read_morph_table
from pipeline.nlp.training import convert, data, pretrain, wordvectors
from pipeline.nlp.training.experiments import variants
from pipeline.nlp.training.languagetool import LEXICON_FEATURES, build_morph_table, case_lexicon, truecase
from pipeline.nlp.training.vectors import build_static_vectors
from pipeline.settings import Settings


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def _docs(path, corpus, reader):
    return [convert.ner_doc(Vocab(), s, corpus) for s in reader(path)]


def test_germeval_tsv_outer_column_and_deriv_dropped(tmp_path):
    path = tmp_path / "germeval.tsv"
    path.write_text(
        "#\thttp://de.wikipedia.org/wiki/X\t[2009-10-23]\t\n"
        "1\tDie\tO\tO\n2\tdeutsche\tB-LOCderiv\tO\n3\tBahn\tO\tO\n"
        "4\tAngela\tB-PER\tO\n5\tMerkel\tI-PER\tO\n6\tbesucht\tO\tO\n"
        "7\tBMW\tB-ORG\tO\n8\t-Werk\tO\tO\n9\tin\tO\tO\n10\tMünchen\tB-LOC\tO\n11\t.\tO\tO\n\n",
        encoding="utf-8",
    )
    (doc,) = _docs(path, "germeval2014", convert.read_indexed_columns)
    assert _ents(doc) == [("Angela Merkel", "PER"), ("BMW", "ORG"), ("München", "LOC")]
    assert doc.text.endswith("München.")


def test_ler_conll_fine_types_mapped(tmp_path):
    path = tmp_path / "ler.conll"
    path.write_text(
        "Herrn O\nRechtsanwalt O\nF B-AN\nvor O\ndem O\nBundesgerichtshof B-GRT\n"
        "nach O\n§ B-GS\n5 I-GS\nBGB I-GS\n\n",
        encoding="utf-8",
    )
    (doc,) = _docs(path, "ler", convert.read_columns)
    assert _ents(doc) == [("F", "PER"), ("Bundesgerichtshof", "ORG"), ("§ 5 BGB", "MISC")]


def test_conll2003_with_docstart_and_unmapped_types(tmp_path):
    path = tmp_path / "mobie.conll2003"
    path.write_text(
        "-DOCSTART- -1- O O\n\nRT\tNN\tI-NN\tO\n@PolizeiMuenchen\tNN\tI-NN\tB-organization\n"
        "Stau\tNN\tI-NN\tB-trigger\nauf\tAPPR\tI-AP\tO\nA9\tNE\tI-NE\tB-location-route\n"
        "bei\tAPPR\tI-AP\tO\nIngolstadt\tNE\tI-NE\tB-location-city\n\n#Bahn\tNE\tI-NE\tB-organization-company\n\n",
        encoding="utf-8",
    )
    docs = _docs(path, "mobie", convert.read_columns)
    assert [_ents(d) for d in docs] == [
        [("@PolizeiMuenchen", "ORG"), ("Ingolstadt", "LOC")],
        [("Bahn", "ORG")],  # the hashtag sign is split off and left out (see below)
    ]


def test_multiconer_comments_and_groups(tmp_path):
    path = tmp_path / "de.conll"
    path.write_text(
        "# id abc\tdomain=train\nlenny _ _ B-PER\nbaker _ _ I-PER\nbei _ _ O\nsiemens _ _ B-CORP\n\n",
        encoding="utf-8",
    )
    (doc,) = _docs(path, "multiconer-de", convert.read_columns)
    assert _ents(doc) == [("lenny baker", "PER"), ("siemens", "ORG")]


def test_hipe_tsv_spaces_and_sentence_ends(tmp_path):
    path = tmp_path / "hipe.tsv"
    path.write_text(
        "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n"
        "# hipe2022:document_id = dev_de_1\n"
        "Johann\tB-PER\t_\tO\t_\t_\tO\tNIL\t_\t_\n"
        "Moll\tI-PER\t_\tO\t_\t_\tO\tNIL\t_\tNoSpaceAfter\n"
        ".\tO\t_\tO\t_\t_\tO\t_\t_\tEndOfSentence\n"
        "In\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
        "Wien\tB-LOC\t_\tO\t_\t_\tO\tNIL\t_\tNoSpaceAfter|EndOfSentence\n",
        encoding="utf-8",
    )
    docs = _docs(path, "newseye", convert.read_hipe)
    assert [d.text for d in docs] == ["Johann Moll.", "In Wien"]
    assert [_ents(d) for d in docs] == [[("Johann Moll", "PER")], [("Wien", "LOC")]]


def test_uner_iob2(tmp_path):
    path = tmp_path / "pud.iob2"
    path.write_text(
        "# newdoc id = n01001\n# sent_id = n01001-0001\n# text = Kori Schulman schrieb .\n"
        "1\tKori\tB-PER\t-\t-\n2\tSchulman\tI-PER\t-\t-\n3\tschrieb\tO\t-\t-\n4\t.\tO\t-\t-\n\n",
        encoding="utf-8",
    )
    (doc,) = _docs(path, "uner-german-pud", convert.read_indexed_columns)
    assert _ents(doc) == [("Kori Schulman", "PER")]
    assert doc.text == "Kori Schulman schrieb."


def _gzip(path, text):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(text)
    return path


def test_europarl_iob1_entities_start_with_i_and_b_separates_neighbours(tmp_path):
    rows = [
        ("Herr", "Herr", "NN", "I-NC", "O"),
        ("von", "von", "APPR", "I-PC", "I-PER"),
        ("Wogau", "<unknown>", "NN", "I-PC", "I-PER"),
        ("sprach", "sprechen", "VVFIN", "I-VC", "O"),
        ("für", "für", "APPR", "I-PC", "O"),
        ("Frankreich", "Frankreich", "NE", "I-NC", "I-LOC"),
        ("Deutschland", "Deutschland", "NE", "I-NC", "B-LOC"),
        ("und", "und", "KON", "O", "O"),
        ("die", "d", "ART", "I-NC", "O"),
        ("Europäische", "europäisch", "ADJA", "I-NC", "I-ORG"),
        ("Kommission", "Kommission", "NN", "I-NC", "I-ORG"),
        (".", ".", "$.", "O", "O"),
    ]
    path = _gzip(
        tmp_path / "train.tsv.gz", "".join("\t".join(r) + "\n" for r in rows) + "\nJa\tja\tPTKANT\tO\tO\n\n"
    )
    docs = _docs(path, "europarl-de", convert.read_europarl)
    assert [_ents(d) for d in docs] == [
        [
            ("von Wogau", "PER"),
            ("Frankreich", "LOC"),
            ("Deutschland", "LOC"),
            ("Europäische Kommission", "ORG"),
        ],
        [],
    ]
    assert docs[0].text == "Herr von Wogau sprach für Frankreich Deutschland und die Europäische Kommission."


def test_bundestag_gold_gzip_columns_cut_into_documents(tmp_path):
    sentence = "1\tAbg\t_\t_\tO\t_\t_\n2\t.\t_\t_\tO\t_\t_\n3\tDr.\t_\t_\tO\t_\t_\n"
    sentence += "4\tHans\t_\t_\tB-PER\t_\t_\n5\tEhard\t_\t_\tI-PER\t_\t_\n6\t(\t_\t_\tO\t_\t_\n"
    sentence += "7\tCSU\t_\t_\tB-ORG\t_\t_\n8\t)\t_\t_\tO\t_\t_\n9\tin\t_\t_\tO\t_\t_\n"
    sentence += "10\tBonn\t_\t_\tB-LOC\t_\t_\n\n"
    path = _gzip(tmp_path / "Gold-01143.conll.gz", sentence * 45)
    sentences = list(convert.read_bundestag_gold(path))
    assert len(sentences) == 45
    assert [s.doc_key for s in sentences[19:21]] == ["Gold-01143.conll.gz:0", "Gold-01143.conll.gz:1"]
    assert sentences[44].doc_key == "Gold-01143.conll.gz:2"
    doc = convert.ner_doc(Vocab(), sentences[0], "bundestag-gold")
    assert _ents(doc) == [("Hans Ehard", "PER"), ("CSU", "ORG"), ("Bonn", "LOC")]
    assert doc.text == "Abg. Dr. Hans Ehard (CSU) in Bonn"


def test_wikineural_and_wikiann_drop_redirects_and_markup(tmp_path):
    path = _gzip(
        tmp_path / "train.conllu.gz",
        "0\tWEITERLEITUNG\tO\n1\tAntonina\tB-PER\n2\tKriwoschapka\tI-PER\n\n"
        "0\t**\tO\n1\t''\tO\n2\tLou\tB-PER\n3\tSalomé\tI-PER\n4\t''\tO\n5\t.\tO\n\n"
        "0\tSpieler\tO\n1\tvom\tO\n2\tSKA\tB-ORG\n3\tSankt\tI-ORG\n4\tPetersburg\tI-ORG\n"
        "5\tin\tO\n6\tDresden\tB-LOC\n7\t1999\tB-MISC\n\n",
    )
    docs = _docs(path, "wikineural-de", convert.read_wikineural)
    assert [d.text for d in docs] == ["Lou Salomé.", "Spieler vom SKA Sankt Petersburg in Dresden 1999"]
    assert _ents(docs[1]) == [("SKA Sankt Petersburg", "ORG"), ("Dresden", "LOC"), ("1999", "MISC")]
    (wikiann,) = _docs(path, "wikiann-de", convert.read_wikineural)[1:]
    assert _ents(wikiann) == [("SKA Sankt Petersburg", "ORG"), ("Dresden", "LOC")]  # no MISC in WikiANN


def test_corpus_without_vector_text_is_sampled_but_not_in_the_text(tmp_path, monkeypatch):
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "a.conll").write_text("Brief\tO\nan\tO\nMarc\tB-pers\n\n" * 10, encoding="utf-8")
    (tmp_path / "ner" / "b.conll").write_text("Karte\tO\nvon\tO\nFranz\tB-pers\n\n" * 10, encoding="utf-8")
    monkeypatch.setitem(data.NER_READERS, "silver", convert.read_columns)
    monkeypatch.setitem(convert.label_map()["corpora"], "silver", {"map": {"pers": "PER"}})
    spec = {"group": "historical", "keep": 1.0, "keep_empty": 0.0}
    config = {
        "ner": {
            "sturm": {**spec, "files": {"train": "a.conll"}},
            "silver": {**spec, "files": {"train": "b.conll"}, "vector_text": False},
        }
    }
    stats = data.build_ner(tmp_path, tmp_path / "out", config)
    assert stats["silver"]["train_used"] == stats["silver"]["train_PER"] == 10
    assert (tmp_path / "out" / "text.txt").read_text(encoding="utf-8") == "Brief an Marc\n" * 10


def test_europeana_running_text_is_cut_into_sentences(tmp_path):
    path = tmp_path / "enp.bio"
    path.write_text(
        "Eintracht O\nin O\nWien B-LOC\nheute O\n. O\n"
        "Der O\nKaiser O\nFranz B-PER\nJoseph I-PER\nkam O\n. O\n"
    )
    docs = _docs(path, "europeana", convert.read_running_tokens)
    assert [d.text for d in docs] == ["Eintracht in Wien heute.", "Der Kaiser Franz Joseph kam."]
    assert _ents(docs[1]) == [("Franz Joseph", "PER")]


def test_smartdata_offsets_overlaps_and_whitespace(tmp_path):
    text = "Michael Peters, CEO von Euronews\xa0, sprach in Lyon.\n"
    record = {
        "id": "x",
        "text": text,
        "entities": [
            [0, 14, "PERSON"],
            [16, 19, "ORG_POSITION"],
            [24, 33, "ORGANIZATION_COMPANY"],
            [45, 49, "LOCATION_CITY"],
        ],
    }
    path = tmp_path / "smartdata.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    ((doc, key),) = list(convert.read_smartdata(path, Vocab()))
    assert key == "x"
    assert _ents(doc) == [("Michael Peters", "PER"), ("Euronews", "ORG"), ("Lyon", "LOC")]


def test_gold_spans_lose_swept_in_punctuation_and_hashtags(tmp_path):
    """Annotators of Smart Data sometimes included the sentence's period or comma, or the hashtag."""
    text = "betont Staatssekretär Krämer. „Als Autoren: Wolfgang Bittner, #Lucke und die Firma (SSRPM).\n"
    marked = {
        "Krämer.": "PERSON",
        "Wolfgang Bittner,": "PERSON",
        "#Lucke": "PERSON",
        "Firma (SSRPM).": "ORGANIZATION",
    }
    entities = [[text.index(span), text.index(span) + len(span), label] for span, label in marked.items()]
    path = tmp_path / "smartdata.jsonl"
    path.write_text(json.dumps({"id": "y", "text": text, "entities": entities}) + "\n", encoding="utf-8")
    ((doc, _),) = list(convert.read_smartdata(path, Vocab()))
    assert _ents(doc) == [
        ("Krämer", "PER"),
        ("Wolfgang Bittner", "PER"),
        ("Lucke", "PER"),
        ("Firma (SSRPM)", "ORG"),
    ]


def test_hashtag_tokens_are_split_and_the_sign_left_out_of_the_name():
    sentence = convert.Sentence(
        words=["Stau", "auf", "der", "#A100", "bei", "#Berlin", "#stau"],
        tags=["O", "O", "O", "B-location-street", "O", "B-location-city", "O"],
    )
    doc = convert.ner_doc(Vocab(), sentence, "mobie")
    assert doc.text == "Stau auf der #A100 bei #Berlin #stau"
    assert _ents(doc) == [("A100", "LOC"), ("Berlin", "LOC")]


def test_bio_spans_keep_balanced_brackets_and_drop_stray_ones():
    sentence = convert.Sentence(
        words=["Das", "Bundesamt", ")", "und", "„", "Die", "Zeit", "“", "sowie", "Robert", "Downey", "Jr."],
        tags=["O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "I-PER"],
    )
    doc = convert.ner_doc(Vocab(), sentence, "uner-german-pud")
    assert _ents(doc) == [("Bundesamt", "ORG"), ("„Die Zeit“", "ORG"), ("Robert Downey Jr.", "PER")]


def test_pipeline_entities_are_trimmed_like_the_gold():
    """The last component applies the gold rule to what the NER predicted."""
    nlp = spacy.blank("de")
    nlp.add_pipe("projektradar_entity_trim")
    doc = nlp.make_doc("Wie Burkhardt, Hilfenhaus und #Hamburg (Elbe) meldeten:")
    spans = [(1, 3, "PER"), (3, 4, "PER"), (5, 7, "LOC"), (7, 10, "LOC"), (11, 12, "MISC")]
    doc.set_ents([Span(doc, s, e, label=label) for s, e, label in spans])
    assert _ents(nlp(doc)) == [
        ("Burkhardt", "PER"),
        ("Hilfenhaus", "PER"),
        ("Hamburg", "LOC"),
        ("(Elbe)", "LOC"),
    ]


def test_conllu_merges_multiword_tokens(tmp_path):
    path = tmp_path / "ud.conllu"
    path.write_text(
        "# sent_id = s1\n# text = Er geht zum Markt.\n"
        "1\tEr\ter\tPRON\tPPER\tCase=Nom|Gender=Masc|Number=Sing|Person=3\t2\tnsubj\t_\t_\n"
        "2\tgeht\tgehen\tVERB\tVVFIN\tMood=Ind|Number=Sing|Person=3|VerbForm=Fin\t0\troot\t_\t_\n"
        "3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "3\tzu\tzu\tADP\tAPPR\t_\t5\tcase\t_\t_\n"
        "4\tdem\tder\tDET\tART\tCase=Dat|Gender=Masc|Number=Sing\t5\tdet\t_\t_\n"
        "5\tMarkt\tMarkt\tNOUN\tNN\tCase=Dat|Gender=Masc|Number=Sing\t2\tobl\t_\tSpaceAfter=No\n"
        "6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n\n",
        encoding="utf-8",
    )
    (sentence,) = convert.read_conllu(path)
    assert sentence.words == ["Er", "geht", "zum", "Markt", "."]
    assert sentence.tags[2] == "APPRART"
    assert sentence.heads == [1, 1, 3, 1, 1]
    assert sentence.deps[1] == "ROOT"
    (doc,) = convert.treebank_docs(Vocab(), [sentence, sentence])
    assert doc.text == "Er geht zum Markt. Er geht zum Markt."
    assert [s.text for s in doc.sents] == ["Er geht zum Markt.", "Er geht zum Markt."]
    assert doc[3].morph.get("Gender") == ["Masc"]


def test_hash_split_is_stable_and_proportional():
    splits = [convert.hash_split(f"doc{i}") for i in range(5000)]
    assert splits == [convert.hash_split(f"doc{i}") for i in range(5000)]
    assert 0.17 < splits.count("test") / 5000 < 0.23
    assert 0.08 < splits.count("dev") / 5000 < 0.12


def test_morph_table_keeps_only_unambiguous_readings(tmp_path):
    lexicon = write_lexicon(
        tmp_path,
        "habe\thaben\tVER:AUX:3:SIN:KJ1\nhabe\thaben\tVER:AUX:1:SIN:PRÄ\nhabe\thaben\tVER:1:SIN:KJ1:NON\n"
        "Leiterin\tLeiterin\tSUB:NOM:SIN:FEM\nSee\tSee\tSUB:NOM:SIN:MAS\nSee\tSee\tSUB:NOM:SIN:FEM\n"
        "griffen\tgreifen\tVER:3:PLU:PRT:NON\nGriffen\tGriff\tSUB:DAT:PLU:MAS\n"
        "weiß\twissen\tVER:3:SIN:PRÄ:NON\nweiß\tweiß\tADJ:PRD:GRU\n",
    )
    counts = build_morph_table(lexicon, tmp_path / "table.tsv.gz")
    table = read_morph_table(tmp_path / "table.tsv.gz")
    assert table.noun_gender == {"Leiterin": "Fem", "Griffen": "Masc"}
    assert table.verb_mood[("habe", "3", "Sing")] == ("Sub", "Pres")
    assert ("habe", "1", "Sing") not in table.verb_mood
    # lower-case forms that are only finite verbs (the noun „Griffen“ is capitalised, „weiß“ is also white)
    assert table.finite_verb_lemma == {"habe": "haben", "griffen": "greifen"}
    assert counts == {"nouns": 2, "verbs": 3, "finite_verb_forms": 2}


@pytest.mark.parametrize("dim", [0, 8])
def test_static_vectors_hold_lexicon_features_and_word_vectors(tmp_path, dim):
    lexicon = write_lexicon(
        tmp_path,
        "Marktplatz\tMarktplatz\tSUB:NOM:SIN:MAS\nDresden\tDresden\tEIG:NOM:SIN:NEU:NOA:STD\n"
        "Müller\tMüller\tSUB:NOM:SIN:MAS\nMüller\tMüller\tEIG:NOM:SIN:MAS:ART:NAC\n"
        "dessen\tder\tPRO:DEM:GEN:SIN:MAS\nschöne\tschön\tADJ:NOM:SIN:FEM:GRU:DEF\n",
    )
    text = tmp_path / "text.txt"
    text.write_text(
        "Frau Müller fährt nach Dresden .\nHerr Schlatter fährt nach Bautzen .\n" * 20, encoding="utf-8"
    )
    settings = {"dim": dim, "min_count": 5, "epochs": 1}
    counts = build_static_vectors(lexicon, tmp_path / "vectors", text, settings)
    vectors = spacy.load(tmp_path / "vectors").vocab.vectors

    def features(form):
        row = vectors.find(key=form)
        values = vectors.data[row, dim:]
        return row >= 0 and {f for f, value in zip(LEXICON_FEATURES, values, strict=True) if value}

    assert features("Marktplatz") == {"noun"}
    assert features("Dresden") == {"city"}
    assert features("Müller") == {"noun", "surname"}
    assert features("Dessen") == {"function_word"}  # sentence-initial function word
    assert features("Peter") == {"first_name"}  # from gender-guesser
    assert features("Abdel-Aziz") == {"first_name"}
    assert features("schöne") is False
    assert counts["word_vectors"] == (9 if dim else 0)  # the words of the text, each seen 20 times
    assert features("Schlatter") == (set() if dim else False)  # a word vector, no lexicon entry
    assert vectors.shape[0] < counts["word_vectors"] + 20  # forms without a word vector share rows


def test_truecase_restores_german_capitalisation(tmp_path):
    entries = [
        ("Urlaub", "SUB:NOM:SIN:MAS"),
        ("essen", "VER:INF:NON"),
        ("Essen", "SUB:NOM:SIN:NEU"),
        ("Essen", "SUB:NOM:SIN:NEU:INF"),
        ("wir", "PRO:PER:NOM:PLU"),
        ("das", "ART:DEF:NOM:SIN:NEU"),
        ("mit", "PRP:MOD:DAT"),
        ("einer", "ART:IND:DAT:SIN:FEM"),
        ("Einer", "SUB:NOM:SIN:MAS"),
        ("Saison", "SUB:NOM:SIN:FEM"),
        ("der", "ART:DEF:GEN:PLU:FEM"),
        ("USA", "EIG:NOM:PLU:FEM:ART:COU"),
        ("sagt", "VER:3:SIN:PRÄ:NON"),
        ("vom", "PRP:LOK:DAT"),
        ("für", "PRP:FIN:AKK"),
        ("Bildung", "SUB:NOM:SIN:FEM"),
        ("IM", "SUB:NOM:SIN:MAS"),
        ("im", "PRP:LOK:DAT"),
        ("kleinen", "ADJ:DAT:SIN:FEM:GRU:DEF"),
        ("Kleinen", "SUB:DAT:SIN:FEM:ADJ"),
    ]
    lexicon = write_lexicon(tmp_path, "".join(f"{form}\t{form}\t{tag}\n" for form, tag in entries))
    sentence = "im urlaub, essen wir das essen mit einer kleinen festivalsaison der usa , sagt anna müller"
    words = [*sentence.split(" "), "vom", "bundesministerium", "für", "bildung", "."]
    entity = {"usa", "anna", "müller", "bundesministerium", "für", "bildung"}
    cased = truecase(words, [w in entity for w in words], case_lexicon(lexicon, set(words)))
    assert " ".join(cased) == (
        "Im Urlaub, essen wir das Essen mit einer kleinen Festivalsaison der USA , sagt Anna Müller "
        "vom Bundesministerium für Bildung ."
    )


def test_lowercased_training_split_is_truecased_test_split_kept():
    spec = {
        **data.corpora_config()["ner"]["multiconer-de"],
        **variants()["truecased_multiconer"]["corpora"]["multiconer-de"],
    }
    docs = data.ner_docs(Vocab(), Settings().nlp_data_dir, "multiconer-de", spec)
    first_train = next(doc for doc, split in docs if split == "train")
    assert first_train.text.startswith(
        "Es muss auch im Ausland auf Festivals und Paraden in Ländern wie Frankreich"
    )
    assert _ents(first_train)[0] == ("Frankreich", "LOC")
    first_test = next(doc for doc, split in docs if split == "test")
    assert first_test.text == first_test.text.lower()


def test_share_above_one_repeats_training_sentences(tmp_path):
    path = tmp_path / "sturm.conll"
    path.write_text("".join(f"Brief\tO\nan\tO\nMarc{i}\tB-pers\n\n" for i in range(40)), encoding="utf-8")
    spec = {"files": {"train": "sturm.conll"}, "group": "historical", "keep": 1.5, "keep_empty": 0.0}
    (tmp_path / "ner").mkdir()
    path.rename(tmp_path / "ner" / "sturm.conll")
    stats = data.build_ner(tmp_path, tmp_path / "out", {"ner": {"sturm": spec}})
    assert stats["sturm"]["train_docs"] == 40
    assert 45 <= stats["sturm"]["train_used"] <= 75
    assert stats["sturm"]["train_used"] == stats["sturm"]["train_PER"]


@pytest.mark.parametrize("corpus", list(data.corpora_config()["ner"]))
def test_real_corpus_excerpt_converts(corpus):
    """The first documents of every shared NER corpus convert and carry mapped labels only."""
    spec = data.corpora_config()["ner"][corpus]
    docs = list(itertools.islice(data.ner_docs(Vocab(), Settings().nlp_data_dir, corpus, spec), 400))
    assert len(docs) == 400
    labels = {e.label_ for doc, _ in docs for e in doc.ents}
    assert labels and labels <= {"PER", "LOC", "ORG", "MISC"}
    assert all(e.text == e.text.strip() for doc, _ in docs for e in doc.ents)


@pytest.mark.parametrize("corpus", ["europarl-de", "bundestag-gold", "wikineural-de"])
def test_real_parliament_and_silver_corpora_convert(corpus):
    """The corpora added with the wikineural_share step convert from the real files, with a
    held-back test part."""
    spec = data.corpora_config()["ner"][corpus]
    docs = list(data.ner_docs(Vocab(), Settings().nlp_data_dir, corpus, spec))
    splits = {split for _, split in docs}
    assert "test" in splits and "train" in splits
    labels = {e.label_ for doc, _ in docs[:400] for e in doc.ents}
    assert labels == {"PER", "LOC", "ORG", "MISC"}
    assert all(e.text == e.text.strip() for doc, _ in docs[:400] for e in doc.ents)


def test_real_treebank_excerpt_converts():
    spec = data.corpora_config()["ud"]["gsd"]
    sentences = list(itertools.islice(convert.read_conllu(Settings().nlp_data_dir / spec["files"][0]), 50))
    assert sentences[0].sent_id == "dev-s1"
    assert all(len(s.words) == len(s.heads) == len(s.morphs) for s in sentences)
    assert any("Mood=" in m for s in sentences for m in s.morphs)


def test_raw_text_paragraphs_of_speeches_and_laws(tmp_path):
    speeches = _gzip(
        tmp_path / "speeches.jsonl.gz",
        json.dumps({"id": "1", "text": "Sehr geehrte Frau Präsidentin!\nDie EU-Kommission (Brüssel) irrt."})
        + "\n",
    )
    law = "---\nTitle: Gesetz\njurabk: G\n\n---\n\n# Gesetz über die\nDeutsche Bundesbank (BBankG)\n\n"
    law += "### § 1\n\n**Die** Deutsche Bundesbank wird\nermächtigt, z.B. Münzen zu prägen.\n\n| a | b |\n"
    laws = _gzip(tmp_path / "laws.jsonl.gz", json.dumps({"id": "G", "text": law}) + "\n")
    assert list(wordvectors.raw_paragraphs(speeches)) == [
        "Sehr geehrte Frau Präsidentin!",
        "Die EU-Kommission (Brüssel) irrt.",
    ]
    paragraphs = list(wordvectors.raw_paragraphs(laws))
    assert "Title" not in " ".join(paragraphs)
    assert [wordvectors.tokenize(p) for p in paragraphs] == [
        ["Gesetz", "über", "die", "Deutsche", "Bundesbank", "(", "BBankG", ")"],
        ["§", "1"],
        [
            "Die",
            "Deutsche",
            "Bundesbank",
            "wird",
            "ermächtigt",
            ",",
            "z.B",
            ".",
            "Münzen",
            "zu",
            "prägen",
            ".",
        ],
        ["a", "b"],
    ]
    with (tmp_path / "out.txt").open("w", encoding="utf-8") as out:
        tokens = wordvectors.write_raw_text([speeches], out)
    assert tokens == 12
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").splitlines()[1] == (
        "Die EU-Kommission ( Brüssel ) irrt ."
    )


def test_pretraining_text_cuts_long_paragraphs_at_sentence_ends(tmp_path):
    assert pretrain.text_lines(["Ja", ".", "Wir", "kommen", ".", "Nein"], limit=4) == [
        ["Ja", "."],
        ["Wir", "kommen", ".", "Nein"],
    ]
    assert pretrain.text_lines(["Bundestag"] * 9, limit=4) == [["Bundestag"] * 4] * 2 + [["Bundestag"]]
    corpus_text = tmp_path / "text.txt"
    corpus_text.write_text("Merkel spricht .\n", encoding="utf-8")
    speech = "Die Ministerin sprach in Berlin. " * 150 + "\nKurz.\nDer Bundestag tagt heute wieder."
    speeches = _gzip(tmp_path / "speeches.jsonl.gz", json.dumps({"id": "1", "text": speech}) + "\n")
    out = tmp_path / "pretraining.txt"
    assert pretrain.pretraining_text(corpus_text, [speeches], None, out) == 900 + 6
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Merkel spricht ." and lines[-1] == "Der Bundestag tagt heute wieder ."
    assert [len(line.split()) for line in lines[1:-1]] == [396, 396, 108]  # whole 6-token sentences, ≤ 400
    assert pretrain.pretraining_text(corpus_text, [speeches], 100, out) == 900  # stops after the cap
    assert out.read_text(encoding="utf-8").count("\n") == 4


def test_word_vectors_from_raw_text_are_cached_under_their_inputs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    speech = "Die Abgeordnete Müller aus Dresden spricht im Bundestag .\n" * 10
    _gzip(raw / "speeches.jsonl.gz", json.dumps({"id": "1", "text": speech}) + "\n")
    text = tmp_path / "text.txt"
    text.write_text("Frau Schlatter fährt nach Bautzen .\n" * 5, encoding="utf-8")
    settings = {"dim": 8, "min_count": 5, "epochs": 1, "raw": ["speeches.jsonl.gz"]}
    cache = tmp_path / "cache"
    words, info = wordvectors.word_vectors(text, settings, raw, cache)
    assert {"Schlatter", "Bundestag", "Müller"} <= words.keys()  # own text and raw text
    assert info["raw_tokens"] == 90 and not info["cached"]
    again, info_again = wordvectors.word_vectors(text, settings, raw, cache)
    assert info_again["cached"] and info_again["fingerprint"] == info["fingerprint"]
    assert all((again[w] == words[w]).all() for w in words)
    _, changed = wordvectors.word_vectors(text, {**settings, "epochs": 2}, raw, cache)
    assert not changed["cached"] and changed["fingerprint"] != info["fingerprint"]
    assert not (tmp_path / "word_vector_text.txt").exists()  # the joined text is removed


def test_self_training_text_leaves_out_every_scored_article(tmp_path, monkeypatch):
    from pipeline.evaluation.quotes import load_article
    from pipeline.nlp.training import selftrain
    from pipeline.settings import WIKINEWS_GOLD

    data_dir = Settings().nlp_data_dir
    lines = WIKINEWS_GOLD.read_text(encoding="utf-8").splitlines()
    dev = [
        p
        for p in sorted((data_dir / selftrain.SPKATT_ARTICLES).glob("*.json"))
        if load_article(p).split == "dev"
    ]
    gold = {json.loads(line)["article"] for line in lines}
    assert {p.name.split(" - ")[0] for p in dev} <= gold  # since round 7 the people gold has every one
    assert selftrain.unscored_articles(data_dir) == []
    kept = tmp_path / "gold.jsonl"  # a gold of its first 300 articles leaves the other 58 unscored
    kept.write_text("\n".join(lines[:300]) + "\n", encoding="utf-8")
    monkeypatch.setattr(selftrain, "WIKINEWS_GOLD", kept)
    scored = {json.loads(line)["article"] for line in lines[:300]}
    unscored = [p for p in dev if p.name.split(" - ")[0] not in scored]
    articles = selftrain.unscored_articles(data_dir)
    assert len(articles) == len(unscored) == 58
    first = json.loads(unscored[0].read_text(encoding="utf-8"))["Sentences"]
    assert articles[0] == [s["Tokens"] for s in first if s["Tokens"]]


def test_silver_sentence_tags_are_the_teachers_entities_without_whitespace_tokens():
    from pipeline.nlp.training.selftrain import _sentence

    nlp = spacy.blank("de")
    doc = nlp("Kristin Jentsch  sprach mit der IHK Dresden.")
    doc.ents = [Span(doc, 0, 2, "PER"), Span(doc, 6, 8, "ORG")]
    sentence = _sentence(doc[:])
    assert sentence.words == ["Kristin", "Jentsch", "sprach", "mit", "der", "IHK", "Dresden", "."]
    assert sentence.tags == ["B-PER", "I-PER", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    assert _ents(convert.ner_doc(Vocab(), sentence, data.SILVER_CORPUS)) == [
        ("Kristin Jentsch", "PER"),
        ("IHK Dresden", "ORG"),
    ]
