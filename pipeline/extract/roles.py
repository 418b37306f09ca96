"""Role phrases: the function a person is named with („Kaufmännische Leiterin der … mbH“).

Role nouns come from the lexicon (``roles.yml``, :class:`pipeline.extract.lexicons.RoleNouns`); a word
matches by its ending, so compounds (Projektleiterin, Bundesfamilienministerin) and gender-fair
spellings (Leiter*in, Leiter:in, Leiter_in, LeiterIn, Leiter/-in) all reduce to one normalised role
(„Projektleiter/in“). Role phrases are found
around person mentions in the constructions German press releases use: prenominal („Oberbürgermeister
a.D. Christian Schramm“), apposition („Kristin Jentsch, Kaufmännische Leiterin der …“), „als …“ and
predicative („… ist Projektleiterin bei …“, „…, die Präsidentin der IHK ist“), each with its complement
(für …, der/des/von/bei + org).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Span

from pipeline.extract.lexicons import Lexicons, RoleNoun, RoleNouns, default_lexicons
from pipeline.extract.names import is_first_name
from pipeline.extract.records import Role
from pipeline.extract.tokens import (
    TOPIC_SENTENCES,
    Sentences,
    article_before,
    doc_text,
    entity_at,
    glued,
    plural_noun,
)

# Words that open the complement of a role noun: a portfolio („für …“) or the organisation („der …“).
_COMPLEMENT_START = frozenset(
    {"für", "der", "des", "von", "vom", "im", "am", "beim", "bei", "an", "in", "zur", "zum", "auf", "aus"}
    | {"dem", "den", "über"}
    | {"seiner", "seines", "ihrer", "ihres"}  # „Anwalt seiner Familie“
)
_ADJECTIVE_FORM = re.compile(
    r"^[a-zäöüß-]{2,}(?:sch|lich|ig|bar|sam|haft|iv|al|ell|är|end)(?:e|en|er|es|em)$"
)
_AGE = re.compile(r"^\d+-jährig(?:e|en|er|es|em)$")
_NAME_JOINERS = frozenset({"-", "&", "+", "/", "’s", "'s"})
_ENUMERATION = frozenset({"und", "sowie", "&"})
_COPULAS = frozenset({"sein", "werden", "bleiben"})
_DEFINITE = frozenset({"der", "die", "dem", "den", "des"})
_INDEFINITE_GENITIVE = frozenset({"eines", "einer"})
# Articles of a role phrase that introduces the name set off after it: definite, or an indefinite
# subject („Ein Sprecher der Polizei, Lars Beringer, sagte“); „mit einem Sprecher, X, und Y“ is a list.
_INTRODUCING_ARTICLES = _DEFINITE | {"ein", "eine"}
_WEAK_ARTICLES = {"die": "female", "eine": "female", "der": "male"}  # … + adjectival noun in -e
_NEGATIONS = frozenset({"nicht", "nie", "niemals"})
_PERSONAL = frozenset({"er", "sie", "ihn", "ihm", "ihr", "ihnen"})  # pronouns that name a person
_HEADLINE_TOKENS = 25  # a first line longer than this is no headline
# Verbs that give their object a role with „zum“/„zur“ („wählte X zum Vorsitzenden“), by their stems
# (the lemmatiser misses some forms: „ernannte“).
_APPOINTING = (
    *("wähl", "gewähl", "ernenn", "ernann", "beruf", "berief", "bestell"),
    *("kürt", "gekürt", "nominier", "beförder", "erklär", "mach"),
)
_CLAUSE_WORDS = frozenset({"VERB", "AUX", "PRON", "SCONJ"})  # tags that open or make a clause of its own
_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche"})  # pronouns that open a relative clause
_RELATIVE_CLAUSE = 30  # at most this many tokens in a relative clause between a name and its predicate
_APPOINTED_SPAN = 12  # at most this many tokens from the object's name to „zum“/„zur“
_INTRODUCED = 3  # at most this many tokens between a role phrase and the name it introduces
_APPOSITION_SPAN = 12  # at most this many tokens from a role noun to the comma before the name it introduces
_NOUN_PHRASE = frozenset({"DET", "ADJ", "ADV", "NOUN", "PROPN", "ADP", "CCONJ", "NUM", "X", "PUNCT"})
_PHRASE_PUNCT = frozenset({",", "(", ")", "-", "–"})  # punctuation inside such a noun phrase


def match_role_noun(word: str) -> RoleNoun | None:
    """Role noun for a word as written, by the package's default lexicons (for callers outside the
    extraction components, which use their own: ``lexicons.roles.match``)."""
    return default_lexicons().roles.match(word)


def role_noun_at(doc: Doc, i: int, roles: RoleNouns) -> RoleNoun | None:
    """The role noun token ``i`` is, if any. A word that is also a common surname („König“, „Richter“)
    is a role only where it is a noun: after an article, past adjectives („der Vorsitzende Richter“), or
    before a name („König Bhumibol“), and never right after a first name („Thomas König“)."""
    noun = roles.match(doc[i].text)
    if noun is None or not noun.surname:
        return noun
    if i > 0 and is_first_name(doc[i - 1].text):
        return None
    after_article = article_before(doc, i) is not None
    following = doc[i + 1] if i + 1 < len(doc) else None
    before_name = (
        following is not None
        and following.text[:1].isupper()
        and (following.pos_ == "PROPN" or following.ent_type_ == "PER")
    )
    return noun if after_article or before_name else None


def find_role_nouns(doc: Doc, roles: RoleNouns) -> dict[int, tuple[int, RoleNoun]]:
    """Role nouns of ``doc``: start token → (end token, noun), multi-token spellings joined."""
    found: dict[int, tuple[int, RoleNoun]] = {}
    i = 0
    while i < len(doc):
        end = glued(doc, i, lambda text: roles.match(text) is not None) if doc[i].text[:1].isalpha() else None
        if end is None:
            i += 1
            continue
        noun = roles.match(doc[i:end].text) if end > i + 1 else role_noun_at(doc, i, roles)
        if noun is not None:
            found[i] = (end, noun)
        i = end
    return found


def adjective_base(token) -> str:
    """Uninflected adjective in lower case: „Kaufmännische“ → „kaufmännisch“."""
    word = token.text.lower()
    lemma = token.lemma_.lower()
    if lemma and lemma != word and word.startswith(lemma):
        return lemma
    for ending in ("en", "er", "es", "em", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def is_adjective(token) -> bool:
    """Attributive adjective, also when capitalised at the start of an apposition („Kaufmännische“).

    Taggers often read a capitalised adjective there as a noun, so the inflected form of a typical
    adjective suffix (-isch, -lich, -ig, -end, …) counts too.
    """
    if (
        token.is_space
        or token.is_punct
        or token.morph.get("Poss")
        or token.tag_ == "PPOSAT"
        or token.pos_ in {"DET", "PRON"}
    ):
        return False  # a possessive („Ihre Mentorin“) is no qualifier
    if token.pos_ == "ADJ" or (token.text[:1].isupper() and token.morph.get("Degree")):
        return True
    return not token.ent_type_ and inflected_adjective(token.text)


def inflected_adjective(word: str) -> bool:
    """A word with a typical adjective suffix and an inflection ending („Kaufmännische“, „Europäischen“);
    place adjectives like „Harzer“ and nouns like „Diakonie“ are none."""
    return bool(_ADJECTIVE_FORM.match(word.lower()))


def _modifier(token) -> bool:
    """An adjective, also an age the tagger misreads („64-jähriger“ as a conjunction)."""
    return is_adjective(token) or bool(_AGE.match(token.text))


def _personal_pronoun(token) -> bool:
    """„er“, „sie“, „ihn“, „ihm“, „ihr“, „ihnen“ (:data:`_PERSONAL`), as the tagger reads them."""
    return token.pos_ == "PRON" and token.lower_ in _PERSONAL


def _holds(roles: Iterable[str], role: str) -> bool:
    """Whether ``roles`` (normalised) hold ``role`` or a more specific one („Entwicklungskommissar/in“
    holds „Kommissar/in“)."""
    wanted = role.casefold()
    return any(r.casefold().endswith(wanted) for r in roles)


class PersonAnchor(NamedTuple):
    """A person mention as the role rules see it: ``left`` includes titles, ``end`` ends the name;
    ``genitive``: the surname is inflected („Koch-Mehrins“)."""

    left: int
    start: int
    end: int
    person: int
    genitive: bool = False


class OrgAnchor(NamedTuple):
    """An organisation mention by tokens (``end_char`` may cut a period glued to the last token)."""

    start: int
    end: int
    org: int
    name: str
    end_char: int


@dataclass
class StatedRoles:
    """What the rules have found per person so far: the roles (normalised) and the token where the
    first role phrase starts; anaphoric phrases choose among persons by both."""

    roles: dict[int, set[str]] = field(default_factory=dict)
    first: dict[int, int] = field(default_factory=dict)

    def add(self, hit: RoleHit) -> None:
        person = hit.role.person_local_id
        self.roles.setdefault(person, set()).add(hit.role.role_normalized)
        self.first[person] = min(hit.start, self.first.get(person, hit.start))

    def holds(self, person: int, role: str) -> bool:
        """The person has ``role`` or a more specific one („Entwicklungskommissar/in“ holds
        „Kommissar/in“)."""
        return _holds(self.roles.get(person, ()), role)

    def before(self, person: int, token: int) -> bool:
        """A role of the person was stated before ``token``."""
        return self.first.get(person, token) < token


@dataclass
class RoleHit:
    """A role found for a person, with the gender its wording states."""

    role: Role
    gender: str
    word: str
    start: int  # tokens of the role phrase
    end: int


class RoleFinder:
    """Finds the role phrases of the persons of one ``Doc``."""

    def __init__(
        self,
        doc: Doc,
        sentences: Sentences,
        lexicons: Lexicons,
        persons: list[PersonAnchor],
        orgs: list[OrgAnchor],
        nouns: dict[int, tuple[int, RoleNoun]],
        pronouns: dict[int, int] | None = None,
        genders: dict[int, str] | None = None,
    ):
        self.doc = doc
        # person → gender as far as the first name tells: „der Bürgermeister“ continues no Johanna
        self.genders = genders or {}
        # „er“/„sie“ → the one person it refers to (:func:`pipeline.extract.gender.pronoun_antecedents`)
        self.pronouns = pronouns or {}
        self.sentences = sentences
        self.lexicons = lexicons
        self.persons = sorted(persons)
        self.person_starts = {p.left: p for p in persons}
        # Sorted positions, so that the neighbours of a mention are found by bisection: a long report
        # has thousands of mentions, and scanning them all for each one is quadratic.
        self._lefts = [p.left for p in self.persons]
        self._ends = sorted(p.end for p in self.persons)
        # the first person named and all their mentions, for :meth:`_topic` (asked once per sentence)
        self._topic_mentions = (
            [p for p in self.persons if p.person == self.persons[0].person] if persons else []
        )
        self._topic_ends = [p.end for p in self._topic_mentions]
        self.orgs = {o.start: o for o in orgs}
        self.org_tokens = {i for o in orgs for i in range(o.start, o.end)}
        self.all_nouns = nouns  # from find_role_nouns
        # a plural („Projektleiterinnen“) is only shared by the names after it (:meth:`_shared`)
        self.nouns = {start: found for start, found in nouns.items() if not found[1].plural}
        self._noun_starts = sorted(self.nouns)

    # -- complements ------------------------------------------------------------------------------
    def _suffixes(self, j: int, limit: int) -> tuple[int, list[str]]:
        """Skip „a.D.“, „i.R.“, „MdB“ after a role noun or name; return the new position and them."""
        found = []
        while j < limit and (end := glued(self.doc, j, self.lexicons.names.is_name_suffix)):
            found.append(self.doc[j:end].text)
            j = end
        return j, found

    def _continues_enumeration(self, j: int, limit: int) -> bool:
        """At a comma: „für Wirtschaft, Finanzen und Soziales“ goes on when a listed noun follows."""
        doc = self.doc
        return (
            j + 2 < limit
            and doc[j + 1].text[:1].isupper()
            and doc[j + 1].pos_ in {"NOUN", "PROPN", "ADJ", "X"}
            and (doc[j + 2].text == "," or doc[j + 2].lower_ in _ENUMERATION)
        )

    def complement(self, j: int, limit: int) -> tuple[int, OrgAnchor | None]:
        """End of the complement starting at ``j`` („für …“, „der … mbH“) and the first org in it."""
        doc = self.doc
        first = doc[j] if j < limit else None
        if first is not None and (place_end := self._place_in_genitive(j, limit)):
            return place_end, None  # „der Präsident Indonesiens, Susilo Bambang Yudhoyono“
        if first is None or (first.lower_ not in _COMPLEMENT_START and j not in self.orgs):
            return j, None
        if first.pos_ == "PRON":  # relative pronoun: „Schramm, der das Projekt …“
            return j, None
        org = None
        end = j
        while j < limit:
            token = doc[j]
            if j in self.orgs:
                org = org or self.orgs[j]
                j = end = max(self.orgs[j].end, j + 1)
                continue
            if j in self.person_starts or token.is_space or token.pos_ in {"VERB", "AUX", "ADV", "PRON"}:
                break
            # „Präsident der Universität Göttingen und (derzeitiger) Vorsitzender der …“: a second role
            enumerated_noun = (
                j > end
                and doc[j - 1].lower_ in _ENUMERATION
                and self._past_adjectives(j, limit) in self.nouns
            )
            if glued(doc, j, self.lexicons.names.is_title) or enumerated_noun:
                break
            if token.text == "(" and j + 2 < limit and doc[j + 2].text == ")" and doc[j + 1].text.isupper():
                j = end = j + 3  # „der Afrikanischen Union (AU)“: the abbreviation belongs to the name
                continue
            if token.is_punct and token.text not in _NAME_JOINERS:
                if token.text == "," and self._continues_enumeration(j, limit):
                    j += 1
                    continue
                break
            lowercase_word = token.text[:1].islower() and token.is_alpha
            if lowercase_word and token.pos_ not in {"ADP", "DET", "ADJ", "CCONJ"}:
                break
            j += 1
            if not (token.pos_ in {"ADP", "DET", "CCONJ"} or token.lower_ in _COMPLEMENT_START):
                end = j
        return end, org

    def _past_adjectives(self, j: int, limit: int) -> int:
        """Where a role noun would start after the adjectives at token ``j`` („derzeitiger
        Vorsitzender“, „die 36-jährige Tischlermeisterin“)."""
        while j < limit and j not in self.nouns and is_adjective(self.doc[j]):
            j += 1
        return j

    def _place_in_genitive(self, j: int, limit: int) -> int | None:
        """End of a place the NER tagged that starts at ``j`` and stands in the genitive: the country
        or town of a role („Ministerpräsident Kanadas“); ``None`` if there is none."""
        place = entity_at(self.doc, j)
        if place is None or place.label_ != "LOC":
            return None
        end = min(place.end, limit)
        return end if self.doc[end - 1].text.endswith("s") else None

    # -- the phrase around a role noun ------------------------------------------------------------
    def _qualifiers(self, start: int, floor: int) -> tuple[int, list[str]]:
        """Start of the role phrase and the adjectives before the role noun that qualify it
        („Kaufmännische“, „stellvertretende“); „neue“ or „36-jährige“ say nothing about the role and
        are left out of the phrase where they lead it („der neue Bürgermeister“ → „Bürgermeister“)."""
        ignore = self.lexicons.roles.ignored_adjectives
        i = start
        while i > floor and is_adjective(self.doc[i - 1]):
            i -= 1
        words = [adjective_base(t) for t in self.doc[i:start]]
        keep = [w not in ignore and not any(c.isdigit() for c in w) for w in words]
        while keep and not keep[0]:
            keep.pop(0)
            words.pop(0)
            i += 1
        return i, [w for w, kept in zip(words, keep, strict=True) if kept]

    def _gender(self, start: int, noun: RoleNoun, floor: int) -> str:
        """Gender the wording states: noun form; for adjectival nouns the article („die Beauftragte“,
        also in the accusative: „um die Abgeordnete Jo Cox“; „der Beauftragte“, „ein Beauftragter“)."""
        if noun.gender or not noun.adjectival:
            return noun.gender
        i = start - 1
        while i >= floor and is_adjective(self.doc[i]):
            i -= 1
        if i < floor or self.doc[i].pos_ != "DET":
            return ""
        article = self.doc[i].lower_
        if self.doc[start].lower_.endswith("e") and article in _WEAK_ARTICLES:
            return _WEAK_ARTICLES[article]
        if "Nom" in self.doc[i].morph.get("Case"):
            genders = self.doc[i].morph.get("Gender")
            if genders == ["Fem"]:
                return "female"
            if genders == ["Masc"]:
                return "male"
        return ""

    def _hit(self, person: int, noun_start: int, floor: int, limit: int, construction: str) -> RoleHit:
        doc = self.doc
        noun_end, noun = self.all_nouns[noun_start]
        phrase_start, qualifiers = self._qualifiers(noun_start, floor)
        after, suffixes = self._suffixes(noun_end, limit)
        end, org = self.complement(after, limit)
        end = max(end, after)
        sentence_index = self.sentences.index(noun_start)
        end_char = org.end_char if org and org.end == end else doc[end - 1].idx + len(doc[end - 1].text)
        text = doc_text(doc)
        role = Role(
            person_local_id=person,
            text=text[doc[phrase_start].idx : end_char],
            start=doc[phrase_start].idx,
            end=end_char,
            role_normalized=noun.normalized,
            short=text[doc[phrase_start].idx : doc[after - 1].idx + len(doc[after - 1].text)],
            qualifier=" ".join(qualifiers + suffixes),
            role_category=noun.category,
            org_local_id=org.org if org else None,
            org_text=org.name if org else "",
            construction=construction,
            sentence_index=sentence_index,
            sentence=self.sentences[sentence_index].text,
        )
        word = doc[noun_start:noun_end].text
        return RoleHit(role, self._gender(noun_start, noun, floor), word, phrase_start, end)

    # -- constructions ----------------------------------------------------------------------------
    def _prenominal(self, person: int, target: int, floor: int) -> list[RoleHit]:
        """„der neue Bürgermeister für … Dr. Robert Böhmer“, „Oberbürgermeister a.D. Christian Schramm“,
        also stacked: „Sein Ausbilder, Elektromeister Jürgen Falk“, or joined: „der Sportler und
        Tour-de-France-Etappensieger Fränk Schleck“, and with the name in brackets: „der
        Bundespräsident (Horst Köhler)“ or dashes: „dem Anwalt seiner Familie – Rainer Wittner –“.
        ``target`` is where the name starts."""
        if target > floor and self.doc[target - 1].text in {",", "(", "–", "—"}:
            target -= 1
        starts = self._noun_starts
        before = starts[bisect_left(starts, floor) : bisect_left(starts, target)]
        for start in [s for s in before if self.nouns[s][0] <= target][::-1][:3]:
            after, _ = self._suffixes(self.nouns[start][0], target)
            end, _ = self.complement(after, target)
            if max(end, after) == target and not self._owner_with_own_title(after, target):
                hit = self._hit(person, start, floor, target, "prenominal")
                preceding = self.doc[hit.start - 1].lower_ if hit.start > floor else ""
                if preceding == ",":
                    return [hit, *self._prenominal(person, hit.start, floor)]
                opening = hit.start - 1  # „Das Staatsoberhaupt Neuseelands, die britische Königin …“
                if preceding in _DEFINITE and opening > floor and self.doc[opening - 1].text == ",":
                    return [hit, *self._prenominal(person, opening, floor)]
                if preceding in _ENUMERATION:  # „der Sportler und Etappensieger X“
                    return [hit, *self._prenominal(person, hit.start - 1, floor)]
                return [hit]
        doc = self.doc
        if target - 2 > floor and doc[target - 1].pos_ == "NOUN" and doc[target - 2].lower_ in _ENUMERATION:
            # „die Abgeordnete und Brexit-Gegnerin Jo Cox“: a second noun that is no role
            return self._prenominal(person, target - 2, floor)
        return []

    def _introduced_after_comma(self, anchor: PersonAnchor, floor: int) -> list[RoleHit]:
        """„Der Vorsitzende der Dienstleistungsgewerkschaft ver.di, Nachfolgeorganisation der ÖTV, Frank
        Bsirske, würdigte …“, „der Präsident der … Parlamentsfraktion CSV (Chrëschtlech Sozial
        Vollekspartei), Michel Wolter,“, „Ein Sprecher der Polizei, Lars Beringer, sagte“: a role phrase
        (:data:`_INTRODUCING_ARTICLES`) whose complement the rules cannot follow to its end, then the
        name set off by a comma. Between them a noun phrase only (no verb, no
        pronoun, no other person); the name is closed by a comma or a bracket or ends the sentence."""
        doc = self.doc
        comma = anchor.left - 1
        if comma <= floor or doc[comma].text != ",":
            return []
        closing = self._bracket_end(anchor.end, len(doc)) or anchor.end
        if closing < len(doc) and doc[closing].text not in {",", ")"} and not doc[closing].is_sent_start:
            return []
        starts = self._noun_starts
        reach = _APPOSITION_SPAN + self._quoted_tokens(max(floor, comma - 2 * _APPOSITION_SPAN), comma)
        before = starts[bisect_left(starts, max(floor, comma - reach)) : bisect_left(starts, comma)]
        if not before or self._within(before[-1], comma):
            return []
        noun = before[-1]
        if doc[noun].pos_ == "ADJ":  # „der Vorsitzende Richter, Ottmar Breidling“: an adjective here
            return []
        article = noun
        while article > floor and is_adjective(doc[article - 1]):
            article -= 1
        if article == floor or doc[article - 1].lower_ not in _INTRODUCING_ARTICLES:
            return []
        between = doc[self.nouns[noun][0] : comma]
        quoted = self._quoted_tokens(between.start, between.end)
        if any(
            t.pos_ not in _NOUN_PHRASE
            or t.lower_ in _NEGATIONS
            or (t.is_punct and t.text not in _PHRASE_PUNCT and not (quoted and t.is_quote))
            for t in between
        ):
            return []
        return [self._hit(anchor.person, noun, floor, comma, "prenominal")]

    def _quoted_tokens(self, start: int, end: int) -> int:
        """How many tokens of ``start:end`` a closed pair of quotation marks takes up: a quoted title
        („der Gewerkschaft „Öffentliche Dienste, Transport und Verkehr““) counts as one word."""
        doc = self.doc
        marks = [k for k in range(start, end) if doc[k].is_quote]
        if len(marks) != 2 or marks[0] + 1 >= marks[1]:
            return 0
        return marks[1] - marks[0]

    def _owner_with_own_title(self, after: int, target: int) -> bool:
        """„eines Beraters von König Bhumibol“, „Sprecher von Bundeskanzlerin Merkel“: the name after
        „von“ with a role noun or title of its own is whom the role serves, not who holds it („der
        Fraktionschef von Bündnis 90 / Die Grünen in Bayern Sepp Daxenberger“ holds it)."""
        doc = self.doc
        before_name = doc[target - 1]
        return (
            after < target - 1
            and doc[after].lower_ in {"von", "vom"}
            and (target - 1 in self.all_nouns or self.lexicons.names.is_title(before_name.text))
        )

    def _names_joined_at(self, j: int, limit: int) -> list[PersonAnchor]:
        """The names joined by commas and „und“/„sowie“ that start at token ``j``."""
        joined = []
        while (anchor := self.person_starts.get(j)) is not None and anchor.end <= limit:
            joined.append(anchor)
            j = self._bracket_end(anchor.end, limit) or anchor.end  # „Anna Berger (46) und …“
            if j >= limit or (self.doc[j].text != "," and self.doc[j].lower_ not in _ENUMERATION):
                break
            j += 1
        return joined

    def _shared(self, sentence: Span) -> list[RoleHit]:
        """„Die Projektleiterinnen Anna Beispiel und Maria Schulz“, „die Geschäftsführer Jens Krüger
        und Thomas Müller“: a role noun in the plural before joined names is each one's role. Only a
        feminine plural states their gender."""
        doc = self.doc
        hits = []
        for start in range(sentence.start, sentence.end):
            found = self.all_nouns.get(start)
            if found is None:
                continue
            end, noun = found
            phrase_start, _ = self._qualifiers(start, sentence.start)
            article = doc[phrase_start - 1].lower_ if phrase_start > sentence.start else ""
            if not self._group(start, article):
                continue
            after, _ = self._suffixes(end, sentence.end)
            names = self._names_joined_at(after, sentence.end)
            if len(names) < 2:
                continue
            gender = "female" if noun.gender == "female" else ""
            for anchor in names:
                hit = self._hit(anchor.person, start, sentence.start, after, "prenominal")
                hits.append(RoleHit(hit.role, gender, hit.word, hit.start, hit.end))
        return hits

    def _coordinated(self, hit: RoleHit, limit: int, construction: str) -> list[RoleHit]:
        """A second role joined by „und“: „Geschäftsführerin der … GmbH und Vizepräsidentin der IHK“."""
        doc = self.doc
        j = hit.end
        if j + 1 >= limit or doc[j].lower_ not in _ENUMERATION:
            return []
        for k in range(j + 1, min(j + 4, limit)):
            if k in self.nouns:
                second = self._hit(hit.role.person_local_id, k, j + 1, limit, construction)
                if self._introduces_next_name(second, limit):  # „… sowie die Studentin Velda Schultz“
                    return []
                return [second, *self._coordinated(second, limit, construction)]
            if not (doc[k].pos_ == "DET" or is_adjective(doc[k])):
                return []
        return []

    def _apposition(self, anchor: PersonAnchor, limit: int) -> RoleHit | None:
        """„Kristin Jentsch, Kaufmännische Leiterin der …“, „Christian Schramm, Oberbürgermeister a.D.,“,
        „Winfried Hassemer, Papiers Stellvertreter,“, „Angela Merkel – seit 2005 Bundeskanzlerin –“;
        also after the word that closes the clause („… hat Alex Kaminski inne, Koordinator:in …“). A
        role phrase without an article that runs up to the next name is that name's (an enumeration
        of names with their roles)."""
        doc = self.doc
        j, _ = self._suffixes(anchor.end, limit)
        if j + 1 < limit and doc[j + 1].text == "," and (doc[j].pos_ == "ADV" or doc[j].tag_ == "PTKVZ"):
            j += 1
        j = self._after_bracketed_label(j, limit)
        if j >= limit or doc[j].text not in {",", "(", "–", "—"}:
            return None
        start = self._past_adverbial(j + 1, limit)  # „Angela Merkel, seit 2005 Bundeskanzlerin,“
        for k in range(start, min(start + 4, limit)):
            if k in self.nouns:
                hit = self._hit(anchor.person, k, start, limit, "apposition")
                # „Bischof Gerhard Feige, Oberbürgermeister Lutz Trümper und …“: the next name's role
                # („Joseph Ratzinger, dem jetzigen Papst Benedikt XVI.“, with an article, renames him,
                # unless the list goes on: „…, dem Ministerpräsidenten Donald Tusk und der …“)
                introduces = self._introduces_next_name(hit, limit)
                enumerated = introduces and (not self._article(start) or self._list_goes_on(limit))
                return None if enumerated else hit
            if not (self._article(k) or is_adjective(doc[k]) or self._genitive_owner(k)):
                return None
        return None

    def _article(self, k: int) -> bool:
        """An article, also a definite one the tagger read as a relative pronoun before an adjective or
        a role noun („Murat Günak, der frühere Vizepräsident“; but „…, der den Chef verteidigte“)."""
        doc = self.doc
        if doc[k].pos_ == "DET":
            return True
        next_word = k + 1 < len(doc) and (k + 1 in self.nouns or is_adjective(doc[k + 1]))
        return doc[k].pos_ == "PRON" and doc[k].lower_ in _DEFINITE and next_word

    def _list_goes_on(self, name_start: int) -> bool:
        """„und“ or „sowie“ follows the name that starts at ``name_start``: it is one of a list."""
        end = self.person_starts[name_start].end
        return end < len(self.doc) and self.doc[end].lower_ in {"und", "sowie"}

    def _introduces_next_name(self, hit: RoleHit, limit: int) -> bool:
        """The role phrase runs up to the next person's name (``limit``): that name's role."""
        return hit.end == limit and limit in self.person_starts

    def _after_bracketed_label(self, j: int, limit: int) -> int:
        """Past a party or abbreviation in brackets after a name when a comma follows: „Stanislaw
        Tillich (CDU), amtierender sächsischer Ministerpräsident“."""
        end = self._bracket_end(j, limit)
        return end if end is not None and end < limit and self.doc[end].text == "," else j

    def _bracket_end(self, j: int, limit: int) -> int | None:
        """The token after a short aside in brackets that opens at ``j`` (a party, an age: „(CDU)“,
        „(46)“), if one does."""
        doc = self.doc
        if j < limit and doc[j].text == "(":
            for k in range(j + 1, min(j + 4, limit)):
                if doc[k].text == ")":
                    return k + 1 if k > j + 1 else None
                if doc[k].is_punct and doc[k].text not in _NAME_JOINERS:
                    break
        return None

    def _genitive_owner(self, k: int) -> bool:
        """„Winfried Hassemer, Papiers Stellvertreter“: a name in the genitive right before a role noun,
        whose role it is relative to."""
        token = self.doc[k]
        return (
            k + 1 in self.nouns
            and token.pos_ in {"PROPN", "NOUN"}
            and token.text[:1].isupper()
            and token.text.endswith("s")
            and k not in self.nouns
        )

    def _predicative(self, anchor: PersonAnchor, limit: int) -> RoleHit | None:
        """„Anna Beispiel ist Projektleiterin bei …“, also with the copula before the name: „Bis zuletzt
        blieb Horst Arnold ein arbeitsloser Hartz-IV-Empfänger“."""
        doc = self.doc
        j = self._past_aside(anchor.end, limit)
        if j < limit and doc[j].lemma_ in _COPULAS:
            copula = doc[j]
            j += 1
        elif (
            anchor.left > 0
            and doc[anchor.left - 1].lemma_ in _COPULAS
            and doc[anchor.left - 1].pos_ in {"AUX", "VERB"}
        ):
            copula = doc[anchor.left - 1]
        else:
            return None
        j = self._past_adverbial(j, limit)
        if j < limit and doc[j].lower_ in {"zum", "zur", "zu"} and copula.lemma_ == "werden":
            j += 1  # „wurde zur Bürgermeisterin gewählt“, „wird zum Nachfolger ernannt“, „zu seinem …“
        for k in range(j, min(j + 3, limit)):
            if k in self.nouns:
                return self._hit(anchor.person, k, j, limit, "predicative")
            if doc[k].pos_ not in {"DET", "ADJ"} or doc[k].lower_.startswith("kein"):
                return None
        return None

    def _inverted(self, anchor: PersonAnchor, floor: int) -> RoleHit | None:
        """„Projektleiterin ist Anna Beispiel“, „Nachfolger und neuer Fürst ist der 47-jährige Albert
        II.“: a role phrase that opens its clause, a copula, then the name (an article, adjectives and
        a role noun may stand before it: „Erster Stellvertreter wurde der schiitische Wissenschaftler
        Husain asch-Schahristani“)."""
        doc = self.doc
        k = anchor.left - 1
        while k > floor and (doc[k].pos_ == "DET" or is_adjective(doc[k]) or k in self.all_nouns):
            k -= 1
        if k <= floor or doc[k].lemma_ not in _COPULAS or doc[k].pos_ not in {"AUX", "VERB"}:
            return None
        copula = k
        starts = self._noun_starts
        before = starts[bisect_left(starts, floor) : bisect_left(starts, copula)]
        if not before:
            return None
        noun = before[-1]
        after, _ = self._suffixes(self.nouns[noun][0], copula)
        end, _ = self.complement(after, copula)
        if max(end, after) != copula:
            return None
        hit = self._hit(anchor.person, noun, floor, copula, "predicative")
        opening = hit.start - 1 if hit.start > floor and doc[hit.start - 1].pos_ == "DET" else hit.start
        if opening > floor and not (doc[opening - 1].is_punct or doc[opening - 1].lower_ in _ENUMERATION):
            return None  # „Anna sagte, der Chef ist Max Müller“ opens no clause with the phrase
        return hit

    def _appointed(self, anchor: PersonAnchor, limit: int) -> RoleHit | None:
        """„wählte der DFB Theo Zwanziger, mit nur einer Gegenstimme zum neuen Vorsitzenden“, „dass die
        Kommission Ghani zum Präsidenten erkläre“: the object of a verb that appoints (:data:`_APPOINTING`)
        takes the role after „zum“/„zur“ in its clause; a verb or a pronoun between ends the search
        („Zwanziger wurde zum …“ is a predicative, „…, die zur Vorsitzenden sprach“ another clause)."""
        doc = self.doc
        for k in range(anchor.end, min(limit, anchor.end + _APPOINTED_SPAN)):
            if doc[k].lower_ in {"zum", "zur"}:
                noun = self._past_adjectives(k + 1, limit)
                return (
                    self._hit(anchor.person, noun, k + 1, limit, "predicative")
                    if self._appoints(anchor, noun)
                    else None
                )
            if doc[k].pos_ in _CLAUSE_WORDS or (doc[k].is_punct and doc[k].text != ","):
                return None  # another clause
        return None

    def _appoints(self, anchor: PersonAnchor, noun: int) -> bool:
        """A role noun starts at ``noun`` and the anchor's sentence has a verb that appoints."""
        sentence = self.sentences[self.sentences.index(anchor.start)]
        return noun in self.nouns and any(
            t.pos_ in {"VERB", "AUX"} and t.lower_.startswith(_APPOINTING) for t in sentence
        )

    def _past_aside(self, j: int, limit: int) -> int:
        """Past an age or party in brackets and an aside between commas after a name, before its
        predicate: „Perteck (30), Doktorand der Philosophie, wurde zum Vorsitzenden gewählt“, „Anna
        Müller, 45, wurde Vorsitzende“, also a relative clause (:meth:`_relative_clause_end`). Another
        aside with a verb is a clause of its own."""
        doc = self.doc
        j = self._bracket_end(j, limit) or j
        if j >= limit or doc[j].text != ",":
            return j
        if relative_end := self._relative_clause_end(j, limit):
            return relative_end
        close = next((k for k in range(j + 1, min(j + _APPOSITION_SPAN, limit)) if doc[k].text == ","), None)
        if close is None or any(doc[k].pos_ in _CLAUSE_WORDS for k in range(j + 1, close)):
            return j
        return close + 1

    def _relative_clause_end(self, comma: int, limit: int) -> int | None:
        """The token after a relative clause that opens after ``comma`` and ends in its verb and a
        comma: „Joseph Biden, der nach den Vorwahlen … erlangte und seine Kandidatur zurückzog, ist nun
        …“; ``None`` where none does within :data:`_RELATIVE_CLAUSE` tokens."""
        doc = self.doc
        if comma + 1 >= limit or doc[comma + 1].pos_ != "PRON" or doc[comma + 1].lower_ not in _RELATIVE:
            return None
        for k in range(comma + 2, min(limit, comma + _RELATIVE_CLAUSE)):
            if doc[k].text == "," and doc[k - 1].pos_ in {"VERB", "AUX"}:
                return k + 1
            if doc[k].is_sent_start or doc[k].text in {".", ";", ":", "„", "“"}:
                return None
        return None

    def _past_adverbial(self, j: int, limit: int) -> int:
        """Past an adverb, a year or one short prepositional phrase after the copula, before the
        predicate: „ist seit 28. Mai 2008 Ministerpräsident“, „ist nach diesem Spiel der zweite
        Spieler“, „ist inzwischen Vorsitzende“, „wurde 2005 Bürgermeisterin“. A negation is no way
        past („ist nicht Ministerpräsident“), nor is a role noun inside the phrase („ist mit dem
        Minister befreundet“)."""
        doc = self.doc
        adverb = j < limit and (doc[j].pos_ == "ADV" or doc[j].lower_ in self.lexicons.roles.time_adverbs)
        if adverb and doc[j].lower_ not in _NEGATIONS:
            return j + 1
        if j < limit and doc[j].like_num and len(doc[j].text) == 4:  # a year: „wurde 2005 Bürgermeisterin“
            return j + 1
        if j >= limit or doc[j].pos_ != "ADP":
            return j
        k = j + 1
        while k < limit and doc[k].pos_ in {"DET", "ADJ", "NUM"}:
            k += 1
        if k > j + 1 and doc[k - 1].pos_ == "NUM":  # „seit 2019“
            return k
        if k >= limit or doc[k].pos_ not in {"NOUN", "PROPN"} or k in self.all_nouns:
            return j
        k += 1
        while k < limit and doc[k].pos_ == "NUM":
            k += 1
        return k

    def _relative(self, anchor: PersonAnchor, limit: int) -> RoleHit | None:
        """„Dr. Maria Hoffmann, die seit 2021 Präsidentin der IHK Mittelelbe ist“."""
        doc = self.doc
        j, _ = self._suffixes(anchor.end, limit)
        if (
            j + 1 >= limit
            or doc[j].text != ","
            or doc[j + 1].pos_ != "PRON"
            or doc[j + 1].lower_ not in ("die", "der")
        ):
            return None
        for k in range(j + 2, limit):
            if doc[k].is_punct and doc[k].text not in _NAME_JOINERS:
                return None
            if k in self.nouns:
                after, _ = self._suffixes(self.nouns[k][0], limit)
                end, _ = self.complement(after, limit)
                end = max(end, after)
                if end < limit and doc[end].lemma_ in _COPULAS:
                    return self._hit(anchor.person, k, j + 2, end, "relative")
        return None

    def _within(self, start: int, end: int) -> list[PersonAnchor]:
        """The mentions (in order) that lie inside tokens ``start:end``."""
        first, stop = bisect_left(self._lefts, start), bisect_left(self._lefts, end)
        return [p for p in self.persons[first:stop] if p.end <= end]

    def _anaphoric(self, previous: Span, sentence: Span, stated: StatedRoles) -> RoleHit | None:
        """„Eine von ihnen ist Miriam Vogelsang. Die 36-jährige Tischlermeisterin hat …“, „Die Polizei
        geht bei dem ehemaligen Manager von Fluchtgefahr aus“: the first definite role phrase of a
        sentence, before any name in it, continues the one person the sentence before named. A phrase
        close before a name introduces that name („der Führer der Serben, Radovan Karadžić“); one of
        something indefinite is anyone („die Personalchefin eines Maschinenbauers“); a noun that also
        names a body is the body („wie der Stadtrat beschloss“); a phrase is not the person the sentence
        names later („Der Richter lehnte … die Unschuld Timoschenkos … ab“).

        Where the sentence before names no one, the phrase continues the article's topic
        (:meth:`_topic`): „Der Ministerpräsident kritisierte …“, „Nach dem Tod des Staatschefs …“,
        unless a proper noun right after the noun is a name it introduces („Der Vorsitzende der
        Selbstverwaltung Istvan Kovacs“)."""
        doc = self.doc
        named = {p.person for p in self._within(previous.start, previous.end)}
        inside = self._within(sentence.start, sentence.end)
        limit = inside[0].left if inside else sentence.end
        continues_topic = not named
        if continues_topic:
            topic = self._topic(previous.end)
            if topic is None:
                return None
            named = {topic}
        phrase = self._definite_phrase(sentence.start, limit)
        if phrase is None:
            return None
        article, noun = phrase
        noun_end = self.nouns[noun][0]
        if continues_topic and any(t.pos_ == "PROPN" for t in doc[noun_end : noun_end + _INTRODUCED]):
            return None
        person = self._antecedent(named, self.nouns[noun][1].normalized, stated, sentence.start)
        if person is None or person in {p.person for p in inside}:
            return None
        hit = self._hit(person, noun, article + 1, limit, "anaphoric")
        if self._other_gender(hit):
            return None
        generic = hit.end < limit and doc[hit.end].lower_ in _INDEFINITE_GENITIVE
        return None if generic or (inside and limit - hit.end <= _INTRODUCED) else hit

    def _definite_phrase(self, start: int, limit: int) -> tuple[int, int] | None:
        """The first singular definite phrase (article, role noun) within tokens ``start:limit`` that
        names one person: not a body („der Stadtrat“), not a group, not an office („vom Amt des
        Ministerpräsidenten“) and no apposition to the name before it."""
        doc = self.doc
        offices = self.lexicons.roles.office_nouns
        for i in range(start, limit):
            if (
                doc[i].lower_ not in _DEFINITE
                or doc[i].pos_ != "DET"
                or doc[i].morph.get("Number") == ["Plur"]
                or (i > 0 and doc[i - 1].lower_ in offices)
            ):
                continue
            k = self._past_adjectives(i + 1, limit)
            noun = self.nouns.get(k)
            if noun and noun[0] <= limit and not noun[1].body and not self._group_or_apposition(i, k):
                return i, k
        return None

    def _other_gender(self, hit: RoleHit) -> bool:
        """The role's wording states the gender the person's first name does not („Johanna Moser …
        der Bürgermeister“): a phrase that refers back does not refer to that person."""
        return bool(hit.gender) and self.genders.get(hit.role.person_local_id, hit.gender) != hit.gender

    def _group_or_apposition(self, article: int, noun: int) -> bool:
        """„die Reproduktionsforscher an der Klinik“ are a group (the plural as its article shows, or a
        masculine noun after „die“); „Tegaye Mununhe, der Polizeichef der Region“ describes the name
        before the comma, which the NER did not make a person."""
        doc = self.doc
        before = doc[article - 2] if article >= 2 and doc[article - 1].text == "," else None
        apposition = before is not None and (before.pos_ == "PROPN" or before.ent_type_ != "")
        return self._group(noun, doc[article].lower_) or apposition

    def _group(self, noun_start: int, article: str) -> bool:
        """The role noun at ``noun_start`` names a group: plural by its form („Leiterinnen“), by its
        article („den ehemaligen Parteivorsitzenden“), or masculine after „die“ („die Geschäftsführer“)."""
        noun = self.all_nouns[noun_start][1]
        return (
            noun.plural or plural_noun(self.doc, noun_start) or (article == "die" and noun.gender == "male")
        )

    def _topic(self, before: int) -> int | None:
        """The article's topic person before token ``before``: the first person it names, if named at
        least twice by then and last named recently (:data:`TOPIC_SENTENCES`): a news article opens
        with whom it is about („Kluncker ist tot … Der Gewerkschaftsboss setzte …“)."""
        named = bisect_right(self._topic_ends, before)  # the topic's mentions by then
        if named < 2:
            return None
        last = self._topic_mentions[named - 1]
        recent = self.sentences.index(before - 1) - self.sentences.index(last.start) < TOPIC_SENTENCES
        return last.person if recent else None

    @staticmethod
    def _antecedent(named: set[int], role: str, stated: StatedRoles, sentence_start: int) -> int | None:
        """Whom a definite role phrase continues among the persons the sentence before named: the
        only one, unless a role stated earlier gives this role to someone else („Bundestrainer
        Christian Prokop … erreichte Timo Kastening. In der ARD zeigte sich der Bundestrainer
        zufrieden“); else the only one already holding this role („Entwicklungskommissar Louis
        Michel … der Kommissar“); else, when no one holds it, the only one without a role stated
        before the sentence at ``sentence_start`` („Gegenüber Spiegel Online berichtete Michael
        Gordon, dass er Regierungssprecher Wilhelm … . Weiter sagte der Journalist …“, though the
        article calls Gordon „Militärexperte“ later)."""
        if len(named) == 1:
            someone_else = any(
                p not in named and stated.before(p, sentence_start) and stated.holds(p, role)
                for p in stated.roles
            )
            return None if someone_else else next(iter(named))
        holding = [p for p in named if stated.holds(p, role)]
        if holding:
            return holding[0] if len(holding) == 1 else None
        roleless = [p for p in named if not stated.before(p, sentence_start)]
        return roleless[0] if len(roleless) == 1 else None

    @staticmethod
    def _known(hit: RoleHit, stated: StatedRoles) -> bool:
        """The person already has this role or a more specific one."""
        role = hit.role.role_normalized
        return _holds(stated.roles[hit.role.person_local_id] - {role}, role)

    def _punct_between(self, start: int, end: int) -> bool:
        return any(self.doc[k].is_punct for k in range(start, end))

    def _als(self, sentence_start: int, sentence_end: int) -> list[RoleHit]:
        """„…, die als Gleichstellungsbeauftragte tätig ist“: the nearest person before „als“ (else after)."""
        hits = []
        doc = self.doc
        for i in range(sentence_start, sentence_end):
            if doc[i].lower_ != "als":
                continue
            noun_start = next(
                (k for k in range(i + 1, min(i + 4, sentence_end)) if k in self.nouns),
                None,
            )
            if noun_start is None or any(doc[k].pos_ not in {"DET", "ADJ"} for k in range(i + 1, noun_start)):
                continue
            if i - 1 in self.org_tokens:  # „die KFA als Projektträgerin“ describes the organisation
                continue
            inside = self._within(sentence_start, sentence_end)
            before = [p for p in inside if p.end <= i]
            # The person after „als“ only within the clause: „In ihrer Funktion als Leiterin betonte X“.
            after = [p for p in inside if p.left > noun_start and not self._punct_between(noun_start, p.left)]
            pronoun = self._nearest_pronoun(before[-1].end if before else sentence_start, i)
            if pronoun is None and not before and not after:  # „Als Spitzenkandidat … holte er …“
                pronoun = self._pronoun_in_clause(noun_start, sentence_end)
            if pronoun is not None:  # „trat er als Solist auf“; „würdigte ihn als Soldat“ names no one here
                if pronoun in self.pronouns:
                    hits.append(self._hit(self.pronouns[pronoun], noun_start, i + 1, sentence_end, "als"))
                continue
            person = before[-1] if before else (after[0] if after else None)
            # „Anna Berger …, die KFA, die … als Projektträgerin begleitet“; a party in brackets after the
            # name is only a label („von Angela Merkel (CDU) als Bundeskanzlerin“)
            if person in before and self.org_tokens.intersection(
                range(self._bracket_end(person.end, i) or person.end, i)
            ):
                continue
            if person:
                hits.append(self._hit(person.person, noun_start, i + 1, sentence_end, "als"))
        return hits

    def _headline(self) -> list[RoleHit]:
        """„CDU-Abgeordneter beendet … seine Karriere“, „Indonesien: Meistgesuchter Terrorist Südostasiens
        getötet“: a headline (the text's first line, past a place and colon) that names no one and
        opens with a singular role phrase is about the first person the text then names."""
        doc = self.doc
        end = next((k for k in range(min(len(doc), _HEADLINE_TOKENS)) if "\n" in doc[k].text_with_ws), None)
        if end is None or not self.persons or self.persons[0].left <= end:
            return []
        colon = next((k for k in range(end) if doc[k].text == ":"), None)
        k = colon + 1 if colon is not None else 0
        while k < end and k not in self.nouns and (_modifier(doc[k]) or doc[k].pos_ in {"DET", "NUM"}):
            k += 1
        if k not in self.nouns or self._group(k, "") or self.nouns[k][1].body:
            return []
        person = self.persons[0].person
        hit = self._hit(person, k, 0, end + 1, "headline")
        return [] if self._other_gender(hit) else [hit]

    def _pronoun_in_clause(self, start: int, end: int) -> int | None:
        """The first personal pronoun of the third person after token ``start`` up to the clause's end."""
        for k in range(start, end):
            if self.doc[k].is_punct:
                return None
            if _personal_pronoun(self.doc[k]):
                return k
        return None

    def _nearest_pronoun(self, start: int, end: int) -> int | None:
        """The last personal pronoun of the third person in tokens ``start:end`` („er“, „ihn“, „ihr“)."""
        return next((k for k in range(end - 1, start - 1, -1) if _personal_pronoun(self.doc[k])), None)

    def _pronoun_predicatives(self) -> list[RoleHit]:
        """„Er ist seit dem 17. Dezember 2013 Bundesminister der Justiz“, „ist er der Anführer einer
        Gruppierung“: a predicative role of a pronoun is the role of the person it refers to."""
        hits = []
        for i, person in self.pronouns.items():
            sentence = self.sentences[self.sentences.index(i)]
            after = bisect_left(self._lefts, i)
            limit = min(sentence.end, self._lefts[after]) if after < len(self._lefts) else sentence.end
            if hit := self._predicative(PersonAnchor(i, i, i + 1, person), limit):
                hits += [hit, *self._coordinated(hit, limit, hit.role.construction)]
        return hits

    def find(self) -> list[RoleHit]:
        """All role hits, one per person, role and organisation (the first occurrence kept)."""
        hits: list[RoleHit] = []
        for anchor in self.persons:
            sentence = self.sentences[self.sentences.index(anchor.start)]
            before = bisect_right(self._ends, anchor.left)
            prev_person = self._ends[before - 1] if before else sentence.start
            after = bisect_left(self._lefts, anchor.end)
            while after < len(self._lefts) and self.persons[after].genitive:
                after += 1  # „Ulrich Wilhelm, Merkels Sprecher,“: her name does not end his phrase
            next_person = self._lefts[after] if after < len(self._lefts) else sentence.end
            floor, limit = max(sentence.start, prev_person), min(sentence.end, next_person)
            if not anchor.genitive:  # „ein Sprecher Koch-Mehrins“ speaks for her, is not her
                hits += self._prenominal(anchor.person, anchor.left, floor) or self._introduced_after_comma(
                    anchor, floor
                )
            for hit in (
                self._apposition(anchor, limit),
                self._predicative(anchor, limit)
                or self._appointed(anchor, limit)
                or self._inverted(anchor, floor),
                self._relative(anchor, limit),
            ):
                if hit:
                    hits += [hit, *self._coordinated(hit, limit, hit.role.construction)]
        shared = [hit for sentence in self.sentences.spans for hit in self._shared(sentence)]
        # „Die Geschäftsführer Anna Beispiel und …“ is no masculine singular role of Anna's
        shared_phrases = {hit.start for hit in shared}
        hits = [h for h in hits if h.start not in shared_phrases] + shared
        for sentence in self.sentences.spans:
            hits.extend(self._als(sentence.start, sentence.end))
        hits += self._pronoun_predicatives() + self._headline()
        stated = StatedRoles()
        for hit in hits:
            stated.add(hit)
        for index, sentence in enumerate(self.sentences.spans):
            if index and (hit := self._anaphoric(self.sentences[index - 1], sentence, stated)):
                hits.append(hit)
                stated.add(hit)
        # „Die Ministerin“ after „Landesministerin Carola Behrens“ adds nothing new.
        hits = [h for h in hits if h.role.construction != "anaphoric" or not self._known(h, stated)]
        unique: dict[tuple, RoleHit] = {}
        for hit in sorted(hits, key=lambda h: h.role.start):
            r = hit.role
            unique.setdefault((r.person_local_id, r.role_normalized, r.qualifier, r.org_local_id), hit)
        return list(unique.values())
