"""The project's rule components, registered as spaCy factories (entry point ``spacy_factories``), so a
saved pipeline that contains them loads with plain ``spacy.load(path)``.

* ``projektradar_morph_lexicon`` fixes noun Gender and verb Mood where the LanguageTool lexicon is
  unambiguous; the small treebank cannot teach Konjunktiv I or the gender of rare role nouns.
* ``projektradar_entity_rules`` adds organisations named with a legal form or as a public body, known
  abbreviations, and people introduced with a German first name (and their later surname-only
  mentions). Like spaCy's ``entity_ruler`` with ``overwrite_ents``: rule organisations win over
  overlapping entities, persons only fill gaps. It runs before the NER (measured better than after it,
  see MODEL.md), so the NER keeps the rule entities and labels the rest.
* ``projektradar_entity_trim`` runs last and takes edge tokens that are never part of a name off the
  entities („Holzdorf,“ → „Holzdorf“, „#Hamburg“ → „Hamburg“): the rule the training corpora's gold
  spans follow (``spans.py``); the transition-based NER still closes a name after a comma at times.
"""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.nlp.first_names import german_first_names
from pipeline.nlp.morph_table import MorphTable, read_morph_table
from pipeline.nlp.sentences import closes_sentence
from pipeline.nlp.spans import trimmed
from pipeline.settings import RESOURCES_DIR

MORPH_TABLE_NAME = "morph_table.tsv.gz"
RULES_FILE = "rules.json"
MAX_NAME_TOKENS = 8


class MorphLexicon:
    """Overrides Gender of nouns and Mood/Tense of finite verbs with unambiguous lexicon readings,
    and marks lower-case words that can only be finite verbs as such, with their lemma (the trained
    lemmatizer does not overwrite it)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.table_path: Path | None = None
        self.table = MorphTable()

    @property
    def noun_gender(self) -> dict[str, str]:
        return self.table.noun_gender

    def load_table(self, path: Path) -> None:
        self.table_path = path
        self.table = read_morph_table(path)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lemma = self.table.finite_verb_lemma.get(token.text)
            if lemma is not None:
                if token.pos_ not in ("VERB", "AUX"):
                    token.pos_, token.tag_ = "VERB", "VVFIN"
                    token.set_morph("VerbForm=Fin")  # not the adjective's Degree=Pos
                if lemma:
                    token.lemma_ = lemma
            if token.pos_ == "NOUN":
                gender = self.table.noun_gender.get(token.text)
                if gender and token.morph.get("Gender") != [gender]:
                    _set_features(token, Gender=gender)
            elif token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm") == ["Fin"]:
                person, number = token.morph.get("Person"), token.morph.get("Number")
                if person and number:
                    reading = self.table.verb_mood.get((token.lower_, person[0], number[0]))
                    if reading:
                        _set_features(token, Mood=reading[0], Tense=reading[1])
        return doc

    def to_disk(self, path: Path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.table_path is not None and self.table_path != path / MORPH_TABLE_NAME:
            shutil.copyfile(self.table_path, path / MORPH_TABLE_NAME)

    def from_disk(self, path: Path, exclude=()) -> MorphLexicon:
        table = Path(path) / MORPH_TABLE_NAME
        if table.is_file():
            self.load_table(table)
        return self


def _noun_like(token: Token) -> bool:
    """A noun or name by its universal POS or by its STTS tag: the two come from different components
    and disagree on rare surnames („Jentsch“: ADJ but NE)."""
    return token.pos_ in ("PROPN", "NOUN", "X", "") or token.tag_ in ("NE", "NN", "FM")


def _set_features(token: Token, **features: str) -> None:
    morph = token.morph.to_dict()
    morph.update(features)
    token.set_morph(morph)


@Language.factory("projektradar_morph_lexicon")
def make_morph_lexicon(nlp: Language, name: str) -> MorphLexicon:
    return MorphLexicon(name)


def split_legal_form_periods(nlp: Language, legal_forms: list[str]) -> None:
    """spaCy's German tokenizer keeps a sentence-final period on „GmbH.“/„mbH.“; split it off so the
    legal form ends the organisation's name (forms with their own periods, „e.V.“, stay whole)."""
    for form in legal_forms:
        if " " not in form and "." not in form:
            nlp.tokenizer.add_special_case(f"{form}.", [{"ORTH": form}, {"ORTH": "."}])


def organisation_patterns() -> dict:
    return yaml.safe_load((RESOURCES_DIR / "organisation_patterns.yml").read_text(encoding="utf-8"))


