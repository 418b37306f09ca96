"""Organisations of one document: NER ORG spans, acronyms and their long forms, types and functions.

Names that end in a legal form or name a public body come from the NER rules component
(pipeline/nlp/components.py) as ORG entities; this module cleans and groups them. Type, legal form and
the document's function for an organisation (Projektträger, Förderer, Partner/Mitglied) come from the
lexicon (``organisations.yml``, :class:`pipeline.extract.lexicons.OrganisationLexicon`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from pipeline.extract.lexicons import Lexicons, OrganisationLexicon, default_lexicons
from pipeline.extract.quote_marks import OPEN_ONLY, find_quoted_spans
from pipeline.extract.records import Mention, Organisation
from pipeline.extract.roles import OrgAnchor, inflected_adjective, is_adjective
from pipeline.extract.tokens import Sentences, doc_text, entity_at
from pipeline.nlp.known import (
    MEDIA_TITLE,
    closed_compound_organisation,
    compound_organisation,
    gazetteer_name,
    is_known_name,
    is_known_organisation,
    is_national_body,
    is_nationality_adjective,
    name_end,
)

_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]*[A-ZÄÖÜ][a-z]?$")
_PARTITIVE = frozenset({"der", "von"})  # „125 der 308 Sitze“, „drei von vier“
# a type designation after a maker's name: „Boeing 737“, „Airbus A380“
_TYPE_LETTER = re.compile(r"^[A-Z]$")  # „A“ of a type written apart: „Airbus A 300“
_MODEL = re.compile(r"^[A-Z]{0,2}-?\d{2,4}[a-z]?$")
_INDEFINITE_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
_INNER_CAPITAL = re.compile(r"^[a-z]+[A-Z]")  # a brand written „eBay“, „iRobot“
_LOGO = re.compile(r"[-_ ]?logo$", re.IGNORECASE)  # „EAF-Logo“: a logo's alt text in a web scrape
_ADJECTIVE_ENDING = re.compile(r"(sch|lich|ig)(?:e|en|em|er|es)\b")
_INFLECTION = re.compile(r"(?:e|en|em|er|es)$")
_STRONG = {"Masc": "er", "Fem": "e", "Neut": "es"}  # nominative ending of an adjective without article
_JOINERS = frozenset({"-", "&", "+", "’s", "'s", "und"})
_MAX_TOKENS = 14
_COORDINATION = frozenset({"und", "sowie", "oder", ",", "&"})
_ENUMERATION = frozenset({"und", "sowie"})
_DASHES = frozenset({"-", "–", "—"})
_POSSESSIVES = frozenset(
    {"deren", "dessen"} | {s + e for s in ("sein", "ihr") for e in ("", "e", "en", "em", "er")}
)
_GENITIVE_ARTICLES = frozenset({"der", "des"})
_CLOSING_QUOTES = frozenset({"“", "”"})
_SO_CALLED = frozenset({"so", "genannten", "genannte", "sogenannten", "sogenannte"})
_QUOTED_BODY_TOKENS = 6  # at most this long, a quoted title after a role is a body's name
_INVARIANT_S = ("fonds", "haus")  # nouns whose nominative ends in -s: „Sozialfonds“, „Rathaus“
_LOCATIVE = frozenset(
    {"in", "im", "aus", "nach", "am", "an", "um", "durch", "über", "zwischen", "nahe", "unweit"}
    | {"nähe", "umgebung"}  # „in der Nähe der Stadt Cuzco“
    | {
        "nördlich",
        "südlich",
        "östlich",
        "westlich",
        "nordöstlich",
        "nordwestlich",
        "südöstlich",
        "südwestlich",
    }
)


def legal_form(name: str) -> str:
    """:meth:`OrganisationLexicon.legal_form` of the package's default lexicons."""
    return default_lexicons().organisations.legal_form(name)


def org_type(name: str) -> str:
    """:meth:`OrganisationLexicon.org_type` of the package's default lexicons."""
    return default_lexicons().organisations.org_type(name)


def metadata_organisations(projekttraeger: str, funder: str) -> list[Organisation]:
    """Organisations named in a document's metadata (a scrape's logo lines, „gefördert vom …“).

    Ingest joins several with „; “ and keeps an abbreviation in brackets: „Europäischer Sozialfonds
    (ESF); Land Sachsen-Anhalt“. They carry their function and no mentions (no offsets in the text).
    Read with the package's default lexicons: corpus-wide merging runs outside the components.
    """
    lexicon = default_lexicons().organisations
    known = lexicon.abbreviations
    orgs = []
    for value, function in ((projekttraeger, "Projektträger"), (funder, "Förderer")):
        for part in filter(None, (p.strip() for p in value.split(";"))):
            bracket = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", part)
            name, abbreviation = (
                (bracket[1], bracket[2]) if bracket and is_acronym(bracket[2]) else (part, "")
            )
            if not abbreviation and name in known:
                name, abbreviation = known[name], name
            orgs.append(
                Organisation(
                    local_id=-1,
                    name=name,
                    abbreviation=abbreviation,
                    legal_form=lexicon.legal_form(name),
                    org_type=lexicon.org_type(name) or lexicon.org_type(abbreviation),
                    function=function,
                )
            )
    return orgs


def _attributive(token) -> bool:
    """An adjective before a noun; the tagger's STTS tag counts too („Regionalen“ tagged ADJA but
    mapped to NOUN)."""
    return token.pos_ == "ADJ" or token.tag_ == "ADJA"


def _name_adjective(token) -> bool:
    """A capitalised adjective, which makes part of a name („Regionales Bündnis für …“), also where the
    tagger read it as a noun („vom Regionalen Bündnis“)."""
    return token.text[:1].isupper() and (_attributive(token) or inflected_adjective(token.text))


def _place_adjective(token) -> bool:
    """„Bielefelder“, „Berliner“: a capitalised adjective made from a place, whichever tag it got."""
    return token.text[:1].isupper() and token.text.endswith("er") and token.pos_ in {"ADJ", "PROPN"}


