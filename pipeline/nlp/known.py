"""Organisations every news reader knows, tagged ORG after the statistical NER.

The NER trained on a few thousand sentences misses „NATO“, „Bundestag“ or „IG Metall“ and makes
„Greenpeace“ or „New York Times“ a person. :func:`make_known_entities` builds spaCy's own
``PhraseMatcher`` from the gazetteer ``pipeline/resources/known_organisations.yml`` (with genitive
forms) and a ``Matcher`` for compounds such as „US-Regierung“ or „Außenministerium“, for
newspapers such as „Hamburger Abendblatt“ and for a country's body („die jemenitische Regierung“,
„Regierung Ungarns“); media whose names are common words are tagged in context („die Zeitung
„Welt““, :func:`media_titles`); a match replaces the NER's overlapping
entities unless the NER already found a longer organisation around it.
It runs at load time for every model (the trained one and ``de_core_news_sm``), so editing the
gazetteer needs no model rebuild.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp.first_names import known_first_name
from pipeline.settings import RESOURCES_DIR

GAZETTEER = RESOURCES_DIR / "known_organisations.yml"
COMPONENT = "projektradar_known_entities"
GENITIVE_ENDINGS = ("", "s", "es")
QUOTE_PAIRS = {"„": "“", '"': '"', "»": "«", "«": "»", "“": "”"}  # opening mark → closing mark
TITLE_TOKENS = 6  # at most this many tokens in a quoted media title
NAME_TOKENS = 4  # at most this many in an unquoted one
MEDIA_TITLE = "media_title"  # knowledge-base id of such an entity: its name may be a common word
_GENITIVE = f"(?:{'|'.join(e for e in GENITIVE_ENDINGS if e)})?"


@cache
def _gazetteer(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def known_names(path: Path = GAZETTEER) -> dict[str, str]:
    """Every gazetteer name → its organisation type (built once: the organisation rules ask for
    every token)."""
    data = _gazetteer(path)
    return {name: org_type for org_type, names in data["organisations"].items() for name in names}


def compound_pattern(path: Path = GAZETTEER) -> str:
    """One token such as „US-Regierung“ or „EU-Verteidigungsministeriums“: a known prefix, a hyphen
    and a word that ends with a known body."""
    data = _gazetteer(path)
    prefixes = "|".join(sorted(map(re.escape, data["prefixes"]), key=len, reverse=True))
    bodies = "|".join(sorted((re.escape(b.lower()) for b in data["bodies"]), key=len, reverse=True))
    return rf"^(?:{prefixes})-(?:[A-ZÄÖÜ][\w-]*?)?(?i:{bodies}){_GENITIVE}$"


def portfolio_pattern(path: Path = GAZETTEER) -> str:
    """One closed compound that names a body by its portfolio or task: „Außenministerium“,
    „Bundesbildungsministeriums“, „Wahlkommission“ (the bare head is none), not a task force or a
    parent's committee („Mordkommission“, „Bundestagsausschuss“: ``task_force_openings``)."""
    data = _gazetteer(path)
    heads = "|".join(sorted(map(re.escape, data["portfolio_heads"]), key=len, reverse=True))
    openings = "|".join(sorted(map(re.escape, data.get("task_force_openings", [])), key=len, reverse=True))
    task_force = rf"(?!(?:{openings})(?:{heads}){_GENITIVE}$)" if openings else ""
    return rf"^{task_force}[A-ZÄÖÜ][a-zäöüß]{{2,}}[a-zäöüß-]*?(?:{heads}){_GENITIVE}$"


def newspaper_pattern(path: Path = GAZETTEER) -> list[dict]:
    """A newspaper named by its town or region and a newspaper's word: „Hamburger Abendblatt“,
    „Sächsische Zeitung“, „des Hamburger Abendblatts“ (Matcher tokens)."""
    heads = _gazetteer(path)["newspaper_heads"]
    return [
        {"TEXT": {"REGEX": r"^[A-ZÄÖÜ][a-zäöüß-]+(?:er|sche)$"}},
        {"TEXT": {"IN": [head + ending for head in heads for ending in GENITIVE_ENDINGS]}},
    ]


@cache
def _single_words(path: Path) -> re.Pattern:
    names = sorted((re.escape(n) for n in known_names(path) if " " not in n), key=len, reverse=True)
    known = rf"^(?:{'|'.join(names)}){_GENITIVE}$"
    return re.compile(f"{known}|{compound_pattern(path)}|{portfolio_pattern(path)}")


@cache
def _hyphenated_names(path: Path) -> dict[str, str]:
    """The gazetteer's names as they open a hyphenated compound: „Air-France“ → „Air France“."""
    return {name.replace(" ", "-"): name for name in known_names(path)}


