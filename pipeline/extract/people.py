"""People component: persons with their mentions, roles and organisations of one document.

Registered as the spaCy factory ``projektradar_people``; it sets ``doc._.persons``,
``doc._.organisations`` and ``doc._.roles``. :func:`resolve_person` and :func:`resolve_organisation`
map any stretch of the text (a quote's speaker, say) to those records.

Persons come from the NER's PER spans, forms of address and titles („Frau Jentsch“, „Dr. Böhmer“) and
German first names followed by a surname. Full names define the persons; a surname alone resolves to
the one person of the document with that surname and stays unresolved when there are several (never
guessed). A PER span one of whose words is a common noun of the lexicon („Bündnis Oberlausitz“) is
taken for a tagging error unless a known first name, title, address or role confirms it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.extract import gender as gender_rules
from pipeline.extract.lexicons import (
    MODEL_ANNOTATIONS,
    LexiconComponent,
    Lexicons,
    PersonNames,
    RoleNoun,
    attach_lexicons,
    default_lexicons,
    lexicons_of,
)
from pipeline.extract.names import NameParts, is_first_name, is_name_token, split_name
from pipeline.extract.organisations import OrganisationFinder, is_acronym, is_model_designation, org_key
from pipeline.extract.programmes import separate_programmes
from pipeline.extract.records import Mention, Organisation, Person, Programme, Role
from pipeline.extract.roles import (
    OrgAnchor,
    PersonAnchor,
    RoleFinder,
    RoleHit,
    find_role_nouns,
    inflected_adjective,
    role_noun_at,
)
from pipeline.extract.tokens import Sentences, entity_at, glued, plural_noun, sentences_of
from pipeline.nlp.first_names import german_first_names
from pipeline.nlp.known import is_known_organisation
from pipeline.settings import RESOURCES_DIR

_MAX_NAME_TOKENS = 6
_APOSTROPHES = frozenset({"’", "'"})
_ELIDED = frozenset({"O", "D", "d"})  # „O’Keefe“, „D’Alema“, „Valéry Giscard d’Estaing“
_ARTICLE_CONTRACTIONS = frozenset({"im", "am", "zum", "zur", "beim", "vom", "ins", "ans"})
_NOT_IN_NAMES = frozenset(
    {"ADV", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "VERB", "AUX", "ADJ", "NUM", "PUNCT"}
)


@dataclass
class _NameMention:
    """A person mention: ``left`` includes titles and form of address, ``start:end`` is the name."""

    left: int
    start: int
    end: int
    parts: NameParts
    titles: list[str] = field(default_factory=list)
    salutation: str = ""  # „Frau“/„Herr“ as written
    gender: str = ""  # the salutation's: female | male | ""
    from_ner: bool = False  # a PER span of the NER (not a rule candidate)


def _title_before(doc: Doc, end: int, names: PersonNames) -> int | None:
    """Start of a title ending right before token ``end`` („Dr.“, „Dr.-Ing.“ split by the tokenizer)."""
    for k in range(end - 1, max(end - 4, -1), -1):
        if doc[k].whitespace_ and k < end - 1:
            break
        if names.is_title(doc[k:end].text):
            return k
    return None


def _not_a_name(doc: Doc, i: int, lexicons: Lexicons) -> bool:
    """A word before a name inside a candidate span: title, address, role noun, article, adverb …

    A known first name is kept whatever the tagger says („Olga“ tagged as an adjective), and so is a
    word of a NER person that the tagger reads as an adjective or adverb but that has no adjective's
    ending („Samaan Ibrahim“; „Daxenberger, von Beruf Landwirt, …“ opening a sentence).
    """
    text, names = doc[i].text, lexicons.names
    if _elision(doc, i) or (i + 1 < len(doc) and _elision(doc, i + 1)):
        return False  # „O“ „’“ „Keefe“, „d’“ „Estaing“
    if (
        not is_name_token(text, names)
        or role_noun_at(doc, i, lexicons.roles)
        or names.salutation_gender(text)
        or glued(doc, i, names.is_title)
    ):
        return True
    foreign_name = (
        doc[i].ent_type_ == "PER"
        and (
            (doc[i].pos_ == "ADJ" and not inflected_adjective(text))
            or _opening_unknown_word(doc[i])
            # „und Nie Haisheng“, „Dr. Dittrich“: inside a sentence a German adverb is lower case
            or (doc[i].pos_ == "ADV" and text[:1].isupper() and not doc[i].is_sent_start)
        )
    )
    return doc[i].pos_ in _NOT_IN_NAMES and not is_first_name(text) and not foreign_name


def _opening_unknown_word(token: Token) -> bool:
    """A capitalised word opening a sentence that the tagger reads as an adverb: its guess for a word
    it does not know („Daxenberger, von Beruf Landwirt, …“, „Stoiber hatte …“)."""
    return token.pos_ == "ADV" and token.is_sent_start and token.is_alpha and len(token) > 2


def _extend_right(doc: Doc, start: int, stop: int, lexicons: Lexicons) -> int:
    """Complete a name that stops at its first name: „Karl-Heinz | von der Heide“, „Birgit | Hainz“."""
    if stop - start != 1 or not is_first_name(doc[start].text):
        return stop
    names = lexicons.names
    k = stop
    while k < len(doc) and names.is_particle(doc[k].text):
        k += 1
    if k == len(doc) or not is_name_token(doc[k].text, names) or role_noun_at(doc, k, lexicons.roles):
        return stop
    # inside one NER organisation, the surname may complete the name too (:func:`_named_after_organisation`);
    # after a particle, a surname the NER took for a place too („Karl-Theodor zu Guttenberg“)
    same_entity = doc[k].ent_iob_ == "I" and doc[start].ent_type_ == "ORG"
    place_after_particle = k > stop and doc[k].ent_type_ == "LOC"
    return k + 1 if doc[k].ent_type_ in ("", "PER") or same_entity or place_after_particle else stop


def _elided(text: str) -> bool:
    """„d’“, „O’“: an elided particle with its apostrophe, as the tokenizer may keep it."""
    return text[:-1] in _ELIDED and text[-1:] in _APOSTROPHES


def _elision(doc: Doc, i: int) -> bool:
    """The apostrophe of an elided particle inside a name, split off by the tokenizer („O“ „’“
    „Keefe“, also spaced out in a text rebuilt from tokens) or kept with its letter („d’“ „Estaing“)."""
    text = doc[i].text
    after_letter = text in _APOSTROPHES and i > 0 and doc[i - 1].text in _ELIDED
    return (after_letter or _elided(text)) and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def _past_elisions(doc: Doc, stop: int, names: PersonNames) -> int:
    """The end of a name the NER cut at an elision: „Massimo D|’Alema“, „Valéry Giscard|d’Estaing“."""
    while True:
        k = stop + 1 if stop < len(doc) and doc[stop].text in _ELIDED else stop
        if not (k < len(doc) - 1 and _elision(doc, k) and is_name_token(doc[k + 1].text, names)):
            return stop
        stop = k + 2


def _name_words(span) -> list[str]:
    """The words of a name, an elided „O“ joined to its name again: [„Sean“, „O’Keefe“]."""
    words: list[str] = []
    glue = False
    for token in span:
        if words and (glue or token.text in _APOSTROPHES):
            words[-1] += token.text
        else:
            words.append(token.text)
        glue = token.text in _APOSTROPHES or _elided(token.text)
    return words


def _name_mention(doc: Doc, start: int, end: int, lexicons: Lexicons) -> _NameMention | None:
    """Clean a candidate span to the name proper and collect the titles and address before it."""
    names = lexicons.names
    while start < end and _not_a_name(doc, start, lexicons):
        start = glued(doc, start, names.is_title) or start + 1
    stop = start
    while stop < end and (
        is_name_token(doc[stop].text, names)
        or (stop > start and names.is_particle(doc[stop].text))
        or _elision(doc, stop)
    ):
        stop += 1
    if stop == end:
        stop = _extend_right(doc, start, _past_elisions(doc, stop, names), lexicons)
    if stop == start or stop - start > _MAX_NAME_TOKENS:
        return None
    while stop > start and names.is_particle(doc[stop - 1].text):
        stop -= 1
    first = doc[start]
    if not is_first_name(first.text) and (first.text.endswith(("s", ".")) or first.ent_type_ != "PER"):
        # „Spaniens José …“, „F. Scott …“, „Gastgeber Uwe …“: the name starts later, at a first name
        # followed by a surname (in „Barham Saleh“ the surname is a first name too); a foreign first
        # name the NER took in stays („Ólafur Ragnar Grímsson“)
        start = next((k for k in range(start + 1, stop - 1) if is_first_name(doc[k].text)), start)
    parts = split_name(_name_words(doc[start:stop]), names)
    if parts is None:
        return None
    left, titles = start, []
    while (k := _title_before(doc, left, names)) is not None:
        titles.insert(0, doc[k:left].text)
        left = k
    salutation = ""
    if left > 0 and names.salutation_gender(doc[left - 1].text):
        left -= 1
        salutation = doc[left].text
    return _NameMention(left, start, stop, parts, titles, salutation, names.salutation_gender(salutation))


def _address_candidates(doc: Doc, names: PersonNames) -> list[tuple[int, int]]:
    """Spans opened by a form of address or a title: „Frau Jentsch“, „Herrn Dr. Böhmer“, „Prof. Weise“."""

    def opens(j: int) -> bool:
        return bool(names.salutation_gender(doc[j].text) or glued(doc, j, names.is_title))

    spans = []
    for i in range(len(doc)):
        if not opens(i):
            continue
        j = i
        while j < len(doc) and opens(j):
            j = glued(doc, j, names.is_title) or j + 1
        k = j
        while (
            k < len(doc)
            and k - j < 4
            and (is_name_token(doc[k].text, names) or names.is_particle(doc[k].text))
        ):
            k += 1
        if k > j:
            spans.append((i, k))
    return spans


def _first_name_candidates(doc: Doc) -> list[tuple[int, int]]:
    """A German first name followed by a surname („Georg Pirzer“) where the NER found no person."""
    german = german_first_names()
    return [
        (t.i, t.i + 1)
        for t in doc
        if t.text[:1].isupper()
        and t.lower_.split("-")[0] in german
        and t.ent_type_ != "PER"
        and t.i + 1 < len(doc)
    ]


def _role_introduced_candidates(
    doc: Doc, noun_ends: set[int], names: PersonNames, common_nouns: dict[str, str]
) -> list[tuple[int, int]]:
    """A proper noun outside every entity right after a role noun, with its particles and the proper
    nouns after it: a name the NER missed („SPD-Innenexperte Wiefelspütz“, „Aufsichtsratschef von
    Pierer“), also where the tagger read it as a common noun the lexicon does not know („der
    CSU-Vorsitzende Stoiber“). Not after a plural („die Teilnehmenden Fachdeutsch“), and not a word in
    -s: after a role noun that is mostly a genitive („Präsident Frankreichs“)."""
    spans = []
    for i in sorted(noun_ends):
        if plural_noun(doc, i - 1):
            continue
        k = i
        while k < len(doc) and names.is_particle(doc[k].text):
            k += 1
        if k >= len(doc) or doc[k].ent_type_ or not _bare_word(doc[k]):
            continue
        first = doc[k]
        unknown_noun = first.pos_ == "NOUN" and first.is_alpha and not _common_noun(first, common_nouns)
        if first.pos_ == "PROPN" or unknown_noun:
            end, limit = k + 1, min(len(doc), k + _MAX_NAME_TOKENS)
            # „Generalstabschef Zakari Nandja“: the NER took the surname for a place; „UN-Generalsekretär
            # Ban Ki Moon“: it tagged only the name's end
            while (
                end < limit
                and doc[end].ent_type_ != "ORG"
                and (
                    _bare_proper_noun(doc[end])
                    or (doc[end].ent_type_ == "PER" and doc[end].text[:1].isupper())
                )
            ):
                end += 1
            spans.append((i, end))
    return spans


def _bare_proper_noun(token) -> bool:
    """A capitalised proper noun not in the genitive (-s): a word of a name after a role noun."""
    return token.pos_ == "PROPN" and _bare_word(token)


def _bare_word(token) -> bool:
    return token.text[:1].isupper() and not token.text.endswith("s")


def _names_ending_organisations(doc: Doc) -> list[tuple[int, int]]:
    """A first name of any origin and a surname that end an NER organisation of three or more words
    („Bezirksamt Tempelhof-Schöneberg Elena Zavlaris“): kept only as :func:`_named_after_organisation`
    allows."""
    return [
        (e.end - 2, e.end)
        for e in doc.ents
        if e.label_ == "ORG"
        and len(e) >= 3
        and doc[e.end - 2].text[:1].isupper()
        and is_first_name(doc[e.end - 2].text)
    ]


def _ner_person_spans(doc: Doc, lexicons: Lexicons, common_nouns: dict[str, str]) -> list[tuple[int, int]]:
    """The NER's PER spans, with adjacent ones joined where nothing or only name particles stand
    between them: the NER splits long foreign names („Kristin Scott | Thomas“, „Johann Peltzer vom |
    Jordan“); two people are always separated by a comma or „und“, or the second opens with a role noun."""
    names = lexicons.names
    spans: list[tuple[int, int]] = []
    for e in doc.ents:
        if e.label_ != "PER":
            continue
        # „Elizabeth II. von | Generalgouverneurin Michaëlle Jean“ are two
        joined = bool(spans) and not role_noun_at(doc, e.start, lexicons.roles)
        if joined and all(names.is_particle(t.text) for t in doc[spans[-1][1] : e.start]):
            spans[-1] = (spans[-1][0], _surname_after(doc, spans[-1][0], e.end, names, common_nouns))
        else:
            start = _given_name_before(doc, e.start, names)
            spans.append((start, _surname_after(doc, start, e.end, names, common_nouns)))
    return spans


def _surname_after(doc: Doc, start: int, end: int, names: PersonNames, common_nouns: dict[str, str]) -> int:
    """The end of a name of two or more words whose last word the NER left out: a proper noun outside
    every entity that no lexicon knows as a common noun („Alfredo Pérez | Rubalcaba“, „Adriano De |
    Souza“, „Salvatore Totò | Riina“), also one the tagger read as a noun if punctuation follows it
    („Philip Aguer | Panynag,“); not after a genitive („Nicolas Sarkozys | Staatsbesuch“)."""
    if end - start < 2 or end >= len(doc) or doc[end - 1].text.endswith("s"):
        return end
    word = doc[end]
    closes = end + 1 == len(doc) or doc[end + 1].is_punct
    if (
        word.ent_type_
        or not (word.pos_ == "PROPN" or (word.pos_ == "NOUN" and closes))
        or not is_name_token(word.text, names)
        or _common_noun(word, common_nouns)
        or names.salutation_gender(word.text)
    ):
        return end
    return end + 1


def _given_name_before(doc: Doc, start: int, names: PersonNames) -> int:
    """The start of a name whose given name the NER left out: a proper noun outside every entity,
    directly after punctuation, before a surname („…, Sondhi | Limthongkul, Sprecher …“)."""
    k = start - 1
    if (
        k > 0
        and doc[k].pos_ == "PROPN"
        and not doc[k].ent_type_
        and is_name_token(doc[k].text, names)
        and doc[k - 1].is_punct
    ):
        return k
    return start


def _named_after_organisation(doc: Doc, mention: _NameMention) -> bool:
    """A known first name and surname that end an NER organisation after „und“, or after a place that
    ends the organisation's name: the tagger ran the organisation on into the person („Agentur für
    Arbeit Bergisch Gladbach und Fabienne Herrmann“, „Bezirksamt Tempelhof-Schöneberg Elena
    Zavlaris“), which a name in an organisation's name rarely does („Robert Bosch GmbH“,
    „Bundesstiftung Magnus Hirschfeld“, „Digitalagentur Conrad Caine“)."""
    if doc[mention.start].ent_type_ != "ORG":
        return False
    first = mention.start
    while doc[first].ent_iob_ == "I":  # back to the entity's first token
        first -= 1
    entity = entity_at(doc, first)
    if entity is None or mention.end != entity.end or not is_first_name(mention.parts.first_name):
        return False
    before = doc[mention.start - 1]
    after_place = mention.start - entity.start >= 2 and (before.pos_ == "PROPN" or before.tag_ == "NE")
    return before.lower_ in ("und", "sowie") or after_place


def _name_mentions(
    doc: Doc, lexicons: Lexicons, noun_ends: set[int], common_nouns: dict[str, str]
) -> list[_NameMention]:
    """Person mentions from NER PER spans, address/title patterns, first names and proper nouns a
    role noun introduces (``noun_ends``: where they start), longest name wins.

    Rule candidates inside an organisation's name count only with a title or a known first name
    („Hochschule Prof. Dr. Katrin Schulze“ is a tagging error; „Hoffmann Logistik GmbH“ is no person).
    """
    org_tokens = {i for e in doc.ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    names = lexicons.names
    candidates = [(start, end, True) for start, end in _ner_person_spans(doc, lexicons, common_nouns)]
    candidates += [(s, e, False) for s, e in _address_candidates(doc, names) + _first_name_candidates(doc)]
    candidates += [(s, e, False) for s, e in _names_ending_organisations(doc)]
    candidates += [(s, e, False) for s, e in _role_introduced_candidates(doc, noun_ends, names, common_nouns)]
    chosen: list[_NameMention] = []
    for start, end, from_ner in candidates:
        mention = _name_mention(doc, start, end, lexicons)
        introduced = mention is not None and (
            mention.titles or mention.salutation or mention.left in noun_ends
        )
        if mention is None or (not from_ner and mention.end - mention.start < 2 and not introduced):
            continue
        if from_ner and (
            _after_organisation_name(doc, start, mention)
            or _after_descriptor(doc, mention, lexicons)
            or any(_model_with_letters(t.text) for t in doc[start:end])  # „McDonnell Douglas MD-80“
        ):
            continue
        bodies = lexicons.organisations.compound_bodies
        if doc[mention.end - 1].text in bodies or (
            mention.end < len(doc) and doc[mention.end].text in bodies
        ):
            continue  # „Wolfgang Dürr Stiftung“, „Anne Frank Schule“, „Aga Khan University“ name a body
        mention.from_ner = from_ner
        inside_org = any(i in org_tokens for i in range(mention.start, mention.end))
        if (
            inside_org
            and not from_ner
            and not (mention.titles and is_first_name(mention.parts.first_name))
            and not _named_after_organisation(doc, mention)
        ):
            continue
        overlapping = [m for m in chosen if m.start < mention.end and mention.start < m.end]
        if all(m.end - m.start < mention.end - mention.start for m in overlapping):
            for m in overlapping:
                chosen.remove(m)
            chosen.append(mention)
    chosen += _surname_mentions(doc, chosen, lexicons)
    return sorted(chosen, key=lambda m: m.start)


def _after_organisation_name(doc: Doc, start: int, mention: _NameMention) -> bool:
    """A NER person that opens with an organisation's acronym or known name and goes on without a
    first name names the organisation's branch or place, not a person („EADS Nordamerika“)."""
    before = doc[start : mention.left]
    opens_with_organisation = any(is_acronym(t.text) or is_known_organisation(t.text) for t in before)
    return opens_with_organisation and not is_first_name(mention.parts.first_name)


