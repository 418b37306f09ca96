"""Build the training and held-out DocBins from the shared corpora (``configs/corpora.yml``).

The NER training split is down-sampled per corpus (legal, historical and lower-cased text differ from
press releases) or repeated (a share above 1); held-out test splits are written per corpus, untouched,
so the model card can report each domain separately.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import yaml
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.nlp.training import convert, languagetool, people_gold

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
CORPORA_CONFIG = CONFIG_DIR / "corpora.yml"
LEXICON_FILE = Path("lexicon/languagetool-german-pos-dict/german_pos_dict.form_lemma_tag.tsv.gz")
SILVER_CORPUS = "projektradar-silver"  # the teacher's tags on unannotated news (``selftrain.py``)
PEOPLE_GOLD_CORPUS = "wikinews-people-gold"  # the project's hand-annotated articles (``people_gold.py``)
NER_READERS = {
    "germeval2014": convert.read_indexed_columns,
    "uner-german-pud": convert.read_indexed_columns,
    "mobie": convert.read_columns,
    "ler": convert.read_columns,
    "multiconer-de": convert.read_columns,
    "sturm": convert.read_columns,
    "europeana": convert.read_running_tokens,
    "newseye": convert.read_hipe,
    "sonar": convert.read_hipe,
    "europarl-de": convert.read_europarl,
    "bundestag-gold": convert.read_bundestag_gold,
    "wikineural-de": convert.read_wikineural,
    "wikiann-de": convert.read_wikineural,
    SILVER_CORPUS: convert.read_columns,
}


def corpora_config(path: Path = CORPORA_CONFIG) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def source_files(data_dir: Path, config: dict) -> list[Path]:
    """Every data file the build reads (part of the model's cache key): the shared corpora, and the
    people gold with its articles."""
    paths: list[str] = []
    for spec in config["ner"].values():
        for value in spec.get("files", {}).values():
            paths += value if isinstance(value, list) else [value]
    paths += [p for spec in config["ud"].values() for p in spec["files"]]
    paths += [f"raw/{name}" for name in config.get("word_vectors", {}).get("raw", [])]
    files = [data_dir / p if p.startswith(("ud/", "raw/")) else data_dir / "ner" / p for p in paths]
    if gold := config["ner"].get(PEOPLE_GOLD_CORPUS):
        files += people_gold.source_paths(data_dir, gold)
    return files


def ner_docs(vocab: Vocab, data_dir: Path, corpus: str, spec: dict) -> Iterator[tuple[Doc, str]]:
    """``(doc, split)`` pairs of one NER corpus in its official or hashed split."""
    if corpus == PEOPLE_GOLD_CORPUS:  # training sentences only; its test part is the people evaluation
        for sentence in people_gold.read_people_gold(data_dir, spec, data_dir / LEXICON_FILE):
            yield convert.ner_doc(vocab, sentence, corpus), "train"
        return
    for split_name, value in spec["files"].items():
        for relative in value if isinstance(value, list) else [value]:
            path = data_dir / "ner" / relative
            if corpus == "smartdata":
                items = ((doc, key) for doc, key in convert.read_smartdata(path, vocab))
            else:
                sentences = NER_READERS[corpus](path)
                if spec.get("truecase") and split_name != "test":
                    sentences = truecased(list(sentences), data_dir / LEXICON_FILE)
                items = ((convert.ner_doc(vocab, s, corpus), s.doc_key) for s in sentences)
            for doc, key in items:
                split = convert.hash_split(f"{corpus}:{key}") if split_name == "all" else split_name
                yield doc, split


def truecased(sentences: list[convert.Sentence], lexicon_path: Path) -> Iterator[convert.Sentence]:
    """Lower-cased sentences with German capitalisation restored (``truecase: true`` in corpora.yml):
    a lower-cased corpus teaches the NER nothing about capitals, the strongest cue for names."""
    casing = languagetool.case_lexicon(lexicon_path, {w for s in sentences for w in s.words})
    for s in sentences:
        in_entity = [tag != "O" for tag in s.tags]
        yield replace(s, words=languagetool.truecase(s.words, in_entity, casing))


def build_ner(data_dir: Path, out_dir: Path, config: dict, seed: int = 0) -> dict:
    """Write ``train.spacy``, ``dev.spacy`` (contemporary corpora), ``test/<corpus>.spacy`` and
    ``text.txt``: the tokens of every training and dev sentence, unsampled (for the word vectors),
    except of corpora marked ``vector_text: false`` (silver data measured as a sampled share only)."""
    vocab = Vocab()
    rng = random.Random(seed)
    train: list[Doc] = []
    dev: list[Doc] = []
    stats: dict[str, dict] = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    text = (out_dir / "text.txt").open("w", encoding="utf-8")
    for corpus, spec in config["ner"].items():
        test: list[Doc] = []
        counts: Counter = Counter()
        for doc, split in ner_docs(vocab, data_dir, corpus, spec):
            counts[f"{split}_docs"] += 1
            if split != "test" and spec.get("vector_text", True):
                text.write(" ".join(t.text for t in doc if not any(c.isspace() for c in t.text)) + "\n")
            if split == "test":
                test.append(doc)
                counts.update(f"test_{ent.label_}" for ent in doc.ents)
            elif split == "dev":
                if spec["group"] == "contemporary":
                    dev.append(doc)
            else:
                share = spec["keep"] if len(doc.ents) else spec["keep_empty"]
                copies = int(share) + (rng.random() < share % 1)
                train += [doc] * copies
                counts["train_used"] += copies
                counts.update(f"train_{ent.label_}" for ent in doc.ents for _ in range(copies))
        if test:  # the people gold only trains: its test part is the people evaluation
            convert.write_docbin(test, out_dir / "test" / f"{corpus}.spacy")
        stats[corpus] = dict(counts)
    text.close()
    rng.shuffle(train)
    convert.write_docbin(train, out_dir / "train.spacy")
    convert.write_docbin(dev, out_dir / "dev.spacy")
    return stats


def build_ud(data_dir: Path, out_dir: Path, config: dict) -> dict:
    """Write treebank ``train/dev/test.spacy`` split by sentence id."""
    vocab = Vocab()
    by_split: dict[str, list] = {split: [] for split in convert.SPLITS}
    for name, spec in config["ud"].items():
        for relative in spec["files"]:
            for sentence in convert.read_conllu(data_dir / relative):
                if not spec["stts"]:
                    sentence.tags = [""] * len(sentence.words)
                split = convert.hash_split(f"{name}:{sentence.sent_id}", dev=0.1, test=0.15)
                by_split[split].append(sentence)
    stats = {}
    for split, sentences in by_split.items():
        convert.write_docbin(convert.treebank_docs(vocab, sentences), out_dir / f"{split}.spacy")
        stats[split] = {"sentences": len(sentences), "tokens": sum(len(s.words) for s in sentences)}
    return stats
