"""Quote extraction scored on the SpkAtt-2023 news articles (GermEval 2023, task 2).

``python -m pipeline.evaluation.quotes`` (``make evaluate-quotes``) rebuilds each article's text
from its tokens, runs it through the project's spaCy pipeline (the components and the per-document
code the runner uses), maps predicted quote and speaker character spans back onto the gold tokens
and reports a token-level (micro) form of the shared task's "simplified" metric, beside the task's
own scoring (means over one-to-one paired events, both subtasks: :mod:`pipeline.evaluation.spkatt`):

- only non-nested gold events count;
- each predicted event is matched to the gold event whose Message it overlaps most (no overlap:
  all its tokens are false positives);
- precision/recall/F1 over tokens, for Message and for Source, counted as (token, gold event)
  pairs so two predictions of one gold event never count a token twice; the Addressee (the
  guidelines' ``Addr``, the quote table's ``addressee``) is counted the same way.

Forms are grouped as **direct** (Direct) and **indirect** (Indirect, FreeIndirect,
IndirectFreeIndirect, Reported — everything the reporter paraphrased). Gold Direct messages include
their quotation marks, so direct predictions are scored on their quoted segments with the marks;
an interrupted quote's attribution between its parts is not message. Quotes of kind ``mention``
(titles, mottos) are not speech events and are not scored.

Articles are split once into dev and test halves by a hash of the article id; rules are developed
on dev only (``--split dev`` scores only that half; ``--errors FILE`` writes one JSON line per gold
event with what became of its Source, for error analysis). Data licence CC BY-NC-SA 4.0: evaluation
only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline.evaluation import spkatt
from pipeline.export import atomic_write_text
from pipeline.extract.lexicons import SPEAKER_CONFIDENCE, SpeakerConfidence, default_lexicons
from pipeline.extract.quote_marks import quoted_segments
from pipeline.extract.records import Quote
from pipeline.settings import REPO_DIR, RESOURCES_DIR, SPKATT_ARTICLES, Settings

GROUPS = {
    "Direct": "direct",
    "Indirect": "indirect",
    "FreeIndirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "Reported": "indirect",
}
ROLES = ("message", "source", "addressee")
SHARED_TASK_PARTS = ("Message", "Roles", "Joint")
SENTENCE_END = {".", "!", "?"}
MIN_CALIBRATION_QUOTES = 20
_SHORT = {"message": "Msg", "source": "Src", "addressee": "Addr"}
FORM_GROUP = {"direct": "direct", "indirect": "indirect", "free_indirect": "indirect", "reported": "indirect"}
# The quote table's forms as the gold writes them; a gold IndirectFreeIndirect event (a cued clause
# continued by free indirect sentences) agrees with either.
GOLD_FORMS = {
    "direct": {"Direct"},
    "indirect": {"Indirect", "IndirectFreeIndirect"},
    "free_indirect": {"FreeIndirect", "IndirectFreeIndirect"},
    "reported": {"Reported"},
}
_NO_SPACE_BEFORE = set(",.:;!?)]“”‘%")
_NO_SPACE_AFTER = set("„‚([")


@dataclass
class GoldEvent:
    form: str
    message: frozenset[int]
    source: frozenset[int]
    addressee: frozenset[int] = frozenset()

    @property
    def group(self) -> str:
        return GROUPS.get(self.form, "indirect")


@dataclass
class PredictedEvent:
    kind: str  # the quote's form (direct, indirect, free_indirect, reported)
    message: frozenset[int]
    source: frozenset[int]
    addressee: frozenset[int] = frozenset()


@dataclass
class Article:
    article_id: str
    text: str
    token_spans: list[tuple[int, int]]  # char offsets of every token, in reading order
    gold: list[GoldEvent] = field(default_factory=list)
    events: list[spkatt.Event] = field(default_factory=list)  # every annotation, nested ones too
    sentence_of: list[int] = field(default_factory=list)  # per token, its sentence (as the task gives them)

    @property
    def split(self) -> str:
        digest = hashlib.sha256(self.article_id.encode()).hexdigest()
        return "dev" if int(digest, 16) % 2 == 0 else "test"

    def tokens_in(self, start: int, end: int) -> set[int]:
        return {i for i, (a, b) in enumerate(self.token_spans) if a < end and b > start}


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Readable text from tokens (no space before „,“ or after „„“) with each token's offsets."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    ascii_open = False
    glue_next = True
    for token in tokens:
        opening = token == '"' and not ascii_open
        glue = glue_next or token in _NO_SPACE_BEFORE or (token == '"' and ascii_open)
        if not glue:
            parts.append(" ")
            length += 1
        spans.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
        if token == '"':
            ascii_open = not ascii_open
        glue_next = token in _NO_SPACE_AFTER or opening
    return "".join(parts), spans


def load_article(path: Path) -> Article:
    data = json.loads(path.read_text(encoding="utf-8"))
    keys: list[str] = []
    tokens: list[str] = []
    sentence_of: list[int] = []
    for number, sentence in enumerate(data["Sentences"]):
        for i, token in enumerate(sentence["Tokens"]):
            keys.append(f"{sentence['SentenceId']}:{i}")
            tokens.append(token)
            sentence_of.append(number)
    text, spans = detokenize(tokens)
    index = {key: i for i, key in enumerate(keys)}
    gold = [
        GoldEvent(
            form=a["Form"],
            message=frozenset(index[k] for k in a["Message"]),
            source=frozenset(index[k] for k in a["Source"]),
            addressee=frozenset(index[k] for k in a["Addr"]),
        )
        for a in data["Annotations"]
        if not a["IsNested"] and a["Message"]
    ]
    events = [
        spkatt.Event(
            message=frozenset(index[k] for k in a["Message"]),
            roles={role: frozenset(index[k] for k in a.get(role, [])) for role in spkatt.FULL_ROLES},
            form=a.get("Form"),
            stwr=a.get("STWR"),
            nested=bool(a.get("IsNested")),
        )
        for a in data["Annotations"]
    ]
    return Article(path.name.split(" - ")[0], text, spans, gold, events, sentence_of)


def predicted_events(article: Article, quotes: Iterable[Quote]) -> list[PredictedEvent]:
    """Quotes mapped onto the article's gold tokens (mentions are not speech events)."""
    events = []
    for quote in quotes:
        if quote.form not in FORM_GROUP:
            continue
        if quote.kind == "direct":
            segments = quoted_segments(article.text, quote.start, quote.end)
        else:
            segments = [(quote.start, quote.end)]
        message = set().union(*(article.tokens_in(a, b) for a, b in segments))
        events.append(
            PredictedEvent(
                quote.form,
                frozenset(message),
                _tokens(article, quote.speaker_start, quote.speaker_end),
                _tokens(article, quote.addressee_start, quote.addressee_end),
            )
        )
    return events


