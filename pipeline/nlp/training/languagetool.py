"""What LanguageTool's German full-form lexicon tells the models that 2,000 treebank sentences cannot:

* noun gender and verb mood (Konjunktiv I/II), reduced to the small table that the model directory
  stores (:mod:`pipeline.nlp.morph_table`);
* word-class and name-kind features of capitalised forms (common noun, first name, surname, city, …),
  the NER's static vectors (``vectors.py``): German capitalises every noun, so only a lexicon tells
  „Marktplatz“ from „Schlatter“;
* the case of lower-cased words, for restoring it in lower-cased corpora (:func:`truecase`).
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.nlp.first_names import first_name_list

_LT_GENDER = {"MAS": "Masc", "FEM": "Fem", "NEU": "Neut"}
_LT_MOOD = {"PRÄ": "Ind", "PRT": "Ind", "KJ1": "Sub", "KJ2": "Sub"}
_LT_TENSE = {"PRÄ": "Pres", "PRT": "Past", "KJ1": "Pres", "KJ2": "Past"}
_LT_NUMBER = {"SIN": "Sing", "PLU": "Plur"}
LEXICON_FEATURES = (
    "noun",
    "adjective",
    "verb",
    "function_word",
    "first_name",
    "surname",
    "city",
    "country",
    "region",
    "nature",
    "famous",
    "other_name",
)
_LT_WORD_CLASS = {"SUB": "noun", "ADJ": "adjective", "PA1": "adjective", "PA2": "adjective", "VER": "verb"}
_LT_NAME_KIND = {
    "VOR": "first_name",
    "NAC": "surname",
    "STD": "city",
    "COU": "country",
    "GEB": "region",
    "WAT": "nature",
    "MOU": "nature",
    "GEO": "nature",
    "PER": "famous",
}


def build_morph_table(lexicon_path: Path, out_path: Path) -> dict[str, int]:
    """Reduce the LanguageTool lexicon to the readings that are unambiguous:

    ``N<TAB>form<TAB>Gender`` for nouns with one grammatical gender,
    ``V<TAB>form<TAB>Person<TAB>Number<TAB>Mood<TAB>Tense`` for finite verb forms whose person/number
    reading has exactly one mood (e.g. „habe“ 3rd singular is only Konjunktiv I), and
    ``F<TAB>form<TAB>lemma`` for lower-case forms that can only be a finite verb („benötige“,
    „griffen“), with the lemma when it is unique — the tagger trained on 2,000 sentences reads some
    of them as adjectives."""
    noun_genders: dict[str, set[str]] = defaultdict(set)
    verb_moods: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    finite_lemmas: dict[str, set[str]] = defaultdict(set)
    not_finite: set[str] = set()
    with gzip.open(lexicon_path, "rt", encoding="utf-8") as lexicon:
        for line in lexicon:
            form, lemma, tag = line.rstrip("\n").split("\t")
            parts = tag.split(":")
            if parts[0] == "SUB" and len(parts) >= 4:
                noun_genders[form].add(parts[3])
            finite = False
            if parts[0] == "VER":
                if parts[1] in ("AUX", "MOD"):
                    parts = [parts[0], *parts[2:]]
                finite = parts[1] in ("1", "2", "3", "IMP")
                if len(parts) >= 4 and parts[1] in ("1", "2", "3") and parts[3] in _LT_MOOD:
                    verb_moods[(form.lower(), parts[1], parts[2])].add(parts[3])
            if form[:1].islower():
                if finite:
                    finite_lemmas[form].add(lemma)
                else:
                    not_finite.add(form)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    counts = {"nouns": 0, "verbs": 0, "finite_verb_forms": 0}
    with gzip.open(out_path, "wt", encoding="utf-8") as table:
        for form, genders in sorted(noun_genders.items()):
            if len(genders) == 1 and (gender := _LT_GENDER.get(next(iter(genders)))):
                table.write(f"N\t{form}\t{gender}\n")
                counts["nouns"] += 1
        for (form, person, number), moods in sorted(verb_moods.items()):
            if len(moods) == 1 and number in _LT_NUMBER:
                mood = next(iter(moods))
                table.write(
                    f"V\t{form}\t{person}\t{_LT_NUMBER[number]}\t{_LT_MOOD[mood]}\t{_LT_TENSE[mood]}\n"
                )
                counts["verbs"] += 1
        for form, lemmas in sorted(finite_lemmas.items()):
            if form not in not_finite:
                table.write(f"F\t{form}\t{next(iter(lemmas)) if len(lemmas) == 1 else ''}\n")
                counts["finite_verb_forms"] += 1
    return counts


def _lexicon_feature(tag: str) -> str:
    """Proper names (``EIG:…:NAC``) by their kind — the last tag field; other words by their class."""
    parts = tag.split(":")
    if parts[0] == "EIG":
        return _LT_NAME_KIND.get(parts[-1].rstrip("*#"), "other_name")
    return _LT_WORD_CLASS.get(parts[0], "function_word")


def lexicon_features(lexicon_path: Path) -> dict[str, set[str]]:
    """``LEXICON_FEATURES`` of every capitalised form (and of capitalised function words, which start
    sentences); first names also come from gender-guesser's dictionary."""
    features: dict[str, set[str]] = defaultdict(set)
    with gzip.open(lexicon_path, "rt", encoding="utf-8") as lexicon:
        for line in lexicon:
            form, _lemma, tag = line.rstrip("\n").split("\t")
            feature = _lexicon_feature(tag)
            if form[:1].isupper():
                features[form].add(feature)
            elif feature == "function_word":
                features[form[:1].upper() + form[1:]].add(feature)
    for name in first_name_list():  # one token, as the NER sees it
        features[name].add("first_name")
    return features


