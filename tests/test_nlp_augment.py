"""Training-time helpers of the NER recipe: mention replacement, tok2vec pretraining, and how recipe
steps are measured."""

from __future__ import annotations

import json

import pytest
import spacy
from lexicon_files import write_lexicon
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Corpus
from spacy.training.initialize import init_nlp
from spacy.util import load_config, registry

from pipeline.nlp.fingerprint import recipe_inputs
from pipeline.nlp.training import augment, card
from pipeline.nlp.training.data import CONFIG_DIR
from pipeline.nlp.training.experiments import record_run
from pipeline.nlp.training.pretrain import pretrain_tok2vec, pretraining_config
from pipeline.nlp.training.train import mention_swap_level
from pipeline.nlp.training.vectors import build_static_vectors
from pipeline.settings import Settings

SEED = Settings().shared_dir / "seed" / "000_08f6338388034590.txt"
# From the seed press release, entities as the NER corpora mark them.
TEXT = "„ Wir wünschen uns mehr Mut “ , so Schramm , Oberbürgermeister a.D. , in Bautzen zur DGB - Jugend ."
WORDS = TEXT.split(" ")
ENTITIES = [(9, 10, "PER"), (15, 16, "LOC"), (17, 20, "ORG")]
POOL = {
    "PER": [["Angela", "Merkel"]],
    "ORG": [["Bundesagentur", "für", "Arbeit"]],
    "LOC": [["Görlitz"]],
    "first_names": ["Aylin"],
    "german_first_names": ["Kristin"],
    "surnames": ["Özdemir"],
}


def _doc(text=TEXT, entities=ENTITIES, label_extra=()):
    """A tokenised sentence (tokens separated by spaces) with gold entities, as in the NER corpora."""
    doc = Doc(spacy.blank("de").vocab, words=text.split(" "))
    doc.set_ents(
        [Span(doc, s, e, label=label) for s, e, label in [*entities, *label_extra]], default="outside"
    )
    return doc


def test_usable_mentions_exclude_anonymised_lowercase_and_ocr_debris():
    assert augment.usable_mention(["Kristin", "Jentsch"])
    assert augment.usable_mention(["M’s", "Marketing", "+", "Kommunikation", "GmbH"])
    assert augment.usable_mention(["Baden-Württemberg"])
    assert not augment.usable_mention(["K."])  # anonymised court decision
    assert not augment.usable_mention(["stadteinwärts"])
    assert not augment.usable_mention(["Göschen,"])  # OCR: the comma sticks to the name
    assert not augment.usable_mention(["Wilh", "."])
    assert not augment.usable_mention(["A"] * (augment.MAX_MENTION_TOKENS + 1))


def test_swap_replaces_each_entity_and_keeps_the_context():
    swapper = augment.MentionSwapper(POOL, seed=3)
    seen_people = set()
    for _ in range(40):
        words, spaces, tags = swapper.swap(_doc())
        assert len(words) == len(spaces) == len(tags)
        assert words[:9] == WORDS[:9] and words[-1] == "."
        entities = [(w, t) for w, t in zip(words, tags, strict=True) if t != "O"]
        person = tuple(w for w, t in entities if t.endswith("-PER"))
        seen_people.add(person)
        assert [w for w, t in entities if t.endswith("-LOC")] == ["Görlitz"]
        assert [t for _, t in entities if t.endswith("-ORG")] == ["B-ORG", "I-ORG", "L-ORG"]
    # a lone surname is replaced by a training mention or, from the lexicons, by a lone surname
    assert seen_people == {("Angela", "Merkel"), ("Özdemir",)}


def test_synthetic_full_names_draw_first_names_from_both_lists():
    swapper = augment.MentionSwapper(POOL, seed=1)
    doc = _doc("Das sagte Kristin Jentsch in Bautzen .", [(2, 4, "PER"), (5, 6, "LOC")])
    people = {
        tuple(w for w, t in zip(*swapper.swap(doc)[::2], strict=True) if t.endswith("PER")) for _ in range(60)
    }
    assert people == {("Angela", "Merkel"), ("Kristin", "Özdemir"), ("Aylin", "Özdemir")}


def test_misc_entities_and_sentences_without_swappable_ones_are_kept():
    swapper = augment.MentionSwapper(POOL)
    only_misc = _doc("Der Deutsche Engagementpreis 2015 .", [(1, 3, "MISC")])
    assert swapper.swap(only_misc) is None
    words, _, tags = swapper.swap(_doc(label_extra=[(3, 4, "MISC")]))
    assert (words[3], tags[3]) == ("uns", "U-MISC")


def test_registered_augmenter_swaps_at_level_one_and_passes_at_zero(tmp_path):
    pool_path = tmp_path / "mentions.json"
    augment.write_mention_pool(POOL, pool_path)
    DocBin(docs=[_doc()]).to_disk(tmp_path / "train.spacy")
    nlp = spacy.blank("de")
    create = registry.augmenters.get("projektradar.mention_swap.v1")
    swapped = list(Corpus(tmp_path / "train.spacy", augmenter=create(str(pool_path), 1.0))(nlp))
    kept = list(Corpus(tmp_path / "train.spacy", augmenter=create(str(pool_path), 0.0))(nlp))
    assert [e.text for e in swapped[0].reference.ents][1:] == ["Görlitz", "Bundesagentur für Arbeit"]
    assert swapped[0].predicted.text == swapped[0].reference.text
    assert [e.text for e in kept[0].reference.ents] == ["Schramm", "Bautzen", "DGB - Jugend"]