def compound_organisation(word: str, path: Path = GAZETTEER) -> str:
    """The known organisation that opens a hyphenated compound („SPD“ in „SPD-Vorsitzende“, „ARD“ in
    „ARD-Korrespondent“, „Air France“ in „Air-France-Piloten“), or ``""``: the compound names it
    although its head is something else. The longest name wins; the head is a noun (capitalised):
    „EU-weit“ is an adverb that mentions no body."""
    parts, names = word.split("-"), _hyphenated_names(path)
    for k in range(len(parts) - 1, 0, -1):
        if parts[k][:1].isupper() and (name := names.get("-".join(parts[:k]))):
            return name
    return ""


@cache
def _closed_compound_opening(path: Path) -> re.Pattern:
    names = [
        n for n in known_names(path) if len(n) >= 5 and n.isalpha() and n[0].isupper() and n[1:].islower()
    ]
    return re.compile(rf"^({'|'.join(sorted(names, key=len, reverse=True))})(s?)([a-zäöüß]{{3,}})$")


def closed_compound_organisation(
    word: str, accept_head: Callable[[str], bool], path: Path = GAZETTEER
) -> str:
    """The known organisation that opens a closed compound whose head ``accept_head`` accepts
    („Bundestag“ in „Bundestagsabgeordnete“ when the head must be a role), with or without the
    linking „s“ („Kreml|sprecher“), or ``""``."""
    match = _closed_compound_opening(path).match(word)
    if match is None:
        return ""
    name, link, head = match.groups()
    heads = [link + head, head] if link else [head]
    return name if any(accept_head(h.capitalize()) for h in heads) else ""


def is_known_name(text: str, path: Path = GAZETTEER) -> bool:
    """Whether ``text`` is a gazetteer name as written („Die Linke“, „Der Spiegel“: the article is
    part of these names)."""
    return text in known_names(path)


def is_known_organisation(word: str, path: Path = GAZETTEER) -> bool:
    """A one-word gazetteer name, in the genitive too, or a compound like „US-Regierung“: such a name
    is an organisation although it is also a common noun („Bundesregierung“, „Bundestag“)."""
    return bool(_single_words(path).match(word))


# An adjective that opens a name, by its stem: the suffixes of derived adjectives („europäisch“,
# „international“, „auswärtig“, „paritätisch“) and the plain ones gazetteer names use.
_ADJECTIVE_STEM = re.compile(
    r"^[A-ZÄÖÜ][a-zäöüß-]*(?:isch|lich|ig|al|iv|är|ell|an|ent|ant)$|^(?:Deutsch|Rot|Weiß|Neu|Frei|Grün|Jung|Oberst|Groß|Vereint)$"
)


def weak_adjective_form(words: list[str], ending: str = "en") -> list[str] | None:
    """The name with its leading adjectives in a weak form: ``en`` after an article in the genitive
    and dative („Europäischer Auswärtiger Dienst“ → „Europäischen Auswärtigen Dienst“, as in „des
    Europäischen Auswärtigen Dienstes“; „Rotes Kreuz“ → „Roten Kreuz“), ``e`` after a definite
    article in the nominative and accusative („das Weiße Haus“, „der Europäische Rat“); ``None`` when
    that is the name as written or it opens with no adjective."""
    declined = list(words)
    for i, word in enumerate(words[:-1]):
        stem = next((word[: -len(e)] for e in ("er", "es", "e") if word.endswith(e)), "")
        if not _ADJECTIVE_STEM.match(stem):
            break
        declined[i] = stem + ending
    return declined if declined != words else None


def _head(words: list[str]) -> int:
    """Index of the word that takes the genitive ending: the last before a lower-case word that
    attaches a phrase („Bundesamt für Migration und Flüchtlinge“, „Zentralrat der Juden“), else the
    last word."""
    return next((i - 1 for i in range(1, len(words)) if words[i][:1].islower()), len(words) - 1)


def _inflected(words: list[str]) -> Iterator[list[str]]:
    """The name's words as written, with weak adjectives and with a genitive head (see
    :func:`name_forms`)."""
    head = _head(words)
    for variant in (words, weak_adjective_form(words), weak_adjective_form(words, "e")):
        for ending in GENITIVE_ENDINGS if variant else ():
            yield [*variant[:head], variant[head] + ending, *variant[head + 1 :]]


@cache
def _names_by_form(path: Path) -> dict[str, str]:
    return {" ".join(form): name for name in known_names(path) for form in _inflected(name.split(" "))}