def is_model_designation(text: str) -> bool:
    """A type designation after a maker's name („737“ in „Boeing 737“, „A380“, „MD-80“)."""
    return bool(_MODEL.match(text))


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def _short_form(short: str, name: str, abbreviation: str, lexicon: OrganisationLexicon) -> bool:
    """„Bündnis Oberlausitz“ of „Regionales Bündnis für Chancengleichheit Oberlausitz“, „IHK Mittelelbe“ of
    „Industrie- und Handelskammer Mittelelbe (IHK)“: head and place of a longer name in the same text;
    „Agentur für Arbeit“ of „Agentur für Arbeit Weißenfeld“: the longer name without its place."""
    words, long_words = short.split(), name.split()
    if len(words) < 2 or len(words) >= len(long_words):
        return False
    if words == long_words[: len(words)] and " für " in f" {short} ":
        return True  # „Agentur für Arbeit“ of „Agentur für Arbeit Weißenfeld“
    if words[-1] != long_words[-1]:
        return False
    if abbreviation and words[0] == abbreviation:
        return True
    if lexicon.nominative(words[0]) not in lexicon.name_heads:
        return False
    position = 0
    for word in words:  # the short form's words appear in the long name in order
        if word not in long_words[position:]:
            return False
        position = long_words.index(word, position) + 1
    return True


def org_key(name: str) -> str:
    """Comparison key of an organisation name: case, spacing, a glued period and the declension of its
    adjectives ignored („Westpfälzischen Bildungsgesellschaft“ = „Westpfälzische Bildungsgesellschaft“)."""
    key = " ".join(name.replace("\u00ad", "").split()).rstrip(".").casefold()
    return _ADJECTIVE_ENDING.sub(r"\1e", key)


@dataclass
class _Found:
    """An organisation mention before grouping: token span and the name as written."""

    start: int
    end: int
    start_char: int
    end_char: int
    name: str
    abbreviation: str = ""
    org_type: str = ""  # from the noun before a quoted title („Projekt“), when the title's words mislead
    mentions: list[tuple[int, int, int, int]] = field(default_factory=list)