def test_mention_pool_from_training_docs_and_lexicon_surnames(tmp_path):
    lexicon = write_lexicon(
        tmp_path,
        "Özdemir\tÖzdemir\tEIG:NOM:SIN:MAS:NOA:NAC\nÖzdemirs\tÖzdemir\tEIG:GEN:SIN:MAS:NOA:NAC\n"
        "Bautzen\tBautzen\tEIG:NOM:SIN:NEU:NOA:STD\nMüller\tMüller\tSUB:NOM:SIN:MAS\n",
    )
    docs = [
        _doc("Kristin Jentsch und K. in Bautzen .", [(0, 2, "PER"), (3, 4, "PER"), (5, 6, "LOC")]),
        _doc("Göschen, fuhr stadteinwärts .", [(0, 1, "PER"), (2, 3, "LOC")]),
    ]
    pool = augment.mention_pool(docs, lexicon)
    assert pool["PER"] == [["Kristin", "Jentsch"]]
    assert pool["LOC"] == [["Bautzen"]]
    assert pool["surnames"] == ["Jentsch", "Özdemir"]
    assert "Kristin" in pool["german_first_names"] and "Mehmet" in pool["first_names"]
    assert json.loads(json.dumps(pool)) == pool


def test_pretraining_config_copies_the_ner_tok2vec():
    ner = load_config(CONFIG_DIR / "ner.cfg", interpolate=False)
    config = pretraining_config(epochs=3)
    assert config["nlp"]["pipeline"] == ["tok2vec"]
    assert config["pretraining"]["max_epochs"] == 3
    assert (
        config["components"]["tok2vec"]["model"]["encode"]
        == ner["components"]["ner"]["model"]["tok2vec"]["encode"]
    )
    resolved = config.interpolate()
    assert resolved["components"]["tok2vec"]["model"]["embed"]["width"] == 96


@pytest.fixture(scope="module")
def static_vectors(tmp_path_factory):
    directory = tmp_path_factory.mktemp("vectors")
    lexicon = write_lexicon(directory, "Bautzen\tBautzen\tEIG:NOM:SIN:NEU:NOA:STD\n")
    text = directory / "text.txt"
    text.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    build_static_vectors(lexicon, directory / "static", text, {"dim": 0, "min_count": 1, "epochs": 1})
    return directory


def test_pretrained_weights_start_the_ner(static_vectors, tmp_path):
    """`spacy pretrain` on the seed text; the NER's tok2vec then starts from exactly those weights."""
    weights = pretrain_tok2vec(
        static_vectors / "text.txt", static_vectors / "static", tmp_path / "pretrain", 1, {}
    )
    train = tmp_path / "train.spacy"
    DocBin(docs=[_doc()]).to_disk(train)
    paths = {
        "paths.vectors": str(static_vectors / "static"),
        "paths.train": str(train),
        "paths.dev": str(train),
    }

    def ner_tok2vec(pretrained):
        config = load_config(
            CONFIG_DIR / "ner.cfg", overrides={**paths, "paths.pretrained_tok2vec": pretrained}
        )
        return init_nlp(config).get_pipe("ner").model.get_ref("tok2vec").layers[0]

    assert ner_tok2vec(str(weights)).to_bytes() == weights.read_bytes()
    assert ner_tok2vec(None).to_bytes() != weights.read_bytes()


def _run(seed, per):
    scores = {"PER": per, "LOC": 0.75, "ORG": 0.55, "overall": 0.69}
    return {"seed": seed, "minutes": 9.0, "contemporary": scores, "contemporary_with_rules": scores}


def test_experiment_runs_of_several_seeds_are_averaged_and_rendered(tmp_path, monkeypatch):
    monkeypatch.setattr(card, "EXPERIMENTS_PATH", tmp_path / "experiments.yml")
    record_run("mention_swap", "swap", _run(0, 0.70))
    record_run("mention_swap", "swap", _run(1, 0.73))
    row = record_run("mention_swap", "swap", _run(1, 0.72))  # the same seed again replaces its run
    assert [r["seed"] for r in row["runs"]] == [0, 1]
    assert row["contemporary"]["PER"] == 0.71
    assert card._mean_and_spread([0.70, 0.72]) == "71.0 ± 1.0"
    assert card._mean_and_spread([0.6873]) == "68.7"


def test_recipe_fingerprint_covers_configs_not_measurements():
    names = {path.name for path in recipe_inputs(Settings())}
    assert {"ner.cfg", "ud.cfg", "pretrain.cfg", "corpora.yml", "augment.py", "pretrain.py"} <= names
    assert not names & {"variants.yml", "experiments.yml"}


def test_mention_pool_is_built_only_when_the_augmenter_swaps():
    assert mention_swap_level({}) == 0.0  # ner.cfg ships the augmenter switched off
    assert mention_swap_level({"corpora.train.augmenter.level": "0.3"}) == 0.3