def _model_with_letters(word: str) -> bool:
    """A maker's type designation with letters („MD-80“, „A380“): digits alone after a name are more
    often a year („Ruane 1980“)."""
    return is_model_designation(word) and any(c.isalpha() for c in word)


def _after_descriptor(doc: Doc, mention: _NameMention, lexicons: Lexicons) -> bool:
    """A NER person right after a noun that classifies an organisation and without a known first name
    is that organisation's name („die Drogeriekette Rossmann“, „der Autobauer Porsche“)."""
    before = doc[mention.left - 1] if mention.left else None
    return (
        before is not None
        and lexicons.organisations.classifying_noun(before)
        and not is_first_name(mention.parts.first_name)
    )


def _surname_mentions(doc: Doc, mentions: list[_NameMention], lexicons: Lexicons) -> list[_NameMention]:
    """Later mentions by surname alone that the NER missed („so Schramm“ after „Christian Schramm“).

    Only surnames of names the text or the first-name lexicon confirms („Hürden Frauen“ is a tagging
    error whose „Frauen“ must not become mentions); the surname of a full name whose first name the
    lexicon does not know counts where the tagger reads it as a proper noun („Eyadéma war …“ after
    „Gnassingbé Eyadéma“).
    A surname token counts unless an article or adjective makes it a common noun („auf diese Weise“)
    or it stands inside another mention or an organisation.
    """
    taken = {i for m in mentions for i in range(m.left, m.end)}
    taken |= {i for e in doc.ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    surnames = {
        tuple(m.parts.surname.split())
        for m in mentions
        if is_first_name(m.parts.first_name) or m.salutation or m.titles
    }
    unconfirmed = {tuple(m.parts.surname.split()) for m in mentions if m.parts.first_name}
    unconfirmed -= surnames
    texts = [t.text for t in doc]
    positions: dict[str, list[int]] = {}  # token text → its indexes (a long report has many surnames)
    for k, text in enumerate(texts):
        positions.setdefault(text, []).append(k)
    found = []
    for words in sorted(surnames | unconfirmed):
        n = len(words)
        for i in positions.get(words[0], []):
            if tuple(texts[i : i + n]) != words or taken.intersection(range(i, i + n)):
                continue
            if words in unconfirmed and doc[i].pos_ != "PROPN":
                continue
            if i > 0 and (doc[i - 1].pos_ in {"DET", "ADJ"} or doc[i - 1].lower_ in _ARTICLE_CONTRACTIONS):
                continue
            if mention := _name_mention(doc, i, i + n, lexicons):
                if all(lexicons.names.is_particle(t.text) for t in doc[i : mention.left]):
                    mention.left = i  # „Aufsichtsratschef von Pierer“: the particle opens the mention
                found.append(mention)
                taken.update(range(mention.left, mention.end))
    return found


def _surname_index(records: Iterable[tuple[str, Any]]) -> dict[str, list[tuple[int, Any]]]:
    """(surname, record) pairs by case-folded surname, each record with its position; a surname with
    particles also by its last word, as the press shortens it („Pierer“, „Pierers“ for „von Pierer“)."""
    index: dict[str, list[tuple[int, Any]]] = {}
    for position, (surname, record) in enumerate(records):
        words = surname.split()
        keys = {surname.casefold()}
        if len(words) > 1 and words[0].islower():
            keys.add(words[-1].casefold())
        for key in keys:
            index.setdefault(key, []).append((position, record))
    return index


def _with_surname(index: dict[str, list[tuple[int, Any]]], surname: str) -> list:
    """The records (in their order) with the surname that „Schramm“ or the genitive „Schramms“ names."""
    key = surname.casefold()
    found = index.get(key, [])
    if key.endswith("s"):
        found = sorted(found + index.get(key[:-1], []))
    return [record for _, record in found]


@dataclass
class _PersonBuilder:
    parts: NameParts
    mentions: list[_NameMention] = field(default_factory=list)


def _group(mentions: list[_NameMention], role_before: set[int]) -> list[_PersonBuilder]:
    """Persons from full names; surnames alone join the single person with that surname.

    A surname with no full name in the document becomes a person of its own when the NER tagged it
    or a form of address, a title or a role noun introduces it; an ambiguous surname is dropped.
    """
    persons: list[_PersonBuilder] = []
    by_key: dict[str, _PersonBuilder] = {}
    for m in mentions:
        if m.parts.first_name:
            builder = by_key.get(m.parts.key)
            if builder is None:
                builder = by_key[m.parts.key] = _PersonBuilder(m.parts)
                persons.append(builder)
            elif len(m.parts.name) > len(builder.parts.name):
                builder.parts = m.parts
            builder.mentions.append(m)
    full = _surname_index((b.parts.surname, b) for b in persons)
    surname_only: dict[tuple[str, str], _PersonBuilder] = {}
    for m in mentions:
        if m.parts.first_name:
            continue
        candidates = _with_surname(full, m.parts.surname)
        if len(candidates) > 1 and m.gender:
            candidates = [p for p in candidates if {x.gender for x in p.mentions} & {m.gender, ""}]
        if len(candidates) == 1:
            candidates[0].mentions.append(m)
        elif not candidates and (m.from_ner or m.salutation or m.titles or m.left in role_before):
            key = (m.parts.surname.casefold(), m.gender)
            if key not in surname_only:
                surname_only[key] = _PersonBuilder(m.parts)
                persons.append(surname_only[key])
            surname_only[key].mentions.append(m)
    for p in persons:
        p.mentions.sort(key=lambda m: m.start)
    persons.sort(key=lambda p: p.mentions[0].start)
    return persons


def _anchors(builders: list[_PersonBuilder]) -> list[PersonAnchor]:
    """Every mention as a role anchor; the builder's index becomes the person's local id."""
    return [
        PersonAnchor(m.left, m.start, m.end, local_id, _genitive(m.parts.surname, builder.parts.surname))
        for local_id, builder in enumerate(builders)
        for m in builder.mentions
    ]


def _genitive(written: str, surname: str) -> bool:
    """A surname written in the genitive („Koch-Mehrins“ of Koch-Mehrin, „Obamas“)."""
    return written != surname and written.rstrip("s’'") == surname


def _common_noun(token: Token, common_nouns: dict[str, str]) -> bool:
    """A common noun of the lexicon, as written or by its lemma („Bündnis“, „Schichtpläne“)."""
    return token.text in common_nouns or token.lemma_ in common_nouns


def _reads_as_name(spans: list[Span], common_nouns: dict[str, str]) -> bool:
    """NER PER spans that read as a name: no common noun of the lexicon (as written or by lemma), no
    adjective, no plural („Bündnis Oberlausitz“, „Flexible Schichtpläne“), and a lone word only if the
    tagger reads it as a proper noun („Kita“ is none) or, opening a sentence, as an adverb („Stoiber
    hatte …“: an unknown capitalised word)."""
    tokens = [t for span in spans for t in span]
    if not tokens or any(
        t.pos_ == "ADJ"
        or inflected_adjective(t.text)  # „Riesiges Ozonloch“ in a headline
        or _common_noun(t, common_nouns)
        or t.morph.get("Number") == ["Plur"]
        for t in tokens
    ):
        return False
    return all(len(span) > 1 or span[0].pos_ == "PROPN" or _opening_unknown_word(span[0]) for span in spans)


def _believed(doc: Doc, builder: _PersonBuilder, common_nouns: dict[str, str]) -> bool:
    """A known first name, a title or a form of address; or NER PER spans that read as a name: real
    news names many people whose first names no German lexicon knows („Barham Saleh“) or by surname
    alone („Klinsmann“)."""
    if is_first_name(builder.parts.first_name) or any(m.salutation or m.titles for m in builder.mentions):
        return True
    return _reads_as_name(_ner_spans(doc, builder), common_nouns)


def _place_name(doc: Doc, builder: _PersonBuilder, names: PersonNames) -> bool:
    """Every mention ends in a word that ends places' names („Camden Road“, „Chalk Farm Road“) or opens
    with one that opens them („Sankt Pauli“, „St. Martinus“)."""
    return all(
        names.is_place_word(doc[m.end - 1].text) or names.is_place_prefix(doc[m.left].text)
        for m in builder.mentions
    )


def _weather_names(doc: Doc, names: PersonNames) -> set[str]:
    """The words right after a word that names a storm or a pressure system („Tropensturm Rita“), and
    that word itself, which the NER may take into the name."""
    named = [t for t in doc[:-1] if names.is_weather_word(t.text) and doc[t.i + 1].text[:1].isupper()]
    return {word for t in named for word in (t.text, doc[t.i + 1].text)}


def _weather_system(builder: _PersonBuilder, weather: set[str], common_nouns: dict[str, str]) -> bool:
    """A name without title or address made of a storm's name in this text (:func:`_weather_names`)
    and common nouns only: „Tropensturm Rita“, and „Rita Kurs“ the NER read into „Rita Kurs auf …“ —
    not „Rita Süssmuth“."""
    if not weather or any(m.salutation or m.titles for m in builder.mentions):
        return False
    words = {builder.parts.first_name, *builder.parts.surname.split()} - {""}
    return bool(words & weather) and all(w in weather or w in common_nouns for w in words)


def _place_or_organisation_words(doc: Doc) -> set[str]:
    """The places the NER tagged (also in the genitive) and the first words of its organisations of
    two or more words, for :func:`_place_or_organisation_elsewhere`."""
    words = set()
    for entity in doc.ents:
        if entity.label_ == "LOC":
            words.update({entity.text, entity.text + "s"})
        elif entity.label_ == "ORG" and len(entity) > 1:
            words.add(entity[0].text)
    return words


def _place_or_organisation_elsewhere(doc: Doc, builder: _PersonBuilder, elsewhere: set[str]) -> bool:
    """A name of one word only, without a first name, title or address, that the NER tags as a place
    elsewhere in the document or that opens an organisation there (``elsewhere``:
    :func:`_place_or_organisation_words`): „Cambridge“, „Hanois“ (the city's genitive), „Cleveland“
    beside „Cleveland Cavaliers“ — a place or a team, not a person."""
    if any(m.end - m.start > 1 or m.salutation or m.titles for m in builder.mentions):
        return False
    if is_first_name(builder.parts.first_name):
        return False
    return all(doc[m.start].text in elsewhere for m in builder.mentions)


def _named_after_role(
    doc: Doc, mention: _NameMention, noun_ends: set[int], common_nouns: dict[str, str]
) -> bool:
    """A NER name right after a role noun: one word the tagger reads as a proper noun, also a surname
    that is a common noun of the lexicon („Altkanzler Kohl“, „Ministerin Fischer“), or as a noun the
    lexicon does not know („Wirtschaftsminister Brüderle“); or several capitalised words none of which
    is a common noun, however the tagger reads a foreign name („des Priesters Samaan Ibrahim“:
    adjective and plural noun)."""
    if not (mention.from_ner and mention.left in noun_ends):
        return False
    words = doc[mention.start : mention.end]
    if len(words) == 1:
        word = words[0]
        return word.pos_ == "PROPN" or (word.pos_ == "NOUN" and not _common_noun(word, common_nouns))
    return all(t.text[:1].isupper() and t.text not in common_nouns for t in words)


def _ner_spans(doc: Doc, builder: _PersonBuilder) -> list[Span]:
    return [doc[m.start : m.end] for m in builder.mentions if m.from_ner]


@dataclass
class DocAnalysis:
    """One document's people analysis: its input and what each step of :func:`analyse` adds."""

    doc: Doc
    lexicons: Lexicons
    noun_genders: dict[str, str]  # noun → Masc/Fem/Neut (the pipeline's morphology lexicon)
    sentences: Sentences
    role_nouns: dict[int, tuple[int, RoleNoun]] = field(default_factory=dict)  # start → (end, noun)
    name_mentions: list[_NameMention] = field(default_factory=list)
    builders: list[_PersonBuilder] = field(default_factory=list)  # index = the person's local id
    organisations: list[Organisation] = field(default_factory=list)
    org_anchors: list[OrgAnchor] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    role_hits: list[RoleHit] = field(default_factory=list)
    antecedents: list[gender_rules.Antecedent] = field(default_factory=list)  # „er“ → whom it names
    gender_evidence: dict[int, list[gender_rules.Evidence]] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)

    @property
    def role_noun_ends(self) -> set[int]:
        """Token indices right after a role noun: where a name it introduces starts."""
        return {end for end, _ in self.role_nouns.values()}

    @property
    def roles(self) -> list[Role]:
        return sorted((h.role for h in self.role_hits), key=lambda r: (r.start, r.person_local_id))