def gazetteer_name(text: str, path: Path = GAZETTEER) -> str:
    """The gazetteer name a declined form stands for („das Rote Kreuz“ → „Rotes Kreuz“, „des Weißen
    Hauses“ → „Weißes Haus“), or ``""``."""
    return _names_by_form(path).get(text, "")


def name_forms(nlp: Language, path: Path = GAZETTEER) -> list[Doc]:
    """Every gazetteer name token by token, its head also in the genitive („Bundestages“, „des
    Bundesamtes für Migration und Flüchtlinge“), and with its leading adjectives declined („des
    Europäischen Parlaments“), as the phrases a ``PhraseMatcher`` looks up (a ``Matcher`` with a
    pattern per name costs a regular expression per name at every token: a minute on a 400-page
    report)."""
    forms = []
    for name in sorted(known_names(path)):
        tokens = nlp.make_doc(name)
        spaces = [bool(t.whitespace_) for t in tokens]
        forms += [
            Doc(nlp.vocab, words=words, spaces=spaces) for words in _inflected([t.text for t in tokens])
        ]
    return forms


ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


@cache
def _national_forms(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(every form of the national bodies, every inflected nationality adjective)."""
    data = _gazetteer(path)
    bodies = frozenset(b + e for b in data["national_bodies"] for e in GENITIVE_ENDINGS)
    return bodies, frozenset(s + e for s in data["nationality_adjectives"] for e in ADJECTIVE_ENDINGS)


def is_nationality_adjective(word: str, path: Path = GAZETTEER) -> bool:
    """„Nordkoreanisches“, „liberianische“: an inflected nationality adjective of the gazetteer."""
    return word.lower() in _national_forms(path)[1]


def is_national_body(adjective: str, word: str, path: Path = GAZETTEER) -> bool:
    """„jemenitische“ „Regierung“: a nationality adjective and a body of the gazetteer's
    ``national_bodies``, which then names that country's body although the word alone is generic."""
    return word in _national_forms(path)[0] and is_nationality_adjective(adjective, path)


def national_body_patterns(path: Path = GAZETTEER) -> dict[str, list[list[dict]]]:
    """``Matcher`` patterns for a country's body named by its kind: under ``adjective`` a nationality
    adjective and the body („jemenitische Regierung“; only the body is the organisation), under
    ``genitive`` the body with the country the NER tagged as a place in the genitive („Regierung
    Ungarns“, „Kenias Regierung“, „Parlament des Kosovo“) or with its seat („Regierung in Khartum“)."""
    body_forms, adjectives = _national_forms(path)
    bodies = [{"TEXT": {"IN": sorted(body_forms)}}]
    country_genitive = {"ENT_TYPE": "LOC", "TEXT": {"REGEX": "s$"}}
    return {
        "adjective": [[{"LOWER": {"IN": sorted(adjectives)}}, *bodies]],
        "genitive": [
            [*bodies, country_genitive],
            [country_genitive, *bodies],
            [*bodies, {"LOWER": {"IN": ["des", "der"]}}, {"ENT_TYPE": "LOC", "OP": "+"}],
            [*bodies, {"LOWER": "in"}, {"ENT_TYPE": "LOC", "OP": "+"}],
        ],
    }


@cache
def media_noun_pattern(path: Path = GAZETTEER) -> re.Pattern:
    """A noun that names a kind of medium („Zeitung“, „Fachmagazins“, „Illustrierten“, „Online-Ausgabe“)."""
    nouns = "|".join(sorted(map(re.escape, _gazetteer(path)["media_nouns"]), key=len, reverse=True))
    return re.compile(rf"^(?=[A-ZÄÖÜ])[\w-]*?(?i:{nouns})(?:s|es|n|en)?$")


def _introduces_title(doc: Doc, opening: int, closing: int, media: re.Pattern) -> bool:
    """Whether the quoted title at ``opening`` … ``closing`` names a medium: after a media noun (an
    article between), after „laut“, or in „dem „Figaro“ zufolge“."""
    before = doc[opening - 1]
    if before.lower_ == "laut" or media.match(before.text):
        return True
    if before.pos_ == "DET" and opening >= 2 and media.match(doc[opening - 2].text):
        return True
    return before.lower_ in ("dem", "der") and closing + 1 < len(doc) and doc[closing + 1].lower_ == "zufolge"


def _place_only_here(doc: Doc, i: int) -> bool:
    """Token ``i``, a NER place, is not in the genitive and is no place anywhere else in ``doc``."""
    word = doc[i].text
    return not word.endswith("s") and not any(
        e.label_ == "LOC" and e.start != i and word in e.text.split() for e in doc.ents
    )


def name_end(doc: Doc, i: int) -> int:
    """End of the proper name right after the noun at ``i`` that says what it names („die Zeitung Sankei
    Shimbun“, „die Drogeriekette Rossmann“): up to :data:`NAME_TOKENS` capitalised words that are proper
    nouns or in an entity; a place's name only as an acronym („Autohersteller BAIC“) or as a word
    neither in the genitive nor a place elsewhere in the text: „die Handelskette Fressnapf“ is a name
    the NER took for a place, „der größte Autohersteller Europas“ and „Flüge der Fluggesellschaft
    Frankreich nicht überfliegen“ (beside „Frankreich hat …“) are places."""
    end = i + 1
    while (
        end < len(doc)
        and end - i <= NAME_TOKENS
        and doc[end].text[:1].isupper()
        and (doc[end].pos_ == "PROPN" or doc[end].ent_type_ in ("PER", "ORG", "MISC", "LOC"))
        and (doc[end].ent_type_ != "LOC" or doc[end].text.isupper() or _place_only_here(doc, end))
    ):
        end += 1
    return end


def media_titles(doc: Doc, media: re.Pattern) -> list[Span]:
    """Newspapers, magazines and broadcasters named in context (``media_nouns`` in the gazetteer): a
    quoted title („laut „Welt““, „des Fachmagazins „Automobilwoche““) or a proper name right after a
    media noun („die Zeitung Sankei Shimbun“) — also where the NER made it a person. A known first
    name after the noun starts no title: „der Zeitung Anna …“ is a person."""
    spans = []
    for token in doc[1:]:
        i = token.i
        if closing := QUOTE_PAIRS.get(token.text):
            window = range(i + 2, min(i + 2 + TITLE_TOKENS, len(doc)))
            end = next((k for k in window if doc[k].text == closing), None)
            if end and doc[i + 1].text[:1].isupper() and _introduces_title(doc, i, end, media):
                spans.append(Span(doc, i + 1, end, "ORG", kb_id=MEDIA_TITLE))
        elif media.match(token.text):
            end = name_end(doc, i)
            if end > i + 1 and not (doc[i + 1].ent_type_ == "PER" and known_first_name(doc[i + 1].text)):
                spans.append(Span(doc, i + 1, end, "ORG", kb_id=MEDIA_TITLE))
    return spans


class KnownOrganisations:
    """Tags gazetteer matches ORG. A match replaces the entities it overlaps (a person „New York
    Times“, a place „Pentagon“) unless an ORG entity already covers it: the NER's „Volkswagen AG“ or
    „Handelsblatt Online“ stay whole."""

    def __init__(self, nlp: Language, name: str, gazetteer: Path):
        self.name = name
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names.add("ORG", name_forms(nlp, gazetteer))
        self.patterns = Matcher(nlp.vocab)
        self.patterns.add(
            "ORG",
            [
                [{"TEXT": {"REGEX": compound_pattern(gazetteer)}}],
                [{"TEXT": {"REGEX": portfolio_pattern(gazetteer)}}],
                newspaper_pattern(gazetteer),
            ],
        )
        national = national_body_patterns(gazetteer)
        self.patterns.add("ORG", national["genitive"])
        self.national_bodies = Matcher(nlp.vocab)
        self.national_bodies.add("ORG", national["adjective"])
        self.media = media_noun_pattern(gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        found = [*self.names(doc), *self.patterns(doc)]
        found += [(key, end - 1, end) for key, _, end in self.national_bodies(doc)]  # without the adjective
        spans = [Span(doc, start, end, "ORG") for _, start, end in found] + media_titles(doc, self.media)
        matches = filter_spans(spans)
        if not matches:
            return doc
        # Each token's entity, so that a match finds what it overlaps without scanning every entity
        # (a long report has thousands of both).
        owner = {i: e for e in doc.ents for i in range(e.start, e.end)}
        for match in matches:
            overlapping = {owner[i] for i in range(match.start, match.end) if i in owner}
            if any(e.label_ == "ORG" and e.start <= match.start and match.end <= e.end for e in overlapping):
                continue
            for e in overlapping:
                for i in range(e.start, e.end):
                    del owner[i]
            owner.update((i, match) for i in range(match.start, match.end))
        doc.ents = sorted(set(owner.values()), key=lambda e: e.start)
        return doc


@Language.factory(
    COMPONENT,
    requires=["doc.ents"],
    assigns=["doc.ents"],
    default_config={"gazetteer": str(GAZETTEER)},
)
def make_known_entities(nlp: Language, name: str, gazetteer: str) -> KnownOrganisations:
    return KnownOrganisations(nlp, name, Path(gazetteer))