def _tokens(article: Article, start: int | None, end: int | None) -> frozenset[int]:
    return frozenset(article.tokens_in(start, end)) if start is not None and end is not None else frozenset()


def match(gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent]) -> list[int]:
    """Per predicted event the index of the gold event its Message overlaps most (-1: none)."""
    matches = []
    for event in predicted:
        overlaps = [len(event.message & g.message) for g in gold]
        best = max(range(len(gold)), key=overlaps.__getitem__) if gold else -1
        matches.append(best if best >= 0 and overlaps[best] else -1)
    return matches


def count(gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent], counts: Counter) -> None:
    """Add one article's token counts per (role, group) to ``counts``."""
    gold_pairs = {
        role: {(t, g) for g, event in enumerate(gold) for t in getattr(event, role)} for role in ROLES
    }
    for role in ROLES:
        for _t, g in gold_pairs[role]:
            counts[role, gold[g].group, "gold"] += 1
            counts[role, gold[g].form, "gold"] += 1
    predicted_pairs: dict[str, dict[tuple[int, int], tuple[str, str | None]]] = {role: {} for role in ROLES}
    for event, best in zip(predicted, match(gold, predicted), strict=True):
        label = (gold[best].group, gold[best].form) if best >= 0 else (FORM_GROUP[event.kind], None)
        for role in ROLES:
            predicted_pairs[role].update({(t, best): label for t in getattr(event, role)})
    for role, pairs in predicted_pairs.items():
        for pair, (group, form) in pairs.items():
            outcome = "tp" if pair in gold_pairs[role] else "fp"
            counts[role, group, outcome] += 1
            if form:
                counts[role, form, outcome] += 1