def _find_role_nouns(analysis: DocAnalysis) -> None:
    """Role nouns first: one right before a surname introduces a person (:func:`_group_persons`)."""
    analysis.role_nouns = find_role_nouns(analysis.doc, analysis.lexicons.roles)


def _find_name_mentions(analysis: DocAnalysis) -> None:
    """Every stretch of text that names a person (NER spans, forms of address, titles, first names);
    who is who is decided when grouping them."""
    analysis.name_mentions = _name_mentions(
        analysis.doc, analysis.lexicons, analysis.role_noun_ends, analysis.noun_genders
    )


def _group_persons(analysis: DocAnalysis) -> None:
    """Mentions grouped into persons; a surname alone counts where a role noun introduces it."""
    mentions = analysis.name_mentions
    noun_ends = analysis.role_noun_ends
    analysis.builders = _group(mentions, {m.left for m in mentions if m.left in noun_ends})


def _find_organisations(analysis: DocAnalysis) -> None:
    """Organisations after the persons: the words of a person's mention belong to no organisation, and a
    person's surname alone is none."""
    builders = analysis.builders
    person_tokens = {i for b in builders for m in b.mentions for i in range(m.left, m.end)}
    surnames = {b.parts.surname for b in builders}
    finder = OrganisationFinder(
        analysis.doc, analysis.sentences, analysis.lexicons, person_tokens, surnames, analysis.noun_genders
    )
    analysis.organisations, analysis.org_anchors = finder.find()


