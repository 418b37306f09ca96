"""Funding programmes, projects, competitions and campaigns: kept apart from the organisations.

The organisation finder finds them with the organisations (same boundaries, canonical names,
abbreviations and mentions); every name of type Projekt/Programm then leaves the organisations and
becomes a :class:`~pipeline.extract.records.Programme` with its kind and, where the text says so, the
organisations that fund or run it (``programme_kinds`` and ``programme_parties`` in
``resources/organisations.yml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.extract.lexicons import OrganisationLexicon
from pipeline.extract.records import Organisation, Programme
from pipeline.extract.roles import OrgAnchor
from pipeline.extract.tokens import Sentences
from pipeline.nlp.known import is_known_name

PROGRAMME_TYPE = "Projekt/Programm"
DEFAULT_KIND = "Programm"
PARTY_WINDOW = 3  # words between a cue and the organisation it names
_GENITIVE_ARTICLES = {"des", "der"}
_DEFINITE = {"das", "dieses", "des", "dem", "die", "diese", "im", "beim", "vom", "zum"}
_COORDINATED = {"und", "sowie", ",", "der", "die", "das", "dem", "den", "des"}
_AGENT_PREPOSITIONS = {"durch", "von", "vom"}
_AUXILIARIES = {"wird", "werden", "wurde", "wurden", "worden", "ist", "sind", "war", "waren"}
_QUOTES = set("„“”\"'‚‘’»«›‹")


def is_programme(org: Organisation) -> bool:
    """Of type Projekt/Programm and no organisation of the gazetteer („Internationaler Währungsfonds“
    is an organisation although a „-fonds“)."""
    known = any(is_known_name(name) for name in (org.name, org.abbreviation) if name)
    return org.org_type == PROGRAMME_TYPE and not known


@dataclass
class Separated:
    """The organisations that are no programmes (renumbered from 0, so that ``local_id`` is the
    position again) and the programmes; ``organisation_ids`` and ``programme_ids`` map each former
    organisation local id to its new one."""

    organisations: list[Organisation]
    programmes: list[Programme]
    organisation_ids: dict[int, int]
    programme_ids: dict[int, int]


def separate_programmes(
    doc: Doc,
    sentences: Sentences,
    lexicon: OrganisationLexicon,
    orgs: list[Organisation],
    anchors: list[OrgAnchor],
) -> Separated:
    """Every organisation of type Projekt/Programm as a :class:`Programme`, with its kind and the
    organisations the text says fund or run it."""
    programme = [is_programme(o) for o in orgs]
    kept = [o for o, is_one in zip(orgs, programme, strict=True) if not is_one]
    separated = Separated(kept, [], {o.local_id: n for n, o in enumerate(kept)}, {})
    if not any(programme):  # nothing moves, nothing is renumbered
        return separated
    for org, is_one in zip(orgs, programme, strict=True):
        if is_one:
            separated.programme_ids[org.local_id] = len(separated.programmes)
            separated.programmes.append(
                Programme(
                    local_id=len(separated.programmes),
                    name=org.name,
                    abbreviation=org.abbreviation,
                    kind=_kind(doc, lexicon, org),
                    mentions=org.mentions,
                )
            )
    parties = _Parties(doc, sentences, lexicon, [a for a in anchors if a.org in separated.organisation_ids])
    programme_anchors = [a for a in anchors if a.org in separated.programme_ids]
    for anchor in programme_anchors + _described(doc, lexicon, programme_anchors, separated):
        found = separated.programmes[separated.programme_ids[anchor.org]]
        for party, org in parties.of(anchor, found.kind):
            named = found.funder_ids if party == "funder" else found.operator_ids
            if separated.organisation_ids[org] not in named:
                named.append(separated.organisation_ids[org])
    for org in kept:
        org.local_id = separated.organisation_ids[org.local_id]
    return separated


def _described(
    doc: Doc, lexicon: OrganisationLexicon, anchors: list[OrgAnchor], separated: Separated
) -> list[OrgAnchor]:
    """„Getragen wird das Projekt von …“: a definite „das Projekt“, „das Programm“ after the one
    programme of that kind named before, as another anchor of it (for its funders and operators)."""
    named = {i for a in anchors for i in range(a.start, a.end)}
    first = {}
    for a in sorted(anchors):
        first.setdefault(a.org, a.start)
    found = []
    for token in doc:
        kind = lexicon.programme_kind(token.text) if token.pos_ == "NOUN" else ""
        if not kind or token.i in named or token.i == 0 or doc[token.i - 1].lower_ not in _DEFINITE:
            continue
        before = {
            org for org, start in first.items()
            if start < token.i and separated.programmes[separated.programme_ids[org]].kind == kind
        }  # fmt: skip
        if len(before) == 1:
            found.append(OrgAnchor(token.i, token.i + 1, before.pop(), token.text, token.idx + len(token)))
    return found


def kind_by_name(lexicon: OrganisationLexicon, org: Organisation) -> str:
    """The kind of programme the words of the name or the abbreviation name („Bundesprogramm“, „ESF“)."""
    return lexicon.programme_kind(org.name) or lexicon.programme_kind(org.abbreviation)


def _kind(doc: Doc, lexicon: OrganisationLexicon, org: Organisation) -> str:
    """From the name's words, else from the word before the first mention (a quoted title's noun)."""
    kind = kind_by_name(lexicon, org)
    if kind or not org.mentions:
        return kind or DEFAULT_KIND
    first = doc.char_span(org.mentions[0].start, org.mentions[0].end, alignment_mode="expand")
    k = first.start - 1 if first is not None else -1
    while k >= 0 and doc[k].text in _QUOTES:
        k -= 1
    return (lexicon.programme_kind(doc[k].text) if k >= 0 else "") or DEFAULT_KIND


class _Parties:
    """The organisations a sentence says fund or run a programme mentioned in it."""

    def __init__(
        self,
        doc: Doc,
        sentences: Sentences,
        lexicon: OrganisationLexicon,
        org_anchors: list[OrgAnchor],
    ):
        self.doc, self.sentences, self.cues = doc, sentences, lexicon.programme_parties
        self.by_sentence: dict[int, list[OrgAnchor]] = {}
        for anchor in org_anchors:
            self.by_sentence.setdefault(sentences.index(anchor.start), []).append(anchor)

    def of(self, programme: OrgAnchor, kind: str) -> list[tuple[str, int]]:
        """(funder | operator, organisation local id) for one mention of a programme of ``kind``."""
        found = []
        index = self.sentences.index(programme.start)
        previous: tuple[OrgAnchor, str | None] | None = None
        for org in sorted(self.by_sentence.get(index, [])):
            party = self._cue_before(org, programme) or self._passive_agent(org, index)
            if party is None and self._genitive_after(org, programme):
                party = "operator" if kind == "Projekt" else "funder"
            if party is None and previous is not None and self._coordinated(previous[0], org):
                party = previous[1]  # „von der Volkshochschule … und der Wirtschaftsförderung …“
            if party:
                found.append((party, org.org))
            previous = (org, party)
        return found

    def _coordinated(self, first: OrgAnchor, second: OrgAnchor) -> bool:
        between = self.doc[first.end : second.start]
        return (
            len(between) > 0
            and all(t.lower_ in _COORDINATED for t in between)
            and any(t.lower_ in ("und", "sowie") for t in between)
        )

    def _sentence_party(self, index: int) -> str | None:
        """The one kind of party the sentence's cue words name („Getragen wird das Projekt von …“)."""
        parties = {party for token in self.sentences[index] if (party := self._cue(token))}
        return parties.pop() if len(parties) == 1 else None

    def _cue(self, token) -> str | None:
        return self.cues.get(token.lower_) or self.cues.get(token.lemma_.lower())

    def _cue_before(self, org: OrgAnchor, programme: OrgAnchor) -> str | None:
        """„gefördert vom BMFSFJ“, „Träger ist die AWO“: a cue at most :data:`PARTY_WINDOW` words
        before the organisation, not across the programme's name."""
        k, words = org.start - 1, 0
        while k >= 0 and words < PARTY_WINDOW and not programme.start <= k < programme.end:
            token = self.doc[k]
            if token.is_punct:
                return None
            if party := self._cue(token):
                return party
            words += 1
            k -= 1
        return None

    def _passive_agent(self, org: OrgAnchor, index: int) -> str | None:
        """„… das durch M’s Marketing + Kommunikation GmbH initiiert wird“, „von der Stadt gefördert“;
        with the participle elsewhere in the sentence, its one kind of cue („Getragen wird … von …“)."""
        doc = self.doc
        k = org.start - 1
        if k > 0 and doc[k].pos_ == "DET":  # „durch die Stadt“
            k -= 1
        if k < 0 or doc[k].lower_ not in _AGENT_PREPOSITIONS:
            return None
        k = org.end
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 3  # „vom Bundesministerium … (BMFSFJ) gefördert“
        while k < len(doc) and doc[k].lower_ in _AUXILIARIES:
            k += 1
        return (self._cue(doc[k]) if k < len(doc) else None) or self._sentence_party(index)

    def _genitive_after(self, org: OrgAnchor, programme: OrgAnchor) -> bool:
        """„Bundesprogramm „Stark im Beruf“ des BMFSFJ“: the organisation right after the programme."""
        k = programme.end
        while k < org.start and self.doc[k].text in _QUOTES:
            k += 1
        return k + 1 == org.start and self.doc[k].lower_ in _GENITIVE_ARTICLES