def source_errors(article: Article, predicted: Sequence[PredictedEvent]) -> list[dict]:
    """One row per gold event and per unmatched prediction, saying what happened to its Source.

    ``status``: ok, partial, wrong, no_speaker (matched without a speaker), missed (no prediction
    overlaps the Message), extra (gold has no Source) or spurious (prediction matches no gold);
    ``lost`` counts the gold Source tokens no matched prediction has.
    """

    def text(tokens: Iterable[int]) -> str:
        return " ".join(article.text[slice(*article.token_spans[t])] for t in sorted(tokens))

    matches = match(article.gold, predicted)
    rows = []
    for g, gold in enumerate(article.gold):
        mine = [event for event, best in zip(predicted, matches, strict=True) if best == g]
        source = frozenset().union(*(e.source for e in mine))
        addressee = frozenset().union(*(e.addressee for e in mine))
        if not mine:
            status = "missed"
        elif not gold.source:
            status = "ok" if not source else "extra"
        elif not source:
            status = "no_speaker"
        elif source == gold.source:
            status = "ok"
        else:
            status = "partial" if source & gold.source else "wrong"
        rows.append(
            {
                "article": article.article_id,
                "form": gold.form,
                "status": status,
                "lost": len(gold.source - source),
                "gold_source": text(gold.source),
                "source": text(source),
                "gold_addressee": text(gold.addressee),
                "addressee": text(addressee),
                "kinds": sorted({e.kind for e in mine}),
                "message": text(gold.message),
            }
        )
    for event, best in zip(predicted, matches, strict=True):
        if best < 0:
            rows.append(
                {
                    "article": article.article_id,
                    "form": None,
                    "status": "spurious",
                    "lost": 0,
                    "gold_source": "",
                    "source": text(event.source),
                    "gold_addressee": "",
                    "addressee": text(event.addressee),
                    "kinds": [event.kind],
                    "message": text(event.message),
                }
            )
    return rows


def prf(counts: Counter, role: str, group: str) -> dict:
    tp = counts[role, group, "tp"]
    fp = counts[role, group, "fp"]
    gold = counts[role, group, "gold"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(100 * precision, 1),
        "recall": round(100 * recall, 1),
        "f1": round(100 * f1, 1),
    }


def summarise(counts: Counter) -> dict:
    """Scores per group for each role (``overall`` sums direct and indirect)."""
    for role in ROLES:
        for kind in ("tp", "fp", "gold"):
            counts[role, "overall", kind] = counts[role, "direct", kind] + counts[role, "indirect", kind]
    groups = ["overall", "direct", "indirect", *GROUPS]
    return {g: {role: prf(counts, role, g) for role in ROLES} for g in groups}


def predict(articles: Sequence[Article], settings: Settings) -> list[list[Quote]]:
    """Quotes per article from the same spaCy pipeline and extraction code the runner uses."""
    from pipeline.extract import extract
    from pipeline.processing import DocumentProcessor, ProcessorConfig

    nlp = DocumentProcessor(ProcessorConfig(settings=settings)).nlp
    docs = nlp.pipe((a.text for a in articles), batch_size=32)
    return [extract(doc, a.article_id).quotes for doc, a in zip(docs, articles, strict=True)]


# The quote table's forms as the shared task names them.
SPKATT_FORMS = {
    "direct": "Direct",
    "indirect": "Indirect",
    "free_indirect": "FreeIndirect",
    "reported": "Reported",
}