@dataclass
class CaseLexicon:
    """What the lexicon says about the case of lower-cased words (for restoring it, :func:`truecase`).

    ``lower``: forms the lexicon writes lower-case; ``capitalised``: lower-cased form → the lexicon's
    capitalised spelling („usa“ → „USA“); ``function_words``: articles, prepositions, conjunctions and
    pronouns, which stay lower-case inside names; ``noun_markers``: articles, possessives,
    prepositions and inflected adjectives, after which an ambiguous form („essen“/„Essen“) is the noun."""

    lower: set[str] = field(default_factory=set)
    capitalised: dict[str, str] = field(default_factory=dict)
    function_words: set[str] = field(default_factory=set)
    noun_markers: set[str] = field(default_factory=set)


_FUNCTION_CLASSES = ("ART", "PRP", "KON", "PRO", "ZUS")
_NOUN_MARKERS = ("ART", "PRO:POS", "PRP", "ADJ:")  # inflected adjectives, not ADJ:PRD
_MIN_COMPOUND_HEAD = 4
PUNCTUATION = ".,;:!?()[]\"'„“”‚‘’«»/"  # may stick to a token of a lower-cased corpus („universität,“)
_NOMINALISED = (":ADJ", ":INF")  # „das Kleine“, „das Essen“: capitalised only after an article


def case_lexicon(lexicon_path: Path, words: set[str]) -> CaseLexicon:
    """The case readings of ``words`` (as tokenised: punctuation may stick to them) and of their
    endings of at least four letters — German compounds unknown to the lexicon are nouns when their
    last part is („festivalsaison“)."""
    cores = {part for word in words for part in word.lower().strip(PUNCTUATION).split("-")}
    wanted = {w[i:] for w in cores for i in range(len(w) - _MIN_COMPOUND_HEAD + 1)} | cores
    lexicon = CaseLexicon()
    content_words: set[str] = set()
    with gzip.open(lexicon_path, "rt", encoding="utf-8") as lines:
        for line in lines:
            form, _lemma, tag = line.rstrip("\n").split("\t")
            key = form.lower()
            if key not in wanted:
                continue
            if form[:1].isupper():
                if tag.endswith(_NOMINALISED):
                    continue
                if form == form[:1] + key[1:] or key not in lexicon.capitalised:
                    lexicon.capitalised[key] = form
                continue
            lexicon.lower.add(key)
            if tag.startswith(_FUNCTION_CLASSES):
                lexicon.function_words.add(key)
            else:
                content_words.add(key)
            if tag.startswith(_NOUN_MARKERS) and not tag.startswith("ADJ:PRD"):
                lexicon.noun_markers.add(key)
    lexicon.function_words -= content_words
    return lexicon


