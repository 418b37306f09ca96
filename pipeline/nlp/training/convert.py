"""Turn the shared German corpora into spaCy ``DocBin`` files.

Every NER corpus comes in its own format and tag scheme; the readers here reduce each to sentences of
words with BIO tags in the corpus' own labels, and :func:`ner_doc` maps those labels onto
PER/LOC/ORG/MISC with the table in ``pipeline/resources/ner_label_map.yml`` (the only place the
mapping is defined, so the model card can print it). Treebanks (CoNLL-U) keep UPOS, STTS, features,
lemmas and dependencies. Corpora without an official split get a deterministic one by hashing a
document key, so every build and every developer sees the same held-out data.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from pipeline.nlp.spans import trimmed
from pipeline.settings import RESOURCES_DIR

LABEL_MAP_PATH = RESOURCES_DIR / "ner_label_map.yml"
SPLITS = ("train", "dev", "test")
_TAG_RE = re.compile(r"^(?:[BIES]-\S+|O)$")
_NO_SPACE_BEFORE = set(",.;:!?)]}“”'’%…") | {"''", "n't"}
_NO_SPACE_AFTER = set("([{„‚")


@dataclass
class Sentence:
    """Words with BIO tags in the corpus' own labels; ``doc_key`` groups sentences for splitting."""

    words: list[str]
    tags: list[str]
    spaces: list[bool] | None = None
    doc_key: str = ""


@dataclass
class TreebankSentence:
    """One CoNLL-U sentence with multi-word tokens („zum“ = zu + dem) merged into one token."""

    sent_id: str
    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    pos: list[str]
    tags: list[str]
    morphs: list[str]
    heads: list[int]
    deps: list[str]
    doc_key: str = ""
    extra: dict = field(default_factory=dict)


@cache
def label_map() -> dict:
    """The mapping table as data (also rendered into the model card)."""
    return yaml.safe_load(LABEL_MAP_PATH.read_text(encoding="utf-8"))


def corpus_mapping(corpus: str) -> dict[str, str]:
    return label_map()["corpora"][corpus]["map"]