class OrganisationFinder:
    """Finds and groups the organisations of one ``Doc``; ``anchors`` maps token spans to local ids."""

    def __init__(
        self,
        doc: Doc,
        sentences: Sentences,
        lexicons: Lexicons,
        blocked: set[int],
        surnames: set[str],
        genders: dict[str, str],
    ):
        self.doc = doc
        self.sentences = sentences
        self.lexicon = lexicons.organisations
        self.role_nouns = lexicons.roles
        self.blocked = blocked  # tokens inside person names
        self.surnames = surnames
        self.genders = genders  # noun → Masc/Fem/Neut (the pipeline's morphology lexicon)
        # quoted title's first token → type of the noun before it ("" after a role: „Chef der „Roma-Garde““)
        self._title_types: dict[int, str] = {}

    # -- spans -------------------------------------------------------------------------------------
    def _trim(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """Token and character bounds without leading articles/prepositions, a classifying noun
        („Computerunternehmen Apple“, „Nachrichtenagentur Reuters“) or a role („Dekan der …“),
        trailing punctuation and logos, and nothing past a line break or a colon."""
        doc = self.doc
        for k in range(start, end - 1):  # a name does not run over a line break („Verbreitung\nBrenntag AG“)
            if "\n" in doc[k].text_with_ws:
                start = k + 1
        if start not in self._title_types:  # nor over a colon („Internationaler Gerichtshof: Massaker …“)
            end = next((k for k in range(start + 1, end) if doc[k].text == ":"), end)
            # nor into a phrase about something of someone's („Europäische Kommission für deren Vorgehen“)
            end = next((k for k in range(start + 1, end - 1) if doc[k + 1].lower_ in _POSSESSIVES), end)
        if (
            end - start > 2
            and self.role_nouns.match(doc[start].text)
            and doc[start + 1].lower_ in _GENITIVE_ARTICLES
        ):
            start += 1  # „Dekan der Philosophischen Fakultät“: the role's organisation
        while (
            start < end
            and not is_known_name(doc[start:end].text)  # „Die Linke“, „Der Spiegel“
            and (
                doc[start].pos_ in {"DET", "ADP"}
                or (doc[start].pos_ == "ADJ" and doc[start].is_lower)  # „deutsche Digitalagentur …“
                or doc[start].is_punct
                or doc[start].is_space
                or (
                    end - start > 1
                    and (self.lexicon.classifies(doc[start].text) or self._national_kind(doc[start].text))
                    and doc[start + 1].text[:1].isupper()
                )
                or self._classifies_name(start, end)
                or self._nationality_before_name(start, end)
            )
        ):
            start += 1
        end = self._unopened_end(start, end)
        person = next((k for k in range(start + 1, end) if k in self.blocked), None)
        if person is not None:  # „Agentur für Arbeit Bergisch Gladbach und Fabienne Herrmann“
            end = person
            while end > start and doc[end - 1].lower_ in _COORDINATION:
                end -= 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end - start > 1 and doc[end - 1].is_digit and end < len(doc) and doc[end].text == ":":
            end -= 1  # „Hamburger SV 1: 1“: the score, not „Schalke 04“
        while end - start > 1 and self._ends_no_name(start, end):
            end -= 1
        if end - start == 1 and self._national_kind(doc[start].text) and self._name_follows(end):
            return None  # „die US-Raumfahrtbehörde NASA“: the kind of the body named next
        if start >= end or end - start > _MAX_TOKENS or self._not_an_organisation(start, end):
            return None
        if self._named_as_place(start) or self._model_after(start, end) or self._one_of_a_kind(start, end):
            return None  # „im Landkreis Diepholz“ is a place, „der Boeing 737“, „eine Boeing“ a product
        if self._capitalised_by_position(start, end):
            return None
        if self._compound_role(doc[start].text):  # „SPD-Innenexperte Wiefelspütz“: a role, not a name
            return None
        start_char, text = doc[start].idx, doc[start:end].text
        if text.endswith(".") and doc[end - 1].text[:-1] in self.lexicon.legal_forms:
            text = text[:-1]  # „mbH.“ at the end of a sentence
        text = _LOGO.sub("", text)
        titled = start in self._title_types  # „die Firma „con energy ag““
        lower_case = not any(c.isupper() for c in text) and not is_known_name(text) and not titled  # „ver.di“
        if lower_case or any(i in self.blocked for i in range(start, end)):
            return None
        if (
            end - start == 1
            and start not in self._title_types
            and not is_acronym(text)
            and not is_known_organisation(text)
            and not self._proper_noun(doc[start])
            and not (start > 0 and self.lexicon.classifying_noun(doc[start - 1]))  # „Nachrichtenagentur Ansa“
            and not self._hyphenated_body(doc[start].text)
            and not (start > 0 and is_national_body(doc[start - 1].text, doc[start].text))
        ):
            return None
        return start, end, start_char, start_char + len(text)

    def _national_kind(self, word: str) -> bool:
        """„US-Raumfahrtbehörde“, „US-Institut“: a country's acronym and a noun that says what kind of
        body something is — before a name, that name's description, not a name of its own."""
        prefix, _, kind = word.partition("-")
        kind_noun = kind[:1].isupper() and "-" not in kind and bool(self.lexicon.org_type(kind))
        return is_acronym(prefix) and kind_noun

    def _name_follows(self, end: int) -> bool:
        """An acronym or a proper noun follows token ``end - 1``."""
        doc = self.doc
        return end < len(doc) and (is_acronym(doc[end].text) or doc[end].pos_ == "PROPN")

    def _model_after(self, start: int, end: int) -> bool:
        """The token after the name names a model of that maker („Boeing 737“, „Airbus A380“, „A 300“): a type
        designation, not a number that counts a noun („laut Reuters 900 Menschen“) nor one that is
        part of a known name („Schalke 04“)."""
        doc = self.doc
        if end + 1 < len(doc) and _TYPE_LETTER.match(doc[end].text) and doc[end + 1].text.isdigit():
            return True  # „des Airbus A 300“
        if (
            end >= len(doc)
            or not is_model_designation(doc[end].text)
            or is_known_name(doc[start : end + 1].text)
        ):
            return False
        following = doc[end + 1] if end + 1 < len(doc) else None
        # a count: „laut Reuters 900 Menschen“, „hatte seine Partei 125 der 308 Sitze“
        counts = (
            doc[end].text.isdigit()
            and following is not None
            and (following.pos_ in {"NOUN", "PROPN"} or following.lower_ in _PARTITIVE)
        )
        return not counts

    def _one_of_a_kind(self, start: int, end: int) -> bool:
        """A one-word name after an indefinite article names no organisation: one of a maker's products
        („Eine Boeing war auf dem Weg nach Pucallpa“) or a body of some kind („einen
        Untersuchungsausschuss einsetzen“)."""
        return end - start == 1 and start > 0 and self.doc[start - 1].lower_ in _INDEFINITE_ARTICLES

    def _classifies_name(self, start: int, end: int) -> bool:
        """Token ``start`` only says what kind of body the one-word name at the span's end is
        („Onlineaktionshaus eBay“, „Kleinpartei Tierschutzpartei“, „des Unternehmens RWE“, „Berliner
        Fahrgastverband IGEB“ with the place adjective before it): a common noun that heads no names
        („Stadt Weißenfeld“, „Fraktion …“) and that the lexicon knows, before an acronym (no legal
        form: „Seerene GmbH“), a known organisation, a brand with an inner capital or a word that
        names a body by its ending — no place („Universität Leipzig“)."""
        doc, lexicon = self.doc, self.lexicon
        name = doc[end - 1]
        classifier = doc[end - 2] if end - start >= 2 else None
        place_adjective = end - start == 3 and _place_adjective(doc[start])
        if classifier is None or end - start > 3 or (end - start == 3 and not place_adjective):
            return False
        heads = lexicon.name_heads | lexicon.unnamed_units
        return (
            classifier.pos_ == "NOUN"
            and classifier.text[:1].isupper()
            and bool(self._lexicon_gender(classifier.text))
            and not inflected_adjective(classifier.text)  # „Gemeinsamer Bundesausschuss“
            and lexicon.nominative(classifier.text) not in heads
            and not lexicon.is_legal_form(name.text)
            and (
                is_acronym(name.text)
                or is_known_organisation(name.text)
                or bool(_INNER_CAPITAL.match(name.text))
                or (bool(lexicon.org_type(name.text)) and name.ent_type_ != "LOC")
            )
        )

    def _nationality_before_name(self, start: int, end: int) -> bool:
        """„Nordkoreanisches Air Koryo“, „Liberianische International AirService“: a nationality
        adjective before a foreign name says where the body is from and is no part of its name (unlike
        „Deutscher Bundestag“, „Österreichische Volkspartei“ before a word the lexicon knows)."""
        doc = self.doc
        return (
            end - start > 1
            and doc[start].text[:1].isupper()
            and is_nationality_adjective(doc[start].text)
            and doc[start + 1].pos_ in {"PROPN", "X"}
            and not self._lexicon_gender(doc[start + 1].text.rstrip("-"))
            and not is_known_organisation(doc[start + 1].text)
        )

    def _unopened_end(self, start: int, end: int) -> int:
        """Where a name ends at a closing quote or an opening bracket that the name does not pair
        („der „Internationale der Öffentlichen Dienste“ (IÖD)“ → „Internationale der Öffentlichen
        Dienste“; the bracket's abbreviation is linked to it later)."""
        doc = self.doc
        for k in range(start + 1, end):
            text = doc[k].text
            if text in _CLOSING_QUOTES and not any(doc[j].text in OPEN_ONLY for j in range(start, k)):
                return k
            if text == "(" and not any(doc[j].text == ")" for j in range(k + 1, end)):
                return k
        return end

    def _ends_no_name(self, start: int, end: int) -> bool:
        """The span's last word is no part of the name: a lower-case participle or adjective („vom
        Landesministerium für … Gleichstellung geförderte Projekt“), or the preposition or article left
        before it. A quoted title keeps its words („Fachkräfte sichern: … fördern“)."""
        last = self.doc[end - 1]
        if start in self._title_types or not last.is_lower:
            return False
        return last.pos_ in {"ADJ", "VERB", "AUX", "ADP", "DET", "CCONJ"} or last.tag_ in {"ADJA", "VVPP"}

    def _capitalised_by_position(self, start: int, end: int) -> bool:
        """„Kleine Betriebe …“, „Weibliche Nachwuchsführungskräfte …“ opening a sentence, a line or the
        text after a colon: an adjective capitalised only by where it stands, then plural common nouns
        of the lexicon — a description the NER took for a name (known names such as „Freie Wähler“ stay)."""
        doc = self.doc
        first, before = doc[start], doc[start - 1] if start else None
        opens = before is None or first.is_sent_start or before.text == ":" or "\n" in before.text_with_ws
        return (
            opens
            and end - start >= 2
            and (first.pos_ == "ADJ" or inflected_adjective(first.text))
            and not is_known_name(doc[start:end].text)
            and all(self._plural_common_noun(doc[k], first) for k in range(start + 1, end))
        )

    def _plural_common_noun(self, token, adjective) -> bool:
        """A noun of the lexicon in the plural: tagged so, or a masculine or neuter noun after an
        adjective in -e without article („Kleine Betriebe“; the singular would be „Kleiner Betrieb“),
        unlike the singular head of a name („Junge Union“, „Evangelische Kirche“)."""
        gender = self._lexicon_gender(token.text.rsplit("-", 1)[-1])
        plural = token.morph.get("Number") == ["Plur"] or (
            adjective.lower_.endswith("e") and gender in {"Masc", "Neut"}
        )
        return token.pos_ in {"NOUN", "PROPN"} and bool(gender) and plural

    def _compound_role(self, word: str) -> bool:
        """„SPD-Chefin“, „ARD-Korrespondent“: a known organisation and a role noun in one word (the
        organisation is a mention of its own, see :meth:`_compound_mentions`)."""
        prefix = compound_organisation(word)
        return bool(prefix) and self._is_role(word[len(prefix) + 1 :])

    def _is_role(self, word: str) -> bool:
        return self.role_nouns.match(word) is not None

    def _compound_mentions(self, taken: set[int]) -> list[tuple[str, int, int, int]]:
        """Known organisations named as the first part of a compound outside every other mention:
        (name, token, start_char, end_char) for „SPD“ in „SPD-Vorsitzende“, „EU“ in „EU-Beschluss“;
        in a closed compound only before a role („Bundestagsabgeordnete“, not „Bundestagswahl“)."""
        found = []
        for token in self.doc:
            if token.i in taken or token.i in self.blocked:
                continue
            if prefix := compound_organisation(token.text) or closed_compound_organisation(
                token.text, self._is_role
            ):
                found.append((prefix, token.i, token.idx, token.idx + len(prefix)))
        return found

    def _parents_of_units(self, spans: list[tuple[int, int, int, int]]) -> list[tuple[str, int, int, int]]:
        """Known organisations a unit without a name of its own belongs to: (name, token, start_char,
        end_char) for „SPD“ in „Fraktion der SPD“, „Grünen“ in „Bundesvorstand der Grünen“ — the unit
        stays an organisation, and the party takes part too."""
        doc, found = self.doc, []
        for start, end, _, end_char in spans:
            parent = doc[start + 2 : end]
            if (
                end - start > 2
                and doc[start].text in self.lexicon.unnamed_units
                and doc[start + 1].lower_ in _GENITIVE_ARTICLES
                and (is_known_name(parent.text) or is_known_organisation(parent.text))
            ):
                found.append((parent.text, parent.start, parent.start_char, end_char))
        return found

    def _not_an_organisation(self, start: int, end: int) -> bool:
        """An event, language, treaty, work or building: its first word or head is in
        ``not_organisation_heads``; or a person: its first word or head is a role noun. A known name
        is an organisation whatever its head („Reporter ohne Grenzen“, „Gruner + Jahr“)."""
        words = self.doc[start:end]
        if is_known_name(words.text):
            return False
        head = next((k for k in range(start + 1, end) if self.doc[k].is_lower), end) - 1
        not_heads = self.lexicon.not_heads
        if any(t.text in not_heads or t.lemma_ in not_heads for t in (words[0], self.doc[head])):
            return True
        return any(self._person_noun(t.text) for t in {words[0], self.doc[head]})

    def _person_noun(self, word: str) -> bool:
        """A role noun that names a person, not a body: „Pariser Bürgermeister“, „Staatsoberhaupt
        Neuseelands“ are people the NER took for organisations („Vorstand“ also names the body; a
        word in -s may be an English plural: „Allianz Global Investors“)."""
        noun = None if word.endswith("s") else self.role_nouns.match(word)
        return noun is not None and not noun.body and not noun.plural

    def _lexicon_gender(self, word: str) -> str:
        """Gender of a word or its last compound part in the lexicon, or ``""``."""
        for k in range(len(word) - 2):
            part = word[k:] if k == 0 else word[k].upper() + word[k + 1 :]
            if part in self.genders:
                return self.genders[part]
        return ""

    def _gender(self, noun) -> str:
        """Gender of a noun: the lexicon for the word or its last compound part, else the tagger's."""
        if gender := self._lexicon_gender(noun.text):
            return gender
        return noun.morph.get("Gender", [""])[0] if noun.pos_ == "NOUN" else ""

    def _nominative_name(self, start: int, start_char: int, end_char: int) -> str:
        """The name in the nominative: „der Europäischen Sozialfonds“ → „Europäischer Sozialfonds“,
        „des Deutschen Bundestages“ → „Deutscher Bundestag“, „Landes Sachsen-Anhalt“ → „Land …“.

        Leading adjectives get the strong ending of the head noun's gender (a name has no article);
        a genitive head its lemma. Without a known gender the adjectives stay as written.
        """
        doc, text = self.doc, doc_text(self.doc)[start_char:end_char]
        if known := gazetteer_name(text):
            return known
        i = start
        while (
            i < len(doc)
            and doc[i].text[:1].isupper()
            and inflected_adjective(doc[i].text)
            and doc[i].idx < end_char
        ):
            i += 1
        head = self._head_after(i, end_char)
        if head is None or head.idx + len(head.text) > end_char:
            return self.lexicon.canonical_name(text)
        genitive = "Gen" in head.morph.get("Case") or (start > 0 and doc[start - 1].lower_ == "des")
        following = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if (
            genitive
            and following is not None
            and following.text[:1].isupper()
            and self._genitive_stem(head.text) == head.text
            and self._genitive_stem(following.text) != following.text
        ):  # „des Kolping Bildungswerkes Thüringen“: the genitive noun after the name, however tagged
            head = following
        head_word = self.lexicon.nominative(head.text)
        if head_word == head.text and genitive:  # „Bundestages“ → „Bundestag“
            head_word = self._genitive_stem(head.text)
        ending = "e" if head.morph.get("Number") == ["Plur"] else _STRONG.get(self._gender(head), "")
        if i > start and not ending:
            return self.lexicon.canonical_name(text)
        adjectives = [_INFLECTION.sub("", doc[k].text) + ending for k in range(start, i)]
        between = doc_text(doc)[doc[i].idx : head.idx] if head.i > i else ""  # „Industrie- und “
        before = " ".join([*adjectives, between + head_word]) if adjectives else between + head_word
        return before + doc_text(doc)[head.idx + len(head.text) : end_char]

    def _head_after(self, i: int, end_char: int):
        """The name's head noun at token ``i``, past a truncated compound and its conjunction
        („Industrie- und Handelskammer“); ``None`` if no noun stands there."""
        doc = self.doc
        while i + 2 < len(doc) and doc[i].text.endswith("-") and doc[i + 1].lower_ in ("und", "oder"):
            i += 2
        if i < len(doc) and doc[i].idx < end_char and doc[i].pos_ in ("NOUN", "PROPN"):
            return doc[i]
        return None

    def _genitive_stem(self, word: str) -> str:
        """„Bundestages“ → „Bundestag“, „Bildungswerkes“ → „Bildungswerk“ (a stem the lexicon knows, or
        whose last compound part it knows); „Sozialfonds“ stays (an invariant -s)."""
        if word.endswith(_INVARIANT_S):
            return word
        stems = [word[: -len(e)] for e in ("es", "s") if word.endswith(e)]
        return next((stem for stem in stems if stem in self.genders or self._lexicon_gender(stem)), word)

    def _proper_noun(self, token) -> bool:
        """A one-word organisation must look like a name: a proper noun or a singular noun that is no common
        noun or compound of the lexicon („Samsung“, „Microsoft“ tagged NOUN), no person's surname, no role."""
        unknown_noun = (
            token.pos_ == "NOUN"
            and token.morph.get("Number") != ["Plur"]
            and not self._lexicon_gender(token.text.rsplit("-", 1)[-1])
            and token.lemma_ not in self.genders
        )
        return (
            (token.pos_ == "PROPN" or unknown_noun)
            and token.text not in self.surnames
            and self.role_nouns.match(token.text) is None
        )

    def _sentence_final_legal_forms(self) -> list[tuple[int, int]]:
        """Names ending in a legal form with the sentence's period glued on („… Bautzen mbH.“).

        The tokenizer keeps „mbH.“/„GmbH.“ as one token, which the NER rules' legal-form patterns do
        not see; the name is collected leftwards the same way: capitalised words and joiners.
        """
        doc = self.doc
        covered = {i for e in doc.ents if e.label_ == "ORG" for i in range(e.start, e.end)}
        spans = []
        for i, token in enumerate(doc):
            if (
                i in covered
                or not token.text.endswith(".")
                or token.text[:-1] not in self.lexicon.legal_forms
            ):
                continue
            k = i
            while k > 0 and i - k < _MAX_TOKENS and k - 1 not in self.blocked:
                prev = doc[k - 1]
                if prev.is_space or prev.pos_ in {"DET", "ADP", "VERB", "AUX"}:
                    break
                if not (prev.text[:1].isupper() or prev.text in _JOINERS):
                    break
                k -= 1
            while k < i and doc[k].text in _JOINERS:
                k += 1
            if k < i:
                spans.append((k, i + 1))
        return spans

    def _cue_acronyms(self) -> list[tuple[int, int]]:
        """An acronym right after a function cue („gefördert vom BMBF“, „Projektträgerin EAF-Logo“)."""
        doc = self.doc
        cues = self.lexicon.function_cues
        spans = []
        for i, token in enumerate(doc):
            if not is_acronym(_LOGO.sub("", token.text)):
                continue
            k = i - 1
            while k >= 0 and (doc[k].is_space or doc[k].pos_ in {"ADP", "DET"}):
                k -= 1
            if k >= 0 and doc[k].lower_ in cues:
                spans.append((i, i + 1))
        return spans

    def _place_after(self, i: int) -> int | None:
        """End of the place that completes a name at token ``i``: „IHK Mittelelbe“, „IHK zu Rostock“,
        „Universität zu Köln“."""
        if i + 1 < len(self.doc) and self.doc[i].lower_ == "zu":
            return self._place_end(i + 1)
        return self._place_end(i)

    def _hyphenated_bodies(self) -> list[tuple[int, int]]:
        """A proper name joined to a body noun by a hyphen, with capitalised adjectives before it and a
        place after it: „Lahn-Dill-Kreis“, „Goethe-Universität Frankfurt“, „Gemeinnützige
        Hertie-Stiftung“ (``compound_bodies`` in organisations.yml)."""
        doc = self.doc
        spans = []
        for token in doc:
            if not self._hyphenated_body(token.text):
                continue
            start = token.i
            while start > 0 and _attributive(doc[start - 1]) and doc[start - 1].text[:1].isupper():
                start -= 1
            spans.append((start, self._place_after(token.i + 1) or token.i + 1))
        return spans

    def _municipality_after(self, j: int) -> int | None:
        """End of „der Stadt Weißenfeld“, „des Landkreises Görlitz“ right after a body's head noun: the
        body of that place („Integrationsbeirat der Stadt Weißenfeld“, „Jobcenter des Kreises Unna“)."""
        doc = self.doc
        if j + 2 >= len(doc) or doc[j].lower_ not in ("der", "des"):
            return None
        head = self.lexicon.nominative(doc[j + 1].text)
        if self.lexicon.org_type(head) != "Kommune" or head not in self.lexicon.name_heads:
            return None
        return self._place_after(j + 2)

    def _located(self, i: int) -> bool:
        """Token ``i`` follows a locative preposition („im Kreis Wesel“, „in der Stadt Srebrenica“, „in
        der sächsischen Stadt Leipzig“, „östlich der Stadt Harf“): a place named as where something
        is, not a body acting."""
        k = i - 1
        while k >= 0 and self.doc[k].pos_ == "ADJ" and self.doc[k].text[:1].islower():
            k -= 1
        if k >= 0 and self.doc[k].pos_ == "DET":
            k -= 1
        return k >= 0 and self.doc[k].lower_ in _LOCATIVE

    def _named_as_place(self, start: int) -> bool:
        """The territory whose name starts at token ``start`` is where something is („im Landkreis
        Diepholz“, :meth:`_located`) or a place described („der südungarischen Stadt Mohács“, „die von
        Muslimen bewohnte Stadt Srebrenica“): a place, not the body — unless the text calls such a
        territory by its head alone as a body elsewhere (:attr:`_acting_territories`)."""
        territory = self.lexicon.territory(self.doc[start].text)
        return bool(territory) and territory not in self._acting_territories and self._place_at(start)

    def _place_at(self, i: int) -> bool:
        """Token ``i`` (a territory's head) is where something is or a place described, is joined to a
        place („aus Bonn und dem Rhein-Sieg-Kreis“), is what an event struck („Betroffen sind der
        Main-Tauber-Kreis, der Landkreis Heilbronn …“) or in brackets after a place, where that lies."""
        doc = self.doc
        before = doc[i - 1] if i else None
        if (before is not None and before.is_lower and _attributive(before)) or self._located(i):
            return True
        if i >= 2 and before.text == "(" and doc[i - 2].ent_type_ == "LOC":
            return True  # „in Hermeskeil (Kreis Trier-Saarburg)“ says where the place is
        k = i - 1 if before is not None and before.pos_ == "DET" else i
        joined = k >= 2 and doc[k - 1].lower_ in ("und", "sowie") and doc[k - 2].ent_type_ == "LOC"
        return joined or doc[self.sentences[self.sentences.index(i)].start].lower_ == "betroffen"

    @cached_property
    def _acting_territories(self) -> frozenset[str]:
        """Territory heads the text uses alone and not as a place: „Landkreis gründet Netzwerk“, „die
        Gleichstellungsbeauftragte des Landkreises“ — in this text such a territory is a body, also
        where it is named as a place („Rund jede zehnte Person im Landkreis Oberlausitz-Nord …“)."""
        doc, acting = self.doc, set()
        for token in doc:
            territory = self.lexicon.territory(token.text)
            if not token.text[:1].isupper() or not territory:
                continue
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            named = (
                following is not None and following.text[:1].isupper() and following.pos_ in {"NOUN", "PROPN"}
            )
            if not named and not self._place_at(token.i):
                acting.add(territory)
        return frozenset(acting)

    def _bodies_named_after_persons(self) -> list[tuple[int, int]]:
        """A person's name the NER tagged, followed or ended by a body noun: „Wolfgang Dürr Stiftung“,
        „Anne Frank Schule“, „Aga Khan University“ (the people component leaves such names out)."""
        doc, bodies = self.doc, self.lexicon.compound_bodies
        spans = []
        for e in doc.ents:
            if e.label_ == "PER" and e[-1].text in bodies:  # „Aga Khan University“ tagged as a person
                spans.append((e.start, e.end))
            elif e.label_ == "PER" and e.end < len(doc) and doc[e.end].text in bodies:
                spans.append((e.start, e.end + 1))
        return spans

    def _described_names(self) -> list[tuple[int, int]]:
        """A classifying noun and the capitalised name after it („die Drogeriekette Rossmann“, „der
        Autobauer Porsche“), which the NER often tags as a person or not at all; :meth:`_trim` drops
        the classifying noun."""
        doc = self.doc
        spans = []
        for i in range(len(doc) - 1):
            if not self.lexicon.classifying_noun(doc[i]):
                continue
            end = name_end(doc, i)
            if end > i + 1:
                spans.append((i, end))
        return spans

    def _hyphenated_body(self, word: str) -> bool:
        first, _, body = word.rpartition("-")
        return first[:1].isupper() and body in self.lexicon.compound_bodies

    def _place_end(self, i: int) -> int | None:
        """End of the place name starting at token ``i``: a LOC entity, an untagged proper noun, or a word
        the document uses in a place or organisation name elsewhere („Volkshochschule Weißenfeld“ where
        „Weißenfeld“ is tagged a common noun but stands in „Wirtschaftsförderungsgesellschaft Weißenfeld
        mbH“)."""
        doc = self.doc
        if i >= len(doc) or not doc[i].text[:1].isupper():
            return None
        if doc[i].ent_type_ == "LOC" and doc[i].ent_iob_ == "B":
            return entity_at(doc, i).end
        if doc[i].ent_type_ == "LOC" and i > 0 and doc[i - 1].ent_iob_ == "B" and not self._located(i - 1):
            return entity_at(doc, i - 1).end  # „der Kreis Unna fördert“: a place acting, its head opens it
        if not doc[i].ent_type_ and (doc[i].pos_ == "PROPN" or doc[i].text in self._place_words):
            return i + 1
        return None

    @cached_property
    def _place_words(self) -> frozenset[str]:
        """Words inside LOC entities and last words of ORG entities (minus legal forms)."""
        words = {t.text for e in self.doc.ents if e.label_ == "LOC" for t in e}
        words |= {e[-1].text for e in self.doc.ents if e.label_ == "ORG" and len(e) > 1}
        words |= {
            e[-2].text
            for e in self.doc.ents
            if e.label_ == "ORG" and len(e) > 2 and self.lexicon.is_legal_form(e[-1].text)
        }
        return frozenset(words)

    def _dotted_start(self, start: int) -> int:
        """Start of a name written with periods between its words („Frauen.Wirtschaft.Oberpfalz e.V.“,
        „Chancen.Regional …“): the tokenizer splits it, the NER then tags only its end."""
        doc = self.doc
        while (
            start > 1
            and doc[start - 1].text == "."
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and doc[start - 2].text[:1].isupper()
            and doc[start - 2].is_alpha
        ):
            start -= 2
        return start

    def _split_pairs(self, start: int, end: int) -> list[tuple[int, int]]:
        """„Hochschule Bördeland und Elbtal Chemie AG“: two names joined by „und“ are two organisations,
        and so are two names on either side of a dash between spaces („FC Porto - FC Arsenal“).

        Only where both halves are typed names and the first ends in a proper noun, so „Beteiligungs-
        und Betriebsgesellschaft …“ and „Verband für Familie und Beruf“ stay whole; or where an article
        opens the second („Grüne Jugend und der Bundesvorstand der Grünen“).
        """
        doc = self.doc
        for k in range(start + 1, end - 1):
            if doc[k].text in _DASHES and doc[k - 1].whitespace_ and doc[k].whitespace_:
                return [(start, k), *self._split_pairs(k + 1, end)]  # „FC Porto - FC Arsenal“: a fixture
        for k in range(start + 2, end - 2):
            if doc[k].lower_ in _ENUMERATION and doc[k + 1].pos_ == "DET":  # „… und der Bundesvorstand …“
                return [(start, k), (k + 1, end)]
            if doc[k].lower_ == "und" and doc[k - 1].pos_ == "PROPN" and not doc[k - 1].text.endswith("-"):
                left, right = doc[start:k].text, doc[k + 1 : end].text
                if self.lexicon.org_type(left) and self.lexicon.org_type(right):
                    return [(start, k), (k + 1, end)]
        return [(start, end)]

    def _headed_names(self) -> list[tuple[int, int]]:
        """Names made of a head noun and a place or a „für“ phrase: „Stadt Weißenfeld“, „Land
        Sachsen-Anhalt“, „Bündnis Bautzen“, „Regionales Bündnis für Chancengleichheit Oberlausitz“; a
        municipality only where it is no place of something („in der sächsischen Stadt Leipzig“).

        A „für“ phrase counts when a capitalised adjective („Regionales“) or a place marks it as a name.
        """
        doc = self.doc
        heads = self.lexicon.name_heads
        spans = []
        for token in doc:
            head = self.lexicon.nominative(token.text)
            if head not in heads and token.text not in heads:
                continue
            start, j = token.i, token.i + 1
            while start > 0 and _name_adjective(doc[start - 1]):
                start -= 1
            end = self._place_after(j) or self._municipality_after(j)
            if end is None and j < len(doc) and doc[j].lower_ == "für":
                k = self._phrase_end(j + 1)
                end = self._place_end(k) or (k if start < token.i and k > j + 1 else None)
            end = end or self._motto_end(j)
            municipality = self.lexicon.org_type(head) == "Kommune"
            if end is not None and not (municipality and self._located(start)):
                spans.append((start, end))
        return spans

    def _bodies_for(self) -> list[tuple[int, int]]:
        """A body's noun (``purpose_heads``) and what it is for: „Bundesamt für Umwelt“,
        „Senatsverwaltung für Bildung“, „Institut für nationale und religiöse Studien“ — the German way
        of naming an authority, institute or association, which the NER often misses. Not after an
        indefinite article („ein Büro für Übersetzungen“ is no name)."""
        doc = self.doc
        spans = []
        for token in doc[:-2]:
            if (
                token.pos_ != "NOUN"
                or not token.text[:1].isupper()
                or not token.lower_.endswith(self.lexicon.purpose_heads)
                or doc[token.i + 1].lower_ != "für"
                or (token.i > 0 and doc[token.i - 1].lower_ in _INDEFINITE_ARTICLES)
            ):
                continue
            start, end = token.i, self._phrase_end(token.i + 2)
            while start > 0 and (_place_adjective(doc[start - 1]) or _name_adjective(doc[start - 1])):
                start -= 1  # „Bielefelder Fachstelle für …“, „Regionales Bündnis für …“
            if end > token.i + 2:
                spans.append((start, self._place_end(end) or end))
        return spans

    def _phrase_end(self, k: int) -> int:
        """End of a noun phrase of lower-case adjectives and capitalised nouns from token ``k``, with
        „und“ between two parts („nationale und religiöse Studien“, „Migration und Flüchtlinge“)."""
        doc = self.doc
        end = k
        while k < len(doc):
            while k < len(doc) and (
                self._lower_adjective(k) or (doc[k].lower_ == "und" and self._lower_adjective(k + 1))
            ):
                k += 1
            if not (k < len(doc) and doc[k].pos_ in {"NOUN", "PROPN"} and doc[k].text[:1].isupper()):
                return end
            end = k = k + 1
            if not (k + 1 < len(doc) and doc[k].lower_ == "und"):
                return end
            k += 1
        return end

    def _lower_adjective(self, k: int) -> bool:
        return k < len(self.doc) and is_adjective(self.doc[k]) and self.doc[k].text[:1].islower()

    def _motto_end(self, j: int) -> int | None:
        """End of a motto name after a head noun, up to a place and closed by punctuation: „Netzwerk
        Schule trifft Wirtschaft Mittelelbe“ — capitalised nouns around exactly one verb."""
        doc = self.doc
        k, verbs = j, 0
        while k < len(doc) and k - j < 6:
            if doc[k].pos_ == "VERB" and doc[k].is_lower and k > j:
                verbs += 1
            elif not (doc[k].text[:1].isupper() and doc[k].pos_ in {"NOUN", "PROPN"}):
                break
            k += 1
        closed = k == len(doc) or doc[k].is_punct
        return k if verbs == 1 and closed and k - 1 > j and self._place_end(k - 1) == k else None

    def _titled_bodies(self) -> list[tuple[int, int]]:
        """A quoted title right after a noun that says what kind of body or project it names (a type
        noun of the lexicon or a classifying noun, „so genannten“ between them allowed): „im Projekt
        „Digital fit im Betrieb““, „ESF-Programm "Weiterbildung im Verbund"“, „die Firma „con energy
        ag““; or a capitalised one after a role noun and a genitive article, the body the role is in:
        „ein Sprecher der „Polizei von DeLand““, „der Chef der „Roma-Garde““."""
        doc = self.doc
        spans = []
        for quoted in find_quoted_spans(doc_text(doc)):
            mark = doc.char_span(quoted.open, quoted.open + 1, alignment_mode="expand")
            content = doc.char_span(quoted.start, quoted.end, alignment_mode="contract")
            if quoted.depth or mark is None or content is None or mark.start == 0:
                continue
            before = mark.start - 1
            while before > 0 and doc[before].lower_ in _SO_CALLED:
                before -= 1
            noun = doc[before]
            kind = self.lexicon.org_type(noun.text)
            if (kind and kind != "Kommune") or self.lexicon.classifying_noun(noun):
                self._title_types[content.start] = kind or "Unternehmen"
                spans.append((content.start, content.end))
            elif (
                before > 0
                and noun.lower_ in _GENITIVE_ARTICLES
                and self.role_nouns.match(doc[before - 1].text)
                and content.text[:1].isupper()
                and len(content) <= _QUOTED_BODY_TOKENS
            ):
                self._title_types[content.start] = ""
                spans.append((content.start, content.end))
        return spans

    def _candidates(self) -> list[tuple[int, int]]:
        doc = self.doc
        spans = []
        for e in doc.ents:
            if e.label_ != "ORG":
                continue
            if e.kb_id_ == MEDIA_TITLE:  # „laut „Welt““: a name although a common word
                self._title_types[e.start] = "Unternehmen"
            # „IHK Mittelelbe“: an acronym tagged alone, with the place that completes its name.
            end = (self._place_after(e.end) or e.end) if len(e) == 1 and is_acronym(e.text) else e.end
            spans += self._split_pairs(self._dotted_start(e.start), end)
        spans += self._sentence_final_legal_forms() + self._cue_acronyms()
        spans += self._headed_names() + self._titled_bodies() + self._hyphenated_bodies()
        spans += self._bodies_named_after_persons() + self._described_names() + self._bodies_for()
        # Longest first; a span that overlaps a longer one is dropped.
        chosen: list[tuple[int, int]] = []
        taken = bytearray(len(self.doc))
        for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            if not any(taken[start:end]):
                chosen.append((start, end))
                taken[start:end] = b"\x01" * (end - start)
        return sorted(chosen)

    # -- grouping ----------------------------------------------------------------------------------
    def find(self) -> tuple[list[Organisation], list[OrgAnchor]]:
        """Organisations with their mentions, and every mention as token anchor."""
        doc = self.doc
        found: list[_Found] = []
        for start, end in self._candidates():
            bounds = self._trim(start, end)
            if bounds:
                s, e, cs, ce = bounds
                name = self._nominative_name(s, cs, ce)
                found.append(_Found(s, e, cs, ce, name, org_type=self._title_types.get(start, "")))
        self._link_abbreviations(found)
        known = self.lexicon.abbreviations
        # Each comparison below looks at the distinct names in order of first mention, not at every
        # mention: a long report has thousands of mentions of a few hundred organisations.
        names = list({o.name: None for o in found})
        completed: dict[str, str | None] = {}  # acronym → the first longer name that starts with it
        for item in found:
            if not is_acronym(item.name) or item.abbreviation:
                continue
            # „der IHK“ after „IHK Mittelelbe“ is that chamber, not the generic long form.
            if item.name not in completed:
                completed[item.name] = next((n for n in names if n.startswith(item.name + " ")), None)
            named = completed[item.name]
            if named:
                item.name = named
            elif item.name in known:
                item.name, item.abbreviation = known[item.name], item.name
        firsts: dict[tuple[str, str], _Found] = {}
        for o in found:
            firsts.setdefault((o.name, o.abbreviation), o)
        longer_of: dict[tuple[str, str], tuple[str, str] | None] = {}
        # A short form shares its first or its last word with the longer name (see _short_form).
        distinct = list(firsts.values())
        sharing: dict[tuple[int, str], list[int]] = {}
        for n, o in enumerate(distinct):
            words = o.name.split() or [""]
            sharing.setdefault((0, words[0]), []).append(n)
            sharing.setdefault((-1, words[-1]), []).append(n)
        for item in found:
            key = (item.name, item.abbreviation)
            if key not in longer_of:
                words = item.name.split() or [""]
                candidates = sorted({*sharing.get((0, words[0]), ()), *sharing.get((-1, words[-1]), ())})
                longer = next(
                    (
                        distinct[n]
                        for n in candidates
                        if _short_form(item.name, distinct[n].name, distinct[n].abbreviation, self.lexicon)
                    ),
                    None,
                )
                longer_of[key] = (longer.name, longer.abbreviation) if longer is not None else None
            if longer_of[key] is not None:
                item.name, item.abbreviation = longer_of[key]
        lexicon = self.lexicon
        orgs: list[Organisation] = []
        spans: list[tuple[int, int, int, int]] = []
        by_key: dict[str, Organisation] = {}
        for item in found:
            keys = (
                [org_key(item.name), org_key(item.abbreviation)]
                if item.abbreviation
                else [org_key(item.name)]
            )
            org = next((by_key[k] for k in keys if k in by_key), None)
            if org is None:
                org = Organisation(len(orgs), item.name, item.abbreviation, org_type=item.org_type)
                orgs.append(org)
            elif item.abbreviation and not org.abbreviation:
                org.abbreviation = item.abbreviation
                if is_acronym(org.name):
                    org.name = item.name
            for key in keys:
                by_key.setdefault(key, org)
            for s, e, cs, ce in item.mentions or [(item.start, item.end, item.start_char, item.end_char)]:
                index = self.sentences.index(s)
                org.mentions.append(Mention(cs, ce, doc_text(doc)[cs:ce], index, self.sentences[index].text))
                spans.append((s, e, org.local_id, ce))
        taken = {i for s, e, _, _ in spans for i in range(s, e)}
        # mentions, no role anchors: the compound's head, the unit, is not the organisation
        for name, i, cs, ce in [*self._compound_mentions(taken), *self._parents_of_units(spans)]:
            org = by_key.get(org_key(name))
            if org is None:
                org = by_key[org_key(name)] = Organisation(len(orgs), name)
                orgs.append(org)
            index = self.sentences.index(i)
            written = doc_text(self.doc)[cs:ce]  # „Air-France“ in „Air-France-Piloten“
            org.mentions.append(Mention(cs, ce, written, index, self.sentences[index].text))
        starts = {s for s, *_ in spans}
        own_spans: dict[int, list[tuple[int, int, int, int]]] = {}
        for span in spans:
            own_spans.setdefault(span[2], []).append(span)
        for org in orgs:
            org.mentions.sort(key=lambda m: m.start)
            org.legal_form = lexicon.legal_form(org.name)
            org.org_type = org.org_type or lexicon.org_type(org.name) or lexicon.org_type(org.abbreviation)
            org.function = self._function(own_spans.get(org.local_id, []), starts)
        return orgs, [OrgAnchor(s, e, i, orgs[i].name, ce) for s, e, i, ce in sorted(spans)]

    def _link_abbreviations(self, found: list[_Found]) -> None:
        """„Bundesministerium für … (BMFSFJ)“: the acronym in brackets names the long form before it.

        The long form then also collects every later mention of the acronym (as a token or an NER span).
        """
        doc = self.doc
        acronyms: dict[str, _Found] = {}
        for item in found:
            e = item.end
            if (
                e + 2 < len(doc)
                and doc[e].text == "("
                and doc[e + 2].text == ")"
                and is_acronym(doc[e + 1].text)
            ):
                item.abbreviation = doc[e + 1].text
                acronyms[item.abbreviation] = item
        if not acronyms:
            return
        taken = {i for item in found for i in range(item.start, item.end)}
        for item in list(found):
            owner = acronyms.get(item.name)
            if owner is not None and owner is not item:
                owner.mentions.append((item.start, item.end, item.start_char, item.end_char))
                found.remove(item)
        for owner in acronyms.values():
            owner.mentions.insert(0, (owner.start, owner.end, owner.start_char, owner.end_char))
        for i, token in enumerate(doc):
            word = _LOGO.sub("", token.text)
            if word in acronyms and i not in taken:
                acronyms[word].mentions.append((i, i + 1, token.idx, token.idx + len(word)))
        for owner in acronyms.values():
            owner.mentions.sort()

    def _function(self, spans: list[tuple[int, int, int, int]], starts: set[int]) -> str:
        """Projektträger/Förderer/Partner from a cue right before one of an organisation's mention
        ``spans`` or „als …“ right after it (the cue stops at any mention's start)."""
        doc = self.doc
        cues = self.lexicon.function_cues
        for s, e, _, _ in spans:
            k, seen = s - 1, 0
            while k >= 0 and seen < 4 and k not in starts and doc[k].text not in {".", ":", ";"}:
                if doc[k].lower_ in cues or doc[k].lemma_.lower() in cues:
                    return cues.get(doc[k].lower_) or cues[doc[k].lemma_.lower()]
                seen += 0 if doc[k].is_space else 1
                k -= 1
            if e + 1 < len(doc) and doc[e].lower_ == "als" and doc[e + 1].lower_ in cues:
                return cues[doc[e + 1].lower_]
        return ""
