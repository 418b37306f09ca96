"""The lexicons of the extraction rules, parsed from a folder of user-editable files.

:class:`Lexicons` bundles the parsed files (person titles, role nouns, organisations, speech cues).
The extraction components get theirs from a folder given by config or at ``initialize`` (default: the
package's ``pipeline/resources/``) and save the files with the pipeline, so a saved pipeline runs with
the lexicons it was built with. :class:`LexiconComponent` is that shared behaviour.

The components attach their lexicons to each ``Doc`` they process (:func:`attach_lexicons`), and
rules that only see a token or a ``Doc`` read them from there (:func:`lexicons_of`); speaker
resolution thus uses the lexicons the document was analysed with. :func:`default_lexicons` serves
callers outside the components (corpus-wide merging, evaluation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

import srsly
import yaml
from spacy.tokens import Doc

from pipeline.settings import RESOURCES_DIR

PERSON_TITLES = "person_titles.yml"
ROLES = "roles.yml"
ORGANISATIONS = "organisations.yml"
ORGANISATION_PATTERNS = "organisation_patterns.yml"  # shared with the NER rules; its legal forms
ORGANISATION_ABBREVIATIONS = "organisation_abbreviations.tsv"
SPEECH_VERBS = "speech_verbs.yml"
SPEAKER_CONFIDENCE = "speaker_confidence.yml"  # measured, written by the quote evaluation's --calibrate
LEXICON_FILES = (
    PERSON_TITLES,
    ROLES,
    ORGANISATIONS,
    ORGANISATION_PATTERNS,
    ORGANISATION_ABBREVIATIONS,
    SPEECH_VERBS,
    SPEAKER_CONFIDENCE,
)


# -- person names ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonNames:
    """Titles, forms of address, name particles and suffixes (``person_titles.yml``)."""

    titles: frozenset[str]
    salutations: dict[str, str]  # „Frau“ → female, „Herrn“ → male
    particles: frozenset[str]  # „von“, „van der“
    suffixes: frozenset[str]  # „a.D.“, „MdB“
    place_words: frozenset[str]  # „Road“, „Platz“: a name ending so is a place's
    place_prefixes: frozenset[str]  # „Sankt“, „San“: a name opening so is a place's
    weather_words: frozenset[str]  # „Hurrikan“, „Tief“: the name after one is a weather system's

    def is_title(self, word: str) -> bool:
        return word in self.titles

    def salutation_gender(self, word: str) -> str:
        """``female``/``male`` for „Frau“/„Herr(n)“, else ``""``."""
        return self.salutations.get(word, "")

    def is_particle(self, word: str) -> bool:
        return word in self.particles

    def is_name_suffix(self, word: str) -> bool:
        return word in self.suffixes

    def is_place_word(self, word: str) -> bool:
        return word in self.place_words

    def is_place_prefix(self, word: str) -> bool:
        return word in self.place_prefixes

    def is_weather_word(self, word: str) -> bool:
        return word in self.weather_words


def _person_names(data: dict) -> PersonNames:
    return PersonNames(
        titles=frozenset(data["titles"]),
        salutations=dict(data["salutations"]),
        particles=frozenset(data["particles"]),
        suffixes=frozenset(data["suffixes"]),
        place_words=frozenset(data.get("place_words", [])),
        place_prefixes=frozenset(data.get("place_prefixes", [])),
        weather_words=frozenset(data.get("weather_words", [])),
    )


# -- role nouns -----------------------------------------------------------------------------------

_GENDER_FAIR = re.compile(r"^(?P<stem>.*[a-zäöüß])(?:[*:_·]|/-?|\()(?P<ending>in|innen|r)\)?$")
_BINNEN_I = re.compile(r"^(?P<stem>.*[a-zäöüß])I(?P<ending>n|nen)$")
_NOUN_LIKE = frozenset({"NOUN", "PROPN", "ADJ"})  # what the tagger reads a capitalised compound noun as


@dataclass(frozen=True)
class RoleNoun:
    """A role noun as found in the text."""

    normalized: str  # „Projektleiter/in“
    category: str
    gender: str  # female | male | "" (gender-fair, epicene or decided by the article)
    adjectival: bool = False
    plural: bool = False  # „Leiterinnen“, „Vertreter/innen“: a group, never one person's role
    body: bool = False  # „Stadtrat“, „Vorstand“: also the body itself („der Stadtrat beschloss“)
    surname: bool = False  # „König“, „Richter“: also a surname, a role only where a noun (roles.role_noun_at)


class _RoleEntry(NamedTuple):
    norm: str
    category: str
    adjectival: bool
    body: bool = False
    surname: bool = False


@dataclass(frozen=True)
class RoleNouns:
    """Role nouns (``roles.yml``): every inflected form, so that a word matches by its ending.

    Compounds (Projektleiterin, Bundesfamilienministerin) and gender-fair spellings (Leiter*in,
    Leiter:in, Leiter_in, LeiterIn, Leiter/-in) all reduce to one normalised role („Projektleiter/in“).
    """

    forms: dict[str, tuple[_RoleEntry, str]]  # surface form (lower case) → (entry, gender)
    excluded_endings: tuple[str, ...]  # lower case: words ending so are no role („Wegbegleiter“)
    ignored_adjectives: frozenset[str]  # „neu“: says nothing about the role
    office_nouns: frozenset[str]  # lower case: „das Amt des Präsidenten“ is the office, not a person
    time_adverbs: frozenset[str]  # lower case: „ehemals“, „zuvor“: adverbs before a role, however tagged

    def _lookup(self, word: str) -> RoleNoun | None:
        """Role noun for a plain word by its longest known ending; a closed compound keeps its prefix."""
        lower = word.lower()
        if not word[:1].isupper() or lower.endswith(self.excluded_endings):
            return None
        for k in range(len(lower) - 2):
            hit = self.forms.get(lower[k:])
            if hit and (k == 0 or k >= 2):
                entry, gender = hit
                prefix = word[:k] if not word[:k].endswith("-") else ""
                norm = entry.norm[0].lower() + entry.norm[1:] if prefix else entry.norm
                gender, _, plural = gender.partition(" ")
                body = entry.body and gender == "male"  # „Stadträtin“ is a person
                # „König“ may be a surname; „Königin“ and „Torschützenkönig“ are roles
                surname = entry.surname and gender == "male" and k == 0
                return RoleNoun(
                    prefix + norm, entry.category, gender, entry.adjectival, bool(plural), body, surname
                )
        return None

    def match(self, word: str) -> RoleNoun | None:
        """Role noun for a word as written, gender-fair forms and feminine/masculine pairs included."""
        for pattern in (_GENDER_FAIR, _BINNEN_I):
            if m := pattern.match(word):
                stem, ending = m["stem"], m["ending"]
                base = self._lookup(stem + ("r" if ending == "r" else "in"))
                plural = ending.endswith("nen")
                return RoleNoun(base.normalized, base.category, "", base.adjectival, plural) if base else None
        if "/" in word:  # „Leiterin/Leiter“
            parts = [self._lookup(p) for p in word.split("/")]
            if len(parts) == 2 and all(parts) and parts[0].normalized == parts[1].normalized:
                return RoleNoun(parts[0].normalized, parts[0].category, "", parts[0].adjectival)
            return None
        return self._lookup(word)


def _role_nouns(data: dict) -> RoleNouns:
    forms: dict[str, tuple[_RoleEntry, str]] = {}
    for item in data["roles"]:
        m, adjectival = item["m"], bool(item.get("adj"))
        if adjectival:
            entry = _RoleEntry(item.get("norm", f"{m}/r"), item["category"], True)
            variants = {m: "", m + "r": "male", m + "n": ""}
        else:
            f = item.get("f", m + "in")
            norm = item.get("norm", m if f == m else f"{m}/in")
            entry = _RoleEntry(
                norm, item["category"], False, bool(item.get("body")), bool(item.get("surname"))
            )
            variants = {m + ending: "male" for ending in ("", "s", "es", "n", "en")}
            variants.update({f: "female", f + "nen": "female plural"})
            if f == m:
                variants = dict.fromkeys(variants, "")
            if "pl" in item:  # „Mitglieder“, „Mitgliedern“: a plural not made with -n/-en
                variants.update(dict.fromkeys((item["pl"], item["pl"] + "n"), f"{variants[m]} plural"))
        for form, gender in variants.items():
            forms.setdefault(form.lower(), (entry, gender))
    return RoleNouns(
        forms=forms,
        excluded_endings=tuple(w.lower() for w in data.get("exclude", [])),
        ignored_adjectives=frozenset(data.get("ignore_adjectives", [])),
        office_nouns=frozenset(w.lower() for w in data.get("office_nouns", [])),
        time_adverbs=frozenset(w.lower() for w in data.get("time_adverbs", [])),
    )


# -- organisations --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationLexicon:
    """Legal forms, known abbreviations, types and function cues of organisations."""

    legal_forms: tuple[str, ...]  # longest first; shared with the NER rules (organisation_patterns.yml)
    abbreviations: dict[str, str]  # known acronym → long form (organisation_abbreviations.tsv)
    type_words: dict[str, str]  # lower-case ending → type
    exact_words: dict[str, str]  # whole word → type („Land“, „IHK“)
    legal_form_types: dict[str, str]
    function_cues: dict[str, str]  # lower-case cue → function
    name_heads: frozenset[str]  # head nouns that make a name with a place („Stadt Weißenfeld“)
    territories: frozenset[str]  # head nouns of a territory's name („Landkreis Diepholz“)
    descriptors: tuple[str, ...]  # classifying nouns before a name („Computerunternehmen“), lower case
    purpose_heads: tuple[str, ...]  # endings of bodies named by what they are for („Bundesamt für …“)
    unnamed_units: frozenset[str]  # a body's part without a name of its own („Fraktion der SPD“)
    not_heads: frozenset[str]  # first words or heads that make a name no organisation („Day“, „Platt“)
    compound_bodies: frozenset[str]  # body nouns of hyphenated names („Lahn-Dill-Kreis“)
    programme_kinds: dict[str, str]  # lower-case ending → kind of programme
    programme_parties: dict[str, str]  # lower-case cue → funder | operator

    def is_legal_form(self, text: str) -> bool:
        """„GmbH“, „e.V.“, also with a sentence-final period glued on („mbH.“)."""
        return text in self.legal_forms or (text.endswith(".") and text[:-1] in self.legal_forms)

    def legal_form(self, name: str) -> str:
        """The legal form a name ends with („… Bautzen mbH“ → „mbH“)."""
        return next((f for f in self.legal_forms if name == f or name.endswith(" " + f)), "")

    def org_type(self, name: str) -> str:
        """Type from the first word of the name that names one, else from the legal form."""
        return _by_word_ending(name, self.type_words, self.exact_words) or self.legal_form_types.get(
            self.legal_form(name), ""
        )

    def programme_kind(self, name: str) -> str:
        """Kind of programme from the first word of ``name`` that names one („Bundesprogramm“)."""
        return _by_word_ending(name, self.programme_kinds)

    def nominative(self, word: str) -> str:
        """„Landes“ → „Land“, „Landkreises“ → „Landkreis“ for head nouns of names; other words unchanged."""
        for ending in ("es", "s"):
            if word.endswith(ending) and word[: -len(ending)] in self.name_heads:
                return word[: -len(ending)]
        return word

    def classifies(self, word: str) -> bool:
        """„Computerunternehmen“, „Drogeriekette“: a noun that says what kind of body the name after it
        is (``descriptors``, matched as word endings)."""
        return word.lower().endswith(self.descriptors)

    def classifying_noun(self, token) -> bool:
        """A capitalised word that :meth:`classifies`, whatever the tagger reads it as: it reads a
        rare compound as an adjective („die Drogeriekette Rossmann“)."""
        return token.text[:1].isupper() and token.pos_ in _NOUN_LIKE and self.classifies(token.text)

    def territory(self, word: str) -> str:
        """The territory a word heads the name of („Landkreises“ → „Landkreis“, „Rhein-Sieg-Kreis“ →
        „Kreis“), or ``""``."""
        head = self.nominative(word.rpartition("-")[2])
        return head if head in self.territories else ""

    def canonical_name(self, name: str) -> str:
        """The name in the nominative where its first word is an inflected head („Landes Sachsen-Anhalt“)."""
        first, sep, rest = name.partition(" ")
        return self.nominative(first) + sep + rest


def _by_word_ending(name: str, endings: dict[str, str], whole_words: dict[str, str] | None = None) -> str:
    """The value of the first word of ``name`` that is one of ``whole_words`` or ends with one of
    ``endings`` (lower case; the longest ending of a word wins, so „Netzwerk“ is no „Werk“)."""
    for word in re.findall(r"[\wÄÖÜäöüß]+", name):
        if whole_words and word in whole_words:
            return whole_words[word]
        lower = word.lower()
        found = next((lower[k:] for k in range(len(lower)) if lower[k:] in endings), None)
        if found is not None:
            return endings[found]
    return ""


def _pairs(text: str) -> dict[str, str]:
    """Two-column tab-separated lines (``#`` comments) as a dict: first column → second."""
    pairs = {}
    for line in text.split("\n"):
        if line.strip() and not line.startswith("#"):
            key, value = line.split("\t", 1)
            pairs[key] = value
    return pairs


def _organisation_lexicon(data: dict, patterns: dict, abbreviations: str) -> OrganisationLexicon:
    return OrganisationLexicon(
        legal_forms=tuple(sorted(patterns["legal_forms"], key=len, reverse=True)),
        abbreviations=_pairs(abbreviations),
        type_words={w.lower(): t for t, words in data["types"].items() for w in words},
        exact_words={w: t for t, words in data["whole_words"].items() for w in words},
        legal_form_types={form: t for t, forms in data["legal_form_types"].items() for form in forms},
        function_cues={cue: function for function, cues in data["functions"].items() for cue in cues},
        name_heads=frozenset(data["name_heads"]),
        territories=frozenset(data["territories"]),
        descriptors=tuple(w.lower() for w in data["descriptors"]),
        purpose_heads=tuple(w.lower() for w in data["purpose_heads"]),
        unnamed_units=frozenset(data["unnamed_units"]),
        not_heads=frozenset(data["not_organisation_heads"]),
        compound_bodies=frozenset(data["compound_bodies"]),
        programme_kinds={w.lower(): kind for kind, words in data["programme_kinds"].items() for w in words},
        programme_parties={cue: party for party, cues in data["programme_parties"].items() for cue in cues},
    )


# -- speech cues ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerbCue:
    lemma: str
    particle: str = ""
    reflexive: bool = False
    irreflexive: bool = False
    predicate: tuple[str, ...] = ()
    stwr: str = "speech"
    reported: bool = False
    evaluative: bool = False
    addressee: str = ""  # "object" or a preposition: who the verb addresses besides a dative
    quotes_subject: bool = False  # in the passive the subject is the one quoted („wird X zitiert“)

    @property
    def base(self) -> str:
        """The verb without its separable particle (``ankündigen`` → ``kündigen``)."""
        return self.lemma[len(self.particle) :] if self.particle else self.lemma


@dataclass(frozen=True)
class SpeechCues:
    """Speech verbs, statement nouns and prepositional cues (``speech_verbs.yml``)."""

    verbs: dict[str, list[VerbCue]]  # keyed by base lemma and by full lemma
    noun_cues: frozenset[str]
    prepositions: dict[str, dict]
    group_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    time_nouns: frozenset[str]
    forms: dict[str, str]


def _speech_cues(data: dict) -> SpeechCues:
    verbs: dict[str, list[VerbCue]] = {}
    for lemma, spec in data["verbs"].items():
        spec = spec or {}
        cue = VerbCue(
            lemma=lemma,
            particle=spec.get("particle", ""),
            reflexive=bool(spec.get("reflexive")),
            irreflexive=bool(spec.get("irreflexive")),
            predicate=tuple(spec.get("predicate", ())),
            stwr=spec.get("stwr", "speech"),
            reported=bool(spec.get("reported")),
            evaluative=bool(spec.get("evaluative")),
            addressee=spec.get("addressee", ""),
            quotes_subject=bool(spec.get("quotes_subject")),
        )
        for key in {cue.lemma, cue.base}:
            verbs.setdefault(key, []).append(cue)
    return SpeechCues(
        verbs=verbs,
        noun_cues=frozenset(data["noun_cues"]),
        prepositions=data["prepositional_cues"],
        group_nouns=frozenset(data["group_nouns"]),
        organisation_nouns=frozenset(data["organisation_nouns"]),
        time_nouns=frozenset(data["time_nouns"]),
        forms=data["forms"],
    )


@dataclass(frozen=True)
class SpeakerConfidence:
    """How often a quote's speaker was right on real news, per way of attribution
    (:attr:`pipeline.extract.records.Quote.attribution`), measured on the SpkAtt-2023 dev articles."""

    by_attribution: dict[str, float]
    otherwise: float  # all quotes with a speaker, for an attribution measured too rarely

    def of(self, attribution: str) -> float:
        return self.by_attribution.get(attribution, self.otherwise)


# -- all of them ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicons:
    """Everything the extraction rules look up, with the file texts it was parsed from (saved with a
    pipeline, so that loading it parses the same lexicons)."""

    names: PersonNames
    roles: RoleNouns
    organisations: OrganisationLexicon
    speech: SpeechCues
    speaker_confidence: SpeakerConfidence
    sources: dict[str, str]  # file name → text, for every name in LEXICON_FILES

    @classmethod
    def from_sources(cls, sources: dict[str, str]) -> Lexicons:
        """The lexicons of the file texts ``sources`` (file name → text, every name in LEXICON_FILES)."""
        data = {name: yaml.safe_load(sources[name]) for name in LEXICON_FILES if name.endswith(".yml")}
        return cls(
            names=_person_names(data[PERSON_TITLES]),
            roles=_role_nouns(data[ROLES]),
            organisations=_organisation_lexicon(
                data[ORGANISATIONS], data[ORGANISATION_PATTERNS], sources[ORGANISATION_ABBREVIATIONS]
            ),
            speech=_speech_cues(data[SPEECH_VERBS]),
            speaker_confidence=SpeakerConfidence(**data[SPEAKER_CONFIDENCE]["confidence"]),
            sources={name: sources[name] for name in LEXICON_FILES},
        )

    @classmethod
    def from_folder(cls, folder: Path) -> Lexicons:
        """The lexicon files (:data:`LEXICON_FILES`) of ``folder``."""
        folder = Path(folder)
        return cls.from_sources({name: (folder / name).read_text(encoding="utf-8") for name in LEXICON_FILES})

    def to_folder(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.sources.items():
            (folder / name).write_text(text, encoding="utf-8")


@cache
def default_lexicons() -> Lexicons:
    """The package's lexicons (``pipeline/resources/``), parsed once per process."""
    return Lexicons.from_folder(RESOURCES_DIR)


def load_lexicons(folder: str | Path) -> Lexicons:
    """The lexicons of ``folder`` (the package's folder gives :func:`default_lexicons`)."""
    folder = Path(folder)
    return default_lexicons() if folder.resolve() == RESOURCES_DIR else Lexicons.from_folder(folder)


_DOC_KEY = "projektradar.lexicons"


def attach_lexicons(doc: Doc, lexicons: Lexicons) -> None:
    """Record on ``doc`` the lexicons it is analysed with (read back by :func:`lexicons_of`)."""
    doc.user_data[_DOC_KEY] = lexicons


def lexicons_of(doc: Doc) -> Lexicons:
    """The lexicons an extraction component attached to ``doc``, else the package's."""
    return doc.user_data.get(_DOC_KEY) or default_lexicons()


# -- the components' share ------------------------------------------------------------------------

# What the extraction rules read from the model's components (their ``requires``).
MODEL_ANNOTATIONS = (
    "doc.ents",
    "doc.sents",
    "token.ent_type",
    "token.pos",
    "token.tag",
    "token.morph",
    "token.lemma",
    "token.dep",
)


class LexiconComponent:
    """Base of the extraction components: holds their :class:`Lexicons` and saves them with the pipeline.

    ``folder`` (config) or ``initialize(lexicons=...)`` names a folder with the lexicon files. They are
    read on first use, so a pipeline saved with a folder that no longer exists still loads:
    ``from_disk``/``from_bytes`` replace them with the saved copies.
    """

    def __init__(self, folder: str | Path = RESOURCES_DIR):
        self.folder = folder
        self._lexicons: Lexicons | None = None

    @property
    def lexicons(self) -> Lexicons:
        if self._lexicons is None:
            self._lexicons = load_lexicons(self.folder)
        return self._lexicons

    def initialize(self, get_examples=None, *, nlp=None, lexicons: str = "") -> None:
        """``lexicons``: a folder with the lexicon files to use instead of the configured one."""
        if lexicons:
            self.folder, self._lexicons = lexicons, None

    def to_disk(self, path: Path, *, exclude=()) -> None:
        self.lexicons.to_folder(Path(path))

    def from_disk(self, path: Path, *, exclude=()) -> LexiconComponent:
        self._lexicons = Lexicons.from_folder(Path(path))
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.msgpack_dumps(self.lexicons.sources)

    def from_bytes(self, data: bytes, *, exclude=()) -> LexiconComponent:
        self._lexicons = Lexicons.from_sources(srsly.msgpack_loads(data))
        return self