def _find_roles(analysis: DocAnalysis) -> None:
    """Role phrases around the persons' mentions and the pronouns that refer to them, with the
    organisations they name (found before)."""
    anchors = _anchors(analysis.builders)
    first_names = [gender_rules.first_name_evidence(b.parts.first_name) for b in analysis.builders]
    genders = {i: e.gender for i, e in enumerate(first_names) if e and e.rank == gender_rules.FIRST_NAME}
    analysis.antecedents = gender_rules.pronoun_antecedents(
        analysis.doc, analysis.sentences, [(a.start, a.person) for a in anchors], genders
    )
    finder = RoleFinder(
        analysis.doc,
        analysis.sentences,
        analysis.lexicons,
        anchors,
        analysis.org_anchors,
        analysis.role_nouns,
        {a.token: a.person for a in analysis.antecedents},
        genders,
    )
    analysis.role_hits = finder.find()


def _drop_unconfirmed_names(analysis: DocAnalysis) -> None:
    """Drop a name that is neither believed (:func:`_believed`) nor given a role, and a NER span with a
    role that does not read as a name; then find the roles again for the persons kept.

    The second role pass is needed: the role finder bounds a person's role phrases by the neighbouring
    persons' mentions and gives „als …“ and anaphoric roles to the nearest or only person named, so
    a dropped name changes the roles of the others (a phrase runs on over a dropped name: „Pressesprecher
    des Wahlkampfteams von Aljaksandr Milinkewitsch“). The first pass only tells which names have a role.
    """
    doc, genders = analysis.doc, analysis.noun_genders
    with_role = {h.role.person_local_id for h in analysis.role_hits}
    noun_ends = analysis.role_noun_ends
    elsewhere = _place_or_organisation_words(doc)  # once per document: a long report has thousands of names
    weather = _weather_names(doc, analysis.lexicons.names)
    kept = [
        b
        for i, b in enumerate(analysis.builders)
        if not (
            _place_or_organisation_elsewhere(doc, b, elsewhere)
            or _place_name(doc, b, analysis.lexicons.names)
            or _weather_system(b, weather, genders)
        )
        and (
            _believed(doc, b, genders)
            or (i in with_role and (not _ner_spans(doc, b) or _reads_as_name(_ner_spans(doc, b), genders)))
            or any(_named_after_role(doc, m, noun_ends, genders) for m in b.mentions)
        )
    ]
    if len(kept) < len(analysis.builders):
        analysis.builders = kept
        _find_roles(analysis)