def never_names(lexicon_path: Path, words: set[str]) -> set[str]:
    """The capitalised ``words`` that are no name: the lexicon knows the form, or its lower-case form
    (a sentence start: „Zahlreiche“, „Die“), only as a common word, never as a proper name (``EIG``)."""
    wanted = words | {w.lower() for w in words}
    common: set[str] = set()
    names: set[str] = set()
    with gzip.open(lexicon_path, "rt", encoding="utf-8") as lines:
        for line in lines:
            form, _lemma, tag = line.rstrip("\n").split("\t")
            if form in wanted:
                (names if tag.startswith("EIG") else common).add(form)
    return {w for w in words if w not in names and (w in common or w.lower() in common)}


def truecase(words: list[str], in_entity: list[bool], lexicon: CaseLexicon) -> list[str]:
    """Restore German capitalisation of a lower-cased sentence (MultiCoNER): the sentence start,
    words the lexicon only knows capitalised, nouns after an article or preposition, compounds with a
    noun head, and every word of a named entity except function words („Bundesministerium für
    Bildung“). Punctuation stuck to a word („universität,“) is kept as it is."""
    cores = [word.strip(PUNCTUATION) for word in words]
    cased = []
    for i, (word, core) in enumerate(zip(words, cores, strict=True)):
        previous = cores[i - 1] if i else ""
        following = cores[i + 1] if i + 1 < len(cores) else ""
        if not core[:1].isalpha() or core != core.lower():
            new = core
        elif in_entity[i]:
            starts_entity = i == 0 or not in_entity[i - 1]
            new = "-".join(
                p if p in lexicon.function_words and not (starts_entity and j == 0) else _capital(p, lexicon)
                for j, p in enumerate(core.split("-"))
            )
        elif i == 0 or _reads_as_noun(core, previous, following, lexicon):
            new = _capital(core, lexicon)
        else:
            new = core
        cased.append(word.replace(core, new, 1) if core else word)
    return cased


def _capital(word: str, lexicon: CaseLexicon) -> str:
    """The lexicon's spelling of a name („USA“), else a capital first letter („Im“, not „IM“)."""
    if word in lexicon.capitalised and word not in lexicon.lower:
        return lexicon.capitalised[word]
    return word[:1].upper() + word[1:]


def _reads_as_noun(word: str, previous: str, following: str, lexicon: CaseLexicon) -> bool:
    """Capitalised-only forms and compounds with such a head are nouns; a form that is also written
    lower-case („essen“) only right after an article or preposition, and not when a noun follows
    („dem zweiten Album“)."""
    if word in lexicon.function_words:
        return False
    if word in lexicon.capitalised:
        if word not in lexicon.lower:
            return True
        return previous in lexicon.noun_markers and not _noun_only(following, lexicon)
    return word not in lexicon.lower and _has_noun_head(word, lexicon)


def _noun_only(word: str, lexicon: CaseLexicon) -> bool:
    return word in lexicon.capitalised and word not in lexicon.lower


def _has_noun_head(word: str, lexicon: CaseLexicon) -> bool:
    """An unknown word ending in a noun („hauptsitz“: „Sitz“) is a compound noun."""
    return any(word[i:] in lexicon.capitalised for i in range(1, len(word) - _MIN_COMPOUND_HEAD + 1))