def spkatt_event(article: Article, quote: Quote, event: PredictedEvent) -> spkatt.Event:
    """A scored quote as the shared task's scorer sees it, in the annotation guidelines' terms: the
    Cue is the cue's own words (not the words between a verb and its particle), none for reported
    speech (the gold marks none there) or a bare colon; the Frame, which the quote table does not
    store, is the cue's sentence outside the Message, without its final punctuation."""
    cue = frozenset()
    if quote.form != "reported" and any(ch.isalpha() for ch in quote.cue):
        words = set(quote.cue.split())
        cue = frozenset(
            t
            for t in _tokens(article, quote.cue_start, quote.cue_end)
            if article.text[slice(*article.token_spans[t])] in words
        )
    frame: frozenset[int] = frozenset()
    if cue:
        sentences = {article.sentence_of[t] for t in cue}
        span = [t for t, number in enumerate(article.sentence_of) if number in sentences]
        if article.text[slice(*article.token_spans[span[-1]])] in SENTENCE_END:
            span.pop()
        frame = frozenset(span) - event.message
    roles = {"Source": event.source, "Addr": event.addressee, "Cue": cue, "Frame": frame}
    return spkatt.Event(event.message, roles, SPKATT_FORMS[quote.form])


MatchedQuote = tuple[Quote, PredictedEvent, int]  # a speech event and the gold event it matches (-1)


def speech_events(article: Article, quotes: Sequence[Quote]) -> list[MatchedQuote]:
    """The speech events among ``quotes`` (not the mentions), each with its mapping onto the gold
    tokens and the gold event it matches (-1: none)."""
    scored = [q for q in quotes if q.form in FORM_GROUP]
    events = predicted_events(article, scored)
    return list(zip(scored, events, match(article.gold, events), strict=True))


def speaker_outcomes(article: Article, matched: Iterable[MatchedQuote]) -> list[tuple[str, bool]]:
    """``(attribution, right)`` for every speech event with a speaker (of :func:`speech_events`):
    right when the event is one of the gold's and its speaker overlaps that event's Source."""
    return [
        (quote.attribution, best >= 0 and bool(event.source & article.gold[best].source))
        for quote, event, best in matched
        if quote.speaker_start is not None
    ]


def _tally(outcomes: Iterable[tuple[str, bool]], keys: Callable[[str], Iterable[str]]) -> dict[str, Counter]:
    """Right and wrong speakers counted under every key ``keys`` gives an attribution."""
    counts: dict[str, Counter] = {}
    for attribution, right in outcomes:
        for key in keys(attribution):
            counts.setdefault(key, Counter())[right] += 1
    return counts


def _right_share(counts: Counter) -> float:
    return round(counts[True] / (counts[True] + counts[False]), 2)


def calibration(outcomes: Iterable[tuple[str, bool]]) -> dict:
    """The share of right speakers per attribution with at least :data:`MIN_CALIBRATION_QUOTES` quotes,
    else of its form, else of all (``speaker_confidence.yml``'s ``confidence``)."""
    counts = _tally(outcomes, lambda attribution: (attribution, attribution.split("/")[0], ""))

    def share(key: str) -> float | None:
        c = counts.get(key, Counter())
        return _right_share(c) if c[True] + c[False] >= MIN_CALIBRATION_QUOTES else None

    overall = share("") or 0.0
    by_attribution = {
        key: next((v for v in (share(key), share(key.split("/")[0])) if v is not None), overall)
        for key in sorted(k for k in counts if "/" in k)
    }
    return {"by_attribution": by_attribution, "otherwise": overall}


def write_calibration(outcomes: list[tuple[str, bool]], articles: int, settings: Settings) -> None:
    """``speaker_confidence.yml`` from the dev half's outcomes (the test half stays for checking it)."""
    from pipeline.nlp import resolve_model

    model = resolve_model(settings=settings)
    header = (
        "# How often a quote's speaker was right on real news, per way of attribution (form, own\n"
        "# cue or not, speaker type): speech events of the SpkAtt-2023 dev half whose speaker\n"
        "# overlaps the gold Source, among all quotes with a speaker (an event the gold does not\n"
        f"# have counts as wrong). Attributions with fewer than {MIN_CALIBRATION_QUOTES} quotes take\n"
        "# their form's share, else all quotes'. Generated by\n"
        "# `python -m pipeline.evaluation.quotes --calibrate`; `make evaluate-quotes` checks it on\n"
        "# the test half.\n"
    )
    measured = {"articles": articles, "quotes": len(outcomes), "model": f"{model.name} {model.version}"}
    body = {"measured": measured, "confidence": calibration(outcomes)}
    text = header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False)
    atomic_write_text(RESOURCES_DIR / SPEAKER_CONFIDENCE, text)