def default_rules() -> dict:
    """Rule data from ``pipeline/resources`` (copied into the model directory when saved)."""
    patterns = organisation_patterns()
    with (RESOURCES_DIR / "organisation_abbreviations.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader((ln for ln in handle if not ln.startswith("#")), delimiter="\t")
        patterns["abbreviations"] = {row[0]: row[1] for row in rows if row}
    patterns["first_names"] = sorted(german_first_names())
    return patterns


class EntityRules:
    """Rule-based ORG and PER spans merged into ``doc.ents`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str, persons: bool, organisations: bool) -> None:
        self.name = name
        self.nlp = nlp
        self.persons = persons
        self.organisations = organisations
        self.rules: dict | None = None
        split_legal_form_periods(nlp, organisation_patterns()["legal_forms"])

    def set_rules(self, rules: dict) -> None:
        self.rules = rules
        split_legal_form_periods(self.nlp, rules["legal_forms"])
        tokenize = self.nlp.tokenizer
        self.legal_forms = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.legal_forms.add("LEGAL", [tokenize(form) for form in rules["legal_forms"]])
        self.heads = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.heads.add("HEAD", [tokenize(head) for head in rules["public_body_heads"]])
        self.abbreviations = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.abbreviations.add("ABBR", [tokenize(abbr) for abbr in rules["abbreviations"]])
        self.connectors = set(rules["name_connectors"])
        self.stop_words = set(rules["scan_stop_words"])
        self.suffix_heads = tuple(rules["suffix_heads"])
        self.adjectives = set(rules["name_adjectives"])
        self.adjective_suffixes = tuple(rules["name_adjectives_suffixes"])
        self.first_names = set(rules["first_names"])
        self.noun_suffixes = tuple(rules.get("common_noun_suffixes", ()))  # absent in models before 0.1.1

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            self.set_rules(default_rules())
        rule_spans: list[Span] = []
        if self.organisations:
            rule_spans += self.legal_form_orgs(doc) + self.public_bodies(doc) + self.abbreviation_orgs(doc)
        ents = list(doc.ents)
        if rule_spans:
            rule_spans = filter_spans(rule_spans)
            covered = {i for span in rule_spans for i in range(span.start, span.end)}
            ents = rule_spans + [e for e in ents if not covered.intersection(range(e.start, e.end))]
        if self.persons:
            taken = {i for e in ents for i in range(e.start, e.end)}
            ents += [s for s in self.first_name_persons(doc) if not taken.intersection(range(s.start, s.end))]
            ents += self.surname_mentions(doc, ents)
        doc.set_ents(filter_spans(ents))
        return doc

    @staticmethod
    def surname_mentions(doc: Doc, ents: list[Span]) -> list[Span]:
        """Later mentions by surname alone („… so Schramm“) of people named in full in the document."""
        surnames = {e[-1].text for e in ents if e.label_ == "PER" and len(e) > 1 and e[-1].is_title}
        taken = {i for e in ents for i in range(e.start, e.end)}
        return [Span(doc, t.i, t.i + 1, label="PER") for t in doc if t.text in surnames and t.i not in taken]

    def _name_like(self, token: Token) -> bool:
        text = token.text
        return bool(text) and (text[0].isupper() or text[0].isdigit()) and text not in self.stop_words

    def _scan_left(self, doc: Doc, end: int) -> int:
        """Start of the name that ends before token ``end``: capitalised words, glued tokens („M’s“)
        and connectors between capitalised words, within the sentence and at most 8 tokens."""

        def sentence_starts(i: int) -> bool:
            return i == 0 or (doc[i].is_sent_start is True and closes_sentence(doc[i - 1]))

        start = end
        j = end - 1
        while j >= 0 and end - j <= MAX_NAME_TOKENS and not sentence_starts(j + 1):
            token = doc[j]
            glued = j > 0 and not doc[j - 1].whitespace_ and not token.is_punct
            truncated = token.text.endswith("-") and len(token) > 1
            if self._name_like(token) or truncated or (glued and self._name_like(doc[j - 1])):
                start = j
            elif token.text not in self.connectors or sentence_starts(j) or not self._name_like(doc[j - 1]):
                break
            j -= 1
        return start

    def legal_form_orgs(self, doc: Doc) -> list[Span]:
        spans = []
        for _, start, end in self.legal_forms(doc):
            name_start = self._scan_left(doc, start)
            if name_start < start:
                spans.append(Span(doc, name_start, end, label="ORG"))
        return spans

    def _is_head(self, token: Token) -> bool:
        return token.text[:1].isupper() and token.lower_.endswith(self.suffix_heads)

    def public_bodies(self, doc: Doc) -> list[Span]:
        """„Landratsamt Bautzen“, „Bundesministerium für Familie, Senioren, Frauen und Jugend“,
        „Technische Universität Dresden“: a head noun plus its „für …“/„der …“ complement or a
        proper-noun place, with preceding name adjectives."""
        explicit = {(start, end) for _, start, end in self.heads(doc)}
        matches = explicit | {(t.i, t.i + 1) for t in doc if self._is_head(t)}
        spans = []
        for start, end in matches:
            tail = self._complement_end(doc, end, genitive=(start, end) in explicit)
            if tail == end:
                continue
            while start > 0 and (
                doc[start - 1].text in self.adjectives
                or doc[start - 1].text.endswith(self.adjective_suffixes)
            ):
                start -= 1
            spans.append(Span(doc, start, tail, label="ORG"))
        return spans

    def _complement_end(self, doc: Doc, end: int, genitive: bool) -> int:
        """End of „für Wirtschaft, Arbeit und Verkehr“ / „des Innern“ / „Bautzen“ after a head noun;
        genitive complements only for the listed heads („Bundesministerium der Finanzen“), not for
        any compound ending in „-amt“."""
        i = end
        if i < len(doc) and (doc[i].lower_ == "für" or (genitive and doc[i].lower_ in ("der", "des"))):
            j = i + 1
            last = i
            while j < len(doc) and j - end <= MAX_NAME_TOKENS:
                token = doc[j]
                if (token.text[:1].isupper() and token.text not in self.stop_words) or token.pos_ == "ADJ":
                    last = j
                elif (
                    token.text not in (",", "und", "-")
                    or j + 1 >= len(doc)
                    or not doc[j + 1].text[:1].isupper()
                ):
                    break
                j += 1
            i = last + 1 if last > i else i
        while i < len(doc) and i - end < 3 and (doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "LOC"):
            i += 1
        return i

    def abbreviation_orgs(self, doc: Doc) -> list[Span]:
        """„IHK“, „BMFSFJ“, and with their seat or complement „IHK Dresden“, „IHK für München“."""
        return [
            Span(doc, start, self._complement_end(doc, end, genitive=False), label="ORG")
            for _, start, end in self.abbreviations(doc)
        ]

    def first_name_persons(self, doc: Doc) -> list[Span]:
        """A capitalised German first name followed by a capitalised surname that is no common noun."""
        spans = []
        i = 0
        while i < len(doc) - 1:
            token = doc[i]
            if self._first_name(token) and _noun_like(token):
                end = i + 1
                while end < len(doc) and self._first_name(doc[end]):
                    end += 1
                if end < len(doc) and self._surname(doc[end]):
                    end += 1
                    while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_title:
                        end += 2
                    spans.append(Span(doc, i, end, label="PER"))
                    i = end
                    continue
            i += 1
        return spans

    def _first_name(self, token: Token) -> bool:
        """„Kristin“, and double names whose parts are all first names („Franz-Josef“)."""
        parts = token.lower_.split("-")
        return token.text[:1].isupper() and all(part in self.first_names for part in parts)

    def _surname(self, token: Token) -> bool:
        """A capitalised word after a first name; nouns count too („Schumacher“, „Schneider“), except
        abstract nouns recognisable by their suffix („Maria Himmelfahrt“ stays, „Anna Bildung“ not)."""
        return (
            token.text[:1].isupper()
            and token.text not in self.stop_words
            and _noun_like(token)
            and not token.lower_.endswith(self.noun_suffixes)
            and not token.is_punct
        )

    def to_disk(self, path: Path, exclude=()) -> None:
        if self.rules is None:
            self.set_rules(default_rules())
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with gzip.open(path / f"{RULES_FILE}.gz", "wt", encoding="utf-8") as handle:
            json.dump(self.rules, handle, ensure_ascii=False)

    def from_disk(self, path: Path, exclude=()) -> EntityRules:
        with gzip.open(Path(path) / f"{RULES_FILE}.gz", "rt", encoding="utf-8") as handle:
            self.set_rules(json.load(handle))
        return self


def trim_entities(doc: Doc) -> Doc:
    """Entities without punctuation, hashtag signs or unpaired brackets at their edges."""
    doc.set_ents([span for ent in doc.ents if (span := trimmed(ent)) is not None], default="outside")
    return doc


@Language.factory("projektradar_entity_trim")
def make_entity_trim(nlp: Language, name: str):
    return trim_entities


@Language.factory(
    "projektradar_entity_rules",
    default_config={"persons": True, "organisations": True},
)
def make_entity_rules(nlp: Language, name: str, persons: bool, organisations: bool) -> EntityRules:
    return EntityRules(nlp, name, persons, organisations)