def _link_described_organisations(analysis: DocAnalysis) -> None:
    """A role whose organisation is only described („Vorsitzende des Vereins“) gets the organisation
    named before that the description fits."""
    doc = analysis.doc
    for hit in analysis.role_hits:
        phrase = doc[hit.start : hit.end]
        if hit.role.org_local_id is not None or len(phrase) < 3:
            continue
        article, noun = phrase[-2], phrase[-1]
        described = article.lower_ in ("des", "der") and article.pos_ == "DET" and noun.pos_ == "NOUN"
        if described and (
            org := _described_organisation(doc, analysis.organisations, noun, phrase.start_char)
        ):
            hit.role.org_local_id, hit.role.org_text = org.local_id, org.name


def _separate_programmes(analysis: DocAnalysis) -> None:
    """Programmes and projects leave the organisations (after the roles: a role in a project keeps it,
    as its programme instead of its organisation)."""
    separated = separate_programmes(
        analysis.doc,
        analysis.sentences,
        analysis.lexicons.organisations,
        analysis.organisations,
        analysis.org_anchors,
    )
    analysis.organisations, analysis.programmes = separated.organisations, separated.programmes
    new_ids = separated.organisation_ids
    analysis.org_anchors = [a._replace(org=new_ids[a.org]) for a in analysis.org_anchors if a.org in new_ids]
    for hit in analysis.role_hits:
        role = hit.role
        if role.org_local_id in separated.programme_ids:
            role.programme_local_id, role.org_local_id = separated.programme_ids[role.org_local_id], None
        elif role.org_local_id is not None:
            role.org_local_id = new_ids[role.org_local_id]