def brier(outcomes: Sequence[tuple[str, bool]], stated: SpeakerConfidence) -> dict[str, float]:
    """Brier score (lower is better) of the stated confidence, and of stating the dev share of all
    quotes for every quote: what the grouping by attribution adds."""

    def score(confidence) -> float:
        return round(sum((confidence(k) - right) ** 2 for k, right in outcomes) / max(1, len(outcomes)), 4)

    return {"stated": score(stated.of), "one_share": score(lambda _: stated.otherwise)}


def reliability(outcomes: Iterable[tuple[str, bool]], stated: SpeakerConfidence) -> dict:
    """Per attribution: quotes, the confidence the table states, the share of right speakers here."""
    counts = _tally(outcomes, lambda attribution: (attribution,))
    return {
        key: {"quotes": c[True] + c[False], "stated": stated.of(key), "observed": _right_share(c)}
        for key, c in sorted(counts.items())
    }


def evaluate(
    articles: Sequence[Article],
    settings: Settings,
    errors: list[dict] | None = None,
    outcomes: dict[str, list[tuple[str, bool]]] | None = None,
) -> dict:
    """Scores per split present in ``articles``; with ``errors`` given, appends the rows of
    :func:`source_errors` to it; with ``outcomes`` given, sets each split's :func:`speaker_outcomes`."""
    predictions = predict(articles, settings)
    stated = default_lexicons().speaker_confidence
    result = {}
    for split in ("dev", "test"):
        counts: Counter = Counter()
        chosen = [(a, q) for a, q in zip(articles, predictions, strict=True) if a.split == split]
        if not chosen:
            continue
        forms: Counter = Counter()
        speakers: list[tuple[str, bool]] = []
        task: list[tuple[list[spkatt.Event], list[spkatt.Event]]] = []
        for article, quotes in chosen:
            matched = speech_events(article, quotes)
            task.append((article.events, [spkatt_event(article, q, e) for q, e, _ in matched]))
            speakers += speaker_outcomes(article, matched)
            events = [event for _, event, _ in matched]
            count(article.gold, events, counts)
            for _, event, best in matched:
                if best >= 0:
                    forms[article.gold[best].form in GOLD_FORMS[event.kind]] += 1
            if errors is not None:
                errors.extend({"split": split, **row} for row in source_errors(article, events))
        result[split] = {
            "articles": len(chosen),
            "gold_events": sum(len(a.gold) for a, _ in chosen),
            "scores": summarise(counts),
            "shared_task": {
                "simplified": spkatt.score(task, full=False),
                "full": spkatt.score(task, full=True),
            },
            "form_agreement": round(100 * forms[True] / max(1, forms[True] + forms[False]), 1),
            "speaker_confidence": reliability(speakers, stated),
            "speaker_confidence_brier": brier(speakers, stated),
        }
        if outcomes is not None:
            outcomes[split] = speakers
    return result


MEASURES = (("P", "precision"), ("R", "recall"), ("F1", "f1"))


def _cells(scores: dict, parts: Sequence[str]) -> list[str]:
    return [str(scores[part][key]) for part in parts for _, key in MEASURES]


def _markdown_table(key: str, rows: dict, parts: Sequence[str], label: Callable[[str], str]) -> list[str]:
    """P/R/F1 per part (columns) for each row of ``rows``, as Markdown lines."""
    header = " | ".join(f"{label(part)} {short}" for part in parts for short, _ in MEASURES)
    return [
        f"| {key} | {header} |",
        "|---" * (1 + len(MEASURES) * len(parts)) + "|",
        *(f"| {name} | " + " | ".join(_cells(scores, parts)) + " |" for name, scores in rows.items()),
    ]


def _rich_table(title: str, key: str, rows: dict, parts: Sequence[str], label: Callable[[str], str]):
    """The same table for the console."""
    from rich.table import Table

    table = Table(title=title)
    table.add_column(key)
    for part in parts:
        for short, _ in MEASURES:
            table.add_column(f"{label(part)} {short}", justify="right")
    for name, scores in rows.items():
        table.add_row(name, *_cells(scores, parts))
    return table