def hash_split(key: str, dev: float = 0.1, test: float = 0.2) -> str:
    """Stable train/dev/test assignment from a key (md5, not Python's salted ``hash``)."""
    bucket = int(hashlib.md5(key.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    if bucket < test:
        return "test"
    if bucket < test + dev:
        return "dev"
    return "train"


def guess_spaces(words: list[str]) -> list[bool]:
    """Whitespace after each token for corpora that only list tokens, so the text reads naturally and
    spaCy's tokenizer (which re-tokenizes the text during training) sees realistic input."""
    spaces = [True] * len(words)
    for i, word in enumerate(words):
        if word in _NO_SPACE_AFTER:
            spaces[i] = False
        if i + 1 < len(words) and words[i + 1] in _NO_SPACE_BEFORE:
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


def _is_comment(line: str) -> bool:
    if not line.startswith(("# ", "#\t")):
        return False
    fields = line.split()
    return len(fields) < 2 or not _TAG_RE.match(fields[-1])


def _open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def read_columns(
    path: Path,
    tag_column: int = -1,
    sep: str | None = None,
    token_column: int = 0,
    doc_size: int | None = None,
) -> Iterator[Sentence]:
    """CoNLL-like files (plain or gzip): one token per line, blank lines between sentences, ``#``
    comments, ``-DOCSTART-`` document markers (CoNLL-2003, LER, Sturm, MultiCoNER, MobIE, Europeana).
    Files without document markers can be cut into documents of ``doc_size`` consecutive sentences,
    so that a hashed split keeps neighbouring sentences together but still splits the file."""
    words: list[str] = []
    tags: list[str] = []
    doc_key = path.name
    doc_no = 0
    sentence_no = 0
    for raw in _open_text(path):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("-DOCSTART-") or _is_comment(line):
            if words:
                if doc_size:
                    doc_key = f"{path.name}:{sentence_no // doc_size}"
                yield Sentence(words, tags, doc_key=doc_key)
                words, tags = [], []
                sentence_no += 1
            if line.startswith("-DOCSTART-") or _is_comment(line):
                doc_no += 1
                doc_key = f"{path.name}:{doc_no}:{line.strip()}"
            continue
        fields = line.split(sep) if sep else line.split()
        if len(fields) < 2:
            continue
        words.append(fields[token_column])
        tags.append(fields[tag_column])
    if words:
        if doc_size:
            doc_key = f"{path.name}:{sentence_no // doc_size}"
        yield Sentence(words, tags, doc_key=doc_key)


def read_europarl(path: Path) -> Iterator[Sentence]:
    """Europarl NER (Faruqui & Padó 2010): ``token lemma STTS chunk tag`` in IOB1, where ``I-PER``
    after O starts a person and ``B-`` only separates two adjacent names of one label
    (:func:`bio_spans` reads both)."""
    return read_columns(path, tag_column=4, sep="\t")


def read_bundestag_gold(path: Path) -> Iterator[Sentence]:
    """Bundestag plenary protocols (Korpus-Plenarprotokolle): ``idx token _ _ tag _ _`` in IOB2; one
    file per protocol, cut into documents of 20 sentences for the hashed split."""
    return read_columns(path, tag_column=4, sep="\t", token_column=1, doc_size=20)


def read_wikineural(path: Path) -> Iterator[Sentence]:
    """WikiNEuRal and WikiANN (``idx token tag``, IOB2, silver): WikiANN's redirect titles
    („WEITERLEITUNG Antonina …“) are dropped, and so are bare wiki markup tokens ('' and **)."""
    for sentence in read_columns(path, tag_column=2, sep="\t", token_column=1, doc_size=20):
        if sentence.words[0] == "WEITERLEITUNG":
            continue
        keep = [
            i for i, w in enumerate(sentence.words) if not (set(w) <= {"'", "*"} and sentence.tags[i] == "O")
        ]
        if keep:
            yield replace(
                sentence, words=[sentence.words[i] for i in keep], tags=[sentence.tags[i] for i in keep]
            )


def read_indexed_columns(path: Path) -> Iterator[Sentence]:
    """GermEval 2014 TSV (``idx token outer inner``, outer = top-level annotation) and Universal NER
    IOB2 (``id token tag - -``): the token index comes first, the tag third."""
    return read_columns(path, tag_column=2, sep="\t", token_column=1)


def read_running_tokens(path: Path, max_len: int = 60) -> Iterator[Sentence]:
    """Europeana files have no sentence breaks: cut after sentence-final punctuation followed by a
    capitalised word (or after ``max_len`` tokens outside an entity) so that documents stay small."""
    for block in read_columns(path):
        start = 0
        for i, word in enumerate(block.words):
            length = i + 1 - start
            next_word = block.words[i + 1] if i + 1 < len(block.words) else ""
            sentence_end = word in {".", "!", "?"} and next_word[:1].isupper() and length >= 5
            next_inside = i + 1 < len(block.tags) and block.tags[i + 1].startswith("I-")
            if (sentence_end or length >= max_len) and not next_inside:
                yield Sentence(
                    block.words[start : i + 1],
                    block.tags[start : i + 1],
                    doc_key=f"{path.name}:{start // 500}",
                )
                start = i + 1
        if start < len(block.words):
            yield Sentence(block.words[start:], block.tags[start:], doc_key=f"{path.name}:{start // 500}")


def read_hipe(path: Path) -> Iterator[Sentence]:
    """HIPE-2022 TSV: literal coarse tags, ``NoSpaceAfter`` and ``EndOfSentence`` in the MISC column."""
    words: list[str] = []
    tags: list[str] = []
    spaces: list[bool] = []
    doc_key = path.name
    for raw in path.open(encoding="utf-8"):
        line = raw.rstrip("\n")
        if line.startswith("TOKEN\t") or not line.strip():
            continue
        if line.startswith("#"):
            if "document_id" in line:
                if words:
                    yield Sentence(words, tags, spaces, doc_key)
                    words, tags, spaces = [], [], []
                doc_key = line.split("=", 1)[1].strip()
            continue
        fields = line.split("\t")
        misc = fields[-1]
        words.append(fields[0])
        tags.append(fields[1])
        spaces.append("NoSpaceAfter" not in misc)
        if "EndOfSentence" in misc:
            yield Sentence(words, tags, spaces, doc_key)
            words, tags, spaces = [], [], []
    if words:
        yield Sentence(words, tags, spaces, doc_key)


def bio_spans(tags: list[str], mapping: dict[str, str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` of the mapped labels; tolerant of IOB1 and stray I- tags."""
    spans: list[tuple[int, int, str]] = []
    start, current = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, raw = tag.partition("-") if tag not in ("O", "") else ("O", "", "")
        label = mapping.get(raw, "O") if prefix != "O" else "O"
        continues = prefix == "I" and label == current and label != "O"
        if not continues:
            if current not in (None, "O"):
                spans.append((start, i, current))
            start, current = i, label if label != "O" else None
    return spans


def ner_doc(vocab: Vocab, sentence: Sentence, corpus: str) -> Doc:
    """The sentence as a Doc with its mapped, trimmed entities; a token tagged ``-`` has no annotation
    (spaCy's missing value, the NER learns nothing from it), every other token is outside an entity."""
    spaces = [*sentence.spaces[:-1], False] if sentence.spaces else guess_spaces(sentence.words)
    words, spaces, tags = split_hash_signs(sentence.words, spaces, sentence.tags)
    doc = Doc(vocab, words=words, spaces=spaces)
    spans = (Span(doc, s, e, label=label) for s, e, label in bio_spans(tags, corpus_mapping(corpus)))
    missing = [Span(doc, i, i + 1) for i, tag in enumerate(tags) if tag == "-"]
    doc.set_ents(
        [t for span in spans if (t := trimmed(span)) is not None], missing=missing, default="outside"
    )
    return doc


def split_hash_signs(
    words: list[str], spaces: list[bool], tags: list[str]
) -> tuple[list[str], list[bool], list[str]]:
    """„#A100“ as two tokens, as spaCy's German tokenizer splits it, so the hashtag sign can be
    trimmed off the gold span like in text-based corpora (MobIE's tweets keep it on the name)."""
    out: tuple[list[str], list[bool], list[str]] = ([], [], [])
    for word, space, tag in zip(words, spaces, tags, strict=True):
        if len(word) > 1 and word[0] == "#" and word[1].isalnum():
            inside = tag if tag in ("O", "") else f"I-{tag.partition('-')[2]}"
            parts = (["#", word[1:]], [False, space], [tag, inside])
        else:
            parts = ([word], [space], [tag])
        for column, values in zip(out, parts, strict=True):
            column += values
    return out


def read_smartdata(path: Path, vocab: Vocab) -> Iterator[tuple[Doc, str]]:
    """Smart Data JSONL with character offsets; overlapping annotations are resolved in favour of the
    longest mapped span. Tokenised with spaCy's German tokenizer, as the text will be at run time."""
    from spacy.lang.de import German

    tokenizer = German(vocab).tokenizer
    mapping = corpus_mapping("smartdata")
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        doc = tokenizer(record["text"])
        spans = []
        for start, end, raw in record["entities"]:
            label = mapping.get(raw)
            span = doc.char_span(start, end, label=label, alignment_mode="expand") if label else None
            if span is not None and (span := trimmed(span)) is not None:
                spans.append(span)
        doc.set_ents(filter_spans(spans), default="outside")
        yield doc, record["id"]


def read_conllu(path: Path) -> Iterator[TreebankSentence]:
    """CoNLL-U with multi-word tokens merged: spaCy's German tokenizer keeps „zum“, „im“ whole, so the
    model must learn them as one token (STTS APPRART, lemma and head of the preposition)."""
    block: list[str] = []
    doc_key = path.name
    for raw in [*path.open(encoding="utf-8"), "\n"]:
        line = raw.rstrip("\n")
        if line.startswith("# newdoc id"):
            doc_key = line.split("=", 1)[1].strip()
        if line.strip():
            block.append(line)
            continue
        if block:
            yield _treebank_sentence(block, doc_key)
            block = []


def _treebank_sentence(lines: list[str], doc_key: str) -> TreebankSentence:
    sent_id = next((ln.split("=", 1)[1].strip() for ln in lines if ln.startswith("# sent_id")), "")
    rows = [ln.split("\t") for ln in lines if not ln.startswith("#")]
    ranges = {}
    for row in rows:
        if "-" in row[0]:
            first, last = (int(x) for x in row[0].split("-"))
            ranges[first] = (last, row)
    words_rows: list[tuple[list[str], list[list[str]]]] = []
    word_index: dict[int, int] = {}
    skip_until = 0
    for row in rows:
        if "-" in row[0] or "." in row[0]:
            continue
        idx = int(row[0])
        if idx <= skip_until:
            word_index[idx] = len(words_rows) - 1
            words_rows[-1][1].append(row)
            continue
        if idx in ranges:
            last, surface = ranges[idx]
            skip_until = last
            words_rows.append((surface, [row]))
        else:
            words_rows.append((row, [row]))
        word_index[idx] = len(words_rows) - 1
    words, spaces, lemmas, pos, tags, morphs, heads, deps = [], [], [], [], [], [], [], []
    for position, (surface, parts) in enumerate(words_rows):
        head_part = _syntactic_head(parts)
        words.append(surface[1])
        spaces.append("SpaceAfter=No" not in surface[9])
        if len(parts) == 1:
            lemmas.append(parts[0][2])
            pos.append(parts[0][3])
            tags.append(parts[0][4])
            morphs.append("" if parts[0][5] == "_" else parts[0][5])
        else:
            lemmas.append(parts[0][2])
            pos.append(parts[0][3])
            tags.append(_merged_stts(parts))
            feats = [p[5] for p in parts if p[5] != "_"]
            morphs.append(feats[-1] if feats else "")
        head = int(head_part[6])
        heads.append(position if head == 0 else word_index[head])
        deps.append("ROOT" if head == 0 else head_part[7])
    return TreebankSentence(sent_id, words, spaces, lemmas, pos, tags, morphs, heads, deps, doc_key)


def _syntactic_head(parts: list[list[str]]) -> list[str]:
    """The part of a multi-word token whose head lies outside the token (the one that attaches)."""
    ids = {p[0] for p in parts}
    outside = [p for p in parts if p[6] not in ids]
    return outside[0] if outside else parts[0]


def _merged_stts(parts: list[list[str]]) -> str:
    tags = [p[4] for p in parts]
    if tags[0] == "APPR" and tags[-1] in ("ART", "PDS", "PDAT"):
        return "APPRART"
    return tags[0]


def treebank_docs(vocab: Vocab, sentences: Iterable[TreebankSentence], per_doc: int = 10) -> Iterator[Doc]:
    """Group consecutive sentences into documents so that the parser learns sentence boundaries."""
    group: list[TreebankSentence] = []
    for sentence in [*sentences, None]:
        if sentence is not None and len(group) < per_doc:
            group.append(sentence)
            continue
        if group:
            yield _treebank_doc(vocab, group)
        group = [sentence] if sentence is not None else []


def _treebank_doc(vocab: Vocab, group: list[TreebankSentence]) -> Doc:
    words, spaces, lemmas, pos, tags, morphs, heads, deps, starts = [], [], [], [], [], [], [], [], []
    for sentence in group:
        offset = len(words)
        words += sentence.words
        spaces += [*sentence.spaces[:-1], True]
        lemmas += sentence.lemmas
        pos += sentence.pos
        tags += sentence.tags
        morphs += sentence.morphs
        heads += [h + offset for h in sentence.heads]
        deps += sentence.deps
        starts += [True] + [False] * (len(sentence.words) - 1)
    spaces[-1] = False
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        morphs=morphs,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    """Write docs to ``path``; returns the number of docs (useful for the build log)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin = DocBin(store_user_data=False)
    count = 0
    for doc in docs:
        docbin.add(doc)
        count += 1
    docbin.to_disk(path)
    return count