def _collect_gender_evidence(analysis: DocAnalysis) -> None:
    """Everything the text says about each person's gender: role nouns, pronouns, forms of address and
    the first name, in that order (the order of the evidence text)."""
    builders = analysis.builders
    evidence: dict[int, list[gender_rules.Evidence]] = {i: [] for i in range(len(builders))}
    for hit in analysis.role_hits:
        if e := gender_rules.role_evidence(hit.word, hit.gender):
            evidence[hit.role.person_local_id].append(e)
    for local_id, found in gender_rules.pronoun_evidence(analysis.antecedents).items():
        evidence[local_id].extend(found)
    for local_id, builder in enumerate(builders):
        for m in builder.mentions:
            if m.gender:
                evidence[local_id].append(
                    gender_rules.Evidence(m.gender, gender_rules.SALUTATION, m.salutation)
                )
        if e := gender_rules.first_name_evidence(builder.parts.first_name):
            evidence[local_id].append(e)
    analysis.gender_evidence = evidence


def _build_persons(analysis: DocAnalysis) -> None:
    """The person records: name, longest title, decided gender and every mention."""
    doc, sentences = analysis.doc, analysis.sentences
    for local_id, builder in enumerate(analysis.builders):
        gender, why = gender_rules.decide(analysis.gender_evidence[local_id])
        titles = max((" ".join(m.titles) for m in builder.mentions), key=len)
        analysis.persons.append(
            Person(
                local_id=local_id,
                name=builder.parts.name,
                first_name=builder.parts.first_name,
                surname=builder.parts.surname,
                title=titles,
                gender=gender,
                gender_evidence=why,
                mentions=[_mention(doc, sentences, m.left, m.end) for m in builder.mentions],
            )
        )


