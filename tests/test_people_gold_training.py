"""The people gold as NER training data: listed forms become entities, possible other names stay unknown."""

from __future__ import annotations

import json

from lexicon_files import write_lexicon
from spacy.vocab import Vocab

from pipeline.nlp.training import convert, data, people_gold
from pipeline.nlp.training.convert import Sentence
from pipeline.nlp.training.languagetool import never_names
from pipeline.settings import WIKINEWS_GOLD, Settings

ANNOTATION = {
    "persons": [{"name": "Frank-Jürgen Weise", "mentions": ["Herrn Weise"]}],
    "organisations": [{"name": "Bundesagentur für Arbeit", "variants": ["BA", "der Bundesagentur"]}],
}


def test_listed_forms_are_entities_and_other_capitalised_words_unknown_unless_never_a_name():
    words = [
        "Zahlreiche",
        "Gäste",
        "der",
        "Bundesagentur",
        "für",
        "Arbeit",
        "hörten",
        "Herrn",
        "Weise",
        "in",
        "Nürnberg",
        ",",
        "BA",
    ]
    tags = people_gold.tag_sentence(words, people_gold._forms(ANNOTATION), {"Zahlreiche", "Gäste", "Herrn"})
    assert tags == ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-PER", "O", "-", "O", "B-ORG"]


def test_a_missing_tag_leaves_the_token_unannotated_in_the_training_doc():
    sentence = Sentence(["Weise", "sprach", "in", "Nürnberg"], ["B-PER", "O", "O", "-"])
    doc = convert.ner_doc(Vocab(), sentence, data.PEOPLE_GOLD_CORPUS)
    assert [(t.ent_iob_, t.ent_type_) for t in doc] == [("B", "PER"), ("O", ""), ("O", ""), ("", "")]


def test_never_names_are_common_words_only_also_at_a_sentence_start(tmp_path):
    lexicon = write_lexicon(
        tmp_path,
        "Gäste\tGast\tSUB:NOM:PLU:MAS\nzahlreiche\tzahlreich\tADJ:NOM:PLU:MAS:GRU:IND\n"
        "Essen\tEssen\tEIG:DAT:SIN:NEU:COU\nEssen\tEssen\tSUB:NOM:SIN:NEU\n",
    )
    assert never_names(lexicon, {"Gäste", "Zahlreiche", "Essen", "Nürnberg"}) == {"Gäste", "Zahlreiche"}


def test_only_the_named_dev_rounds_train_never_the_test_part():
    settings = Settings()
    spec = data.corpora_config()["ner"][data.PEOPLE_GOLD_CORPUS]
    rows = [json.loads(line) for line in WIKINEWS_GOLD.read_text(encoding="utf-8").splitlines()]
    trained = {row["article"] for row in people_gold.training_articles(spec)}
    assert len(trained) == 180 and spec["rounds"] == [1, 2, 3, 4]
    assert not trained & {row["article"] for row in rows if row["split"] == "test" or row["round"] > 4}
    docs = list(data.ner_docs(Vocab(), settings.nlp_data_dir, data.PEOPLE_GOLD_CORPUS, spec))
    assert {split for _, split in docs} == {"train"}
    assert (len(docs), sum(len(doc.ents) for doc, _ in docs)) == (2744, 1831)
    sources = data.source_files(settings.nlp_data_dir, data.corpora_config())
    assert WIKINEWS_GOLD in sources and len([p for p in sources if "spkatt2023" in str(p)]) == 180