def markdown(result: dict) -> str:
    lines = [
        "# Quote extraction on SpkAtt-2023 (GermEval 2023, task 2 news, simplified metric)",
        "",
        "Token-level precision/recall/F1 (%) for Message, Source and Addressee; direct = Direct, indirect = "
        "Indirect + FreeIndirect + IndirectFreeIndirect + Reported. Produced by `make evaluate-quotes`.",
        "",
    ]
    for split, data in result.items():
        lines += [
            f"## {split} ({data['articles']} articles, {data['gold_events']} gold events)",
            "",
            *_markdown_table("group", data["scores"], ROLES, str.capitalize),
            "",
            "The shared task's own scoring (`pipeline/evaluation/spkatt.py`: events paired one to one, "
            "means over events; simplified = top-level events, Source; full = nested events too, "
            "roles Addr, Cue, Frame and Source; the Frame is derived from the cue's sentence):",
            "",
            *_markdown_table("subtask", data["shared_task"], SHARED_TASK_PARTS, str),
            "",
            f"`form` agrees with the gold's form on {data['form_agreement']} % of matched events.",
            "",
            "`speaker_confidence` (measured on dev) against the share of right speakers here:",
            "",
            "| attribution | quotes | stated | observed |",
            "|---|---|---|---|",
            *(
                f"| {key} | {row['quotes']} | {row['stated']} | {row['observed']} |"
                for key, row in data["speaker_confidence"].items()
            ),
            "",
            f"Brier score {data['speaker_confidence_brier']['stated']} (one share for all quotes: "
            f"{data['speaker_confidence_brier']['one_share']}).",
            "",
        ]
    return "\n".join(lines)


def print_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for split, data in result.items():
        title = f"SpkAtt-2023 {split}: {data['articles']} articles, {data['gold_events']} events"
        console.print(_rich_table(title, "group", data["scores"], ROLES, _SHORT.__getitem__))
        title = f"SpkAtt-2023 {split}, the shared task's scoring (means over paired events)"
        console.print(_rich_table(title, "subtask", data["shared_task"], SHARED_TASK_PARTS, str))
        console.print(
            f"form (quotes.csv) agrees with the gold's on {data['form_agreement']} % of matched events"
        )
        confidence = Table(title=f"speaker_confidence ({split}): stated and observed share of right speakers")
        for column in ("attribution", "quotes", "stated", "observed"):
            confidence.add_column(column, justify="left" if column == "attribution" else "right")
        for attribution, row in data["speaker_confidence"].items():
            confidence.add_row(attribution, *(str(row[k]) for k in ("quotes", "stated", "observed")))
        console.print(confidence)
        scores = data["speaker_confidence_brier"]
        console.print(f"Brier score {scores['stated']} (one share for all quotes: {scores['one_share']})")


def main(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (of the split)")
    parser.add_argument("--split", choices=("dev", "test"), help="score only this half (faster)")
    parser.add_argument(
        "--errors", type=Path, help="also write one JSON line per gold event and unmatched prediction here"
    )
    parser.add_argument("--out", type=Path, default=REPO_DIR / "outputs" / "evaluation")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help=f"measure speaker confidence on the dev half, write pipeline/resources/{SPEAKER_CONFIDENCE}",
    )
    args = parser.parse_args(argv)
    settings = Settings()
    folder = settings.nlp_data_dir / SPKATT_ARTICLES
    articles = [load_article(p) for p in sorted(folder.glob("*.json"))]
    articles = [a for a in articles if args.split in (None, a.split)][: args.limit]
    if not articles:
        raise SystemExit(f"no SpkAtt-2023 articles in {folder}")
    errors: list[dict] | None = [] if args.errors else None
    outcomes: dict[str, list[tuple[str, bool]]] = {}
    result = evaluate(articles, settings, errors, outcomes)
    print_table(result)
    if args.calibrate:
        write_calibration(outcomes["dev"], len([a for a in articles if a.split == "dev"]), settings)
    atomic_write_text(args.out / "quotes.md", markdown(result))
    atomic_write_text(args.out / "quotes.json", json.dumps(result, indent=2) + "\n")
    if args.errors:
        lines = (json.dumps(row, ensure_ascii=False) for row in errors or [])
        atomic_write_text(args.errors, "".join(f"{line}\n" for line in lines))
    return result


if __name__ == "__main__":
    main()