def analyse(
    doc: Doc, noun_genders: dict[str, str] | None = None, lexicons: Lexicons | None = None
) -> tuple[list[Person], list[Organisation], list[Programme], list[Role]]:
    """Persons, organisations, programmes and roles of a parsed ``Doc``, found with ``lexicons`` (default: the
    package's), which are attached to ``doc`` for the sentences and for resolving speakers later."""
    lexicons = lexicons or default_lexicons()
    attach_lexicons(doc, lexicons)
    analysis = DocAnalysis(doc, lexicons, noun_genders or {}, sentences_of(doc))
    for step in (
        _find_role_nouns,
        _find_name_mentions,
        _group_persons,
        _find_organisations,
        _find_roles,
        _drop_unconfirmed_names,
        _link_described_organisations,
        _separate_programmes,
        _collect_gender_evidence,
        _build_persons,
    ):
        step(analysis)
    return analysis.persons, analysis.organisations, analysis.programmes, analysis.roles


def _mention(doc: Doc, sentences: Sentences, start: int, end: int) -> Mention:
    index = sentences.index(start)
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, index, sentences[index].text)


class PeopleComponent(LexiconComponent):
    """spaCy component: sets ``doc._.persons``, ``doc._.organisations``, ``doc._.programmes`` and
    ``doc._.roles``.

    Uses the noun genders of the pipeline's morphology lexicon when it has one (for the nominative of
    organisation names); a pipeline without it falls back to the tagger's morphology.
    """

    def __init__(self, nlp: Language | None = None, lexicons: str = str(RESOURCES_DIR)):
        super().__init__(lexicons)
        self.morph_lexicon = next(
            (
                nlp.get_pipe(name)
                for name in (nlp.pipe_names if nlp else [])
                if nlp.get_pipe_meta(name).factory == "projektradar_morph_lexicon"
            ),
            None,
        )

    def __call__(self, doc: Doc) -> Doc:
        genders = self.morph_lexicon.noun_gender if self.morph_lexicon is not None else {}
        doc._.persons, doc._.organisations, doc._.programmes, doc._.roles = analyse(
            doc, genders, self.lexicons
        )
        return doc


@Language.factory(
    "projektradar_people",
    requires=list(MODEL_ANNOTATIONS),
    assigns=["doc._.persons", "doc._.organisations", "doc._.programmes", "doc._.roles"],
    default_config={"lexicons": str(RESOURCES_DIR)},
)
def make_people_component(nlp: Language, name: str, lexicons: str) -> PeopleComponent:
    """``lexicons``: the folder with the lexicon files (:data:`pipeline.extract.lexicons.LEXICON_FILES`)."""
    return PeopleComponent(nlp, lexicons)


# -- resolution API (used by the quotes component) ----------------------------------------------------
# With the lexicons the document was analysed with (attached to the ``Doc`` by :func:`analyse`).


_INDEXES = "projektradar.record_indexes"


def _index_of(doc: Doc, records: list, build: Callable[[list], Any]) -> Any:
    """``build(records)``, built once per list of records and kind of index: speakers are resolved
    thousands of times in a long report, and scanning every record each time is quadratic."""
    indexes = doc.user_data.setdefault(_INDEXES, {})
    cached = indexes.get((build.__name__, id(records)))
    if cached is None or cached[0] is not records:
        cached = indexes[(build.__name__, id(records))] = (records, build(records))
    return cached[1]


def _by_start(records: list) -> tuple[list[int], list[tuple[Mention, int]], int]:
    """The records' mentions sorted by start, with their record's position, and the longest
    mention's length."""
    mentions = sorted(((m, n) for n, r in enumerate(records) for m in r.mentions), key=lambda x: x[0].start)
    longest = max((m.end - m.start for m, _ in mentions), default=0)
    return [m.start for m, _ in mentions], mentions, longest


def organisation_mention_end(doc: Doc, char: int) -> int | None:
    """End offset of the organisation mention that covers character ``char``, if one does."""
    for org in _overlapping(doc, doc._.organisations or [], char, char + 1):
        for mention in org.mentions:
            if mention.start <= char < mention.end:
                return mention.end
    return None


def _overlapping(doc: Doc, records: list, start_char: int, end_char: int) -> list:
    """The records (in their order) with a mention overlapping ``start_char:end_char``."""
    starts, mentions, longest = _index_of(doc, records, _by_start)
    first = bisect_right(starts, start_char - longest)  # every mention starting before can't reach
    hits = {n for m, n in mentions[first : bisect_left(starts, end_char)] if start_char < m.end}
    return [records[n] for n in sorted(hits)]


def _by_surname(persons: list[Person]) -> dict[str, list[tuple[int, Person]]]:
    return _surname_index((p.surname, p) for p in persons)


def _by_full_name(persons: list[Person]) -> dict[str, list[Person]]:
    index: dict[str, list[Person]] = {}
    for p in persons:
        index.setdefault(f"{p.first_name} {p.surname}".casefold(), []).append(p)
    return index


def _only(candidates: list):
    """The single distinct candidate, else ``None`` (ambiguity is never resolved by guessing)."""
    unique = {id(c): c for c in candidates}
    return next(iter(unique.values())) if len(unique) == 1 else None


def _pronoun_person(doc: Doc, token, persons: list[Person]) -> Person | None:
    """„er“/„sie“: the one compatible person mentioned before it in this or the two previous sentences."""
    lower = token.lower_
    if lower == "sie" and (
        token.morph.get("Number") == ["Plur"] or token.head.morph.get("Number") == ["Plur"]
    ):
        return None
    target = "female" if lower == "sie" else "male"
    sentences = sentences_of(doc)
    window_start = sentences[max(sentences.index(token.i) - 2, 0)].start_char
    before = [p for p in persons if any(window_start <= m.start and m.end <= token.idx for m in p.mentions)]
    return _only([p for p in before if p.gender in (target, gender_rules.UNKNOWN)])


def _role_person(doc: Doc, noun_word: str, start_char: int, persons: list[Person]) -> Person | None:
    """„die Ministerin“: the one person introduced with that role (compounds match by ending)."""
    noun = lexicons_of(doc).roles.match(noun_word)
    wanted = noun.normalized.casefold()
    by_id = {p.local_id: p for p in persons}
    candidates = [
        by_id[r.person_local_id]
        for r in doc._.roles or []
        if r.start < start_char
        and r.role_normalized.casefold().endswith(wanted)
        and r.person_local_id in by_id
    ]
    if noun.gender:
        candidates = [p for p in candidates if p.gender in (noun.gender, gender_rules.UNKNOWN)]
    return _only(candidates)


def resolve_person(doc: Doc, start_char: int, end_char: int) -> Person | None:
    """The person of ``doc._.persons`` a stretch of text refers to, or ``None`` if none or ambiguous.

    Tries, in order: an overlapping mention; a name written in the span (full name, surname, „Frau
    Jentsch“, „Dr. Böhmer“); a pronoun („sie“, „er“); a role phrase („die Ministerin“).
    """
    persons = doc._.persons or []
    if overlapping := _overlapping(doc, persons, start_char, end_char):
        return _only(overlapping)
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    lexicons = lexicons_of(doc)
    mention = _name_mention(doc, span.start, span.end, lexicons)
    if mention is not None:
        parts = mention.parts
        if parts.first_name:
            return _only(_index_of(doc, persons, _by_full_name).get(parts.key, []))
        candidates = _with_surname(_index_of(doc, persons, _by_surname), parts.surname)
        if mention.gender:
            candidates = [p for p in candidates if p.gender in (mention.gender, gender_rules.UNKNOWN)]
        return _only(candidates)
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) == 1 and words[0].lower_ in ("er", "sie") and words[0].pos_ == "PRON":
        return _pronoun_person(doc, words[0], persons)
    role_words = [t for t in words if lexicons.roles.match(t.text)]
    if len(role_words) == 1:
        return _role_person(doc, role_words[0].text, start_char, persons)
    return None


def resolve_organisation(doc: Doc, start_char: int, end_char: int) -> Organisation | None:
    """The organisation of ``doc._.organisations`` a stretch of text refers to, or ``None``.

    Tries an overlapping mention, then the name or abbreviation as written („das BMFSFJ“), then the
    head noun („das Ministerium“ → the one ministry named before; „das Unternehmen“ → by type).
    """
    orgs = doc._.organisations or []
    if overlapping := _overlapping(doc, orgs, start_char, end_char):
        return _only(overlapping)
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not (t.is_punct or t.is_space or t.pos_ in {"DET", "ADP"})]
    key = org_key(" ".join(t.text for t in words))
    if named := _index_of(doc, orgs, _by_key).get(key):
        return _only(named)
    nouns = [t for t in words if t.text[:1].isupper()]
    return _described_organisation(doc, orgs, nouns[-1], start_char) if nouns else None


def _by_key(orgs: list[Organisation]) -> dict[str, list[Organisation]]:
    """The organisations by the key of their name and of their abbreviation."""
    index: dict[str, list[Organisation]] = {}
    for o in orgs:
        for key in dict.fromkeys((org_key(o.name), org_key(o.abbreviation))):
            index.setdefault(key, []).append(o)
    return index


@dataclass
class _Described:
    """The organisations with mentions in order of their first; per word ending and per type, the
    positions of those whose name has a word with that ending or which have that type."""

    starts: list[int]
    orgs: list[Organisation]
    by_ending: dict[str, set[int]]
    by_type: dict[str, set[int]]


def _by_first_mention(orgs: list[Organisation]) -> _Described:
    named = sorted(((o.mentions[0].start, n) for n, o in enumerate(orgs) if o.mentions))
    described = _Described([start for start, _ in named], [orgs[n] for _, n in named], {}, {})
    for position, org in enumerate(described.orgs):
        for word in org.name.casefold().split():
            for k in range(len(word) + 1):
                described.by_ending.setdefault(word[k:], set()).add(position)
        for kind in org.org_type.split("/"):
            described.by_type.setdefault(kind, set()).add(position)
    return described


def _described_organisation(doc: Doc, orgs: list[Organisation], noun, start_char: int) -> Organisation | None:
    """„das Ministerium“, „des Vereins“: the one organisation named before whose name has a word ending
    in the noun, else the one organisation of that type (a long report describes organisations
    thousands of times, hence the index)."""
    head = (noun.text.casefold(), noun.lemma_.casefold())
    described = _index_of(doc, orgs, _by_first_mention)
    named_before = bisect_left(described.starts, start_char)
    for index, keys in ((described.by_ending, head), (described.by_type, [h.capitalize() for h in head])):
        fitting = {n for key in keys for n in index.get(key, ()) if n < named_before}
        if fitting:
            return described.orgs[fitting.pop()] if len(fitting) == 1 else None  # never a guess
    return None
