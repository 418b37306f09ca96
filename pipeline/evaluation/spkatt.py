"""The SpkAtt-2023 shared task's own scoring of speech events (task 2, news), written for this project.

The token-level figures of :mod:`pipeline.evaluation.quotes` count every (token, gold event) pair
once over a whole split (micro) and let several predictions share one gold event. The shared task
scores differently, and its published figures (and the issue's targets) are in its terms:

- per article, predicted and gold events are paired one to one (Hungarian assignment) by the F1 of
  their Message tokens, with a bonus of 0.01 for the same form and 0.001 for the same kind of
  report (speech, thought, writing) as tie-breakers; every event of the smaller side is paired, even
  at zero overlap, and the rest stay unpaired;
- each pair (and each unpaired event, against an empty one) gets precision and recall per role over
  its tokens; a role that neither side has gives no value;
- the scores are the **means over events** of those values (macro): Message; Roles (every role but
  the Message, pooled); Joint (all roles, Message included); F1 is the harmonic mean of the two means.

Two subtasks: **full** (every event, nested ones too; roles Addr, Cue, Frame, Source) and
**simplified** (top-level gold events only; the Source as the one role).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

FULL_ROLES = ("Addr", "Cue", "Frame", "Source")
SIMPLIFIED_ROLES = ("Source",)
FORM_BONUS = 0.01
STWR_BONUS = 0.001


@dataclass(frozen=True)
class Event:
    """One speech event as token indices of its article (reading order over all sentences)."""

    message: frozenset[int]
    roles: dict[str, frozenset[int]] = field(default_factory=dict)
    form: str | None = None
    stwr: str | None = None
    nested: bool = False


def message_f1(gold: frozenset[int], predicted: frozenset[int]) -> float:
    both = len(gold & predicted)
    return 2 * both / (len(gold) + len(predicted)) if both else 0.0


def pair_events(gold: Sequence[Event], predicted: Sequence[Event]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs of the one-to-one assignment with the highest total
    Message overlap (form and kind of report break ties)."""
    if not gold or not predicted:
        return []
    scores = np.zeros((len(gold), len(predicted)))
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            overlap = message_f1(g.message, p.message)
            if overlap:
                overlap += FORM_BONUS * (g.form == p.form) + STWR_BONUS * (g.stwr == p.stwr)
            scores[i, j] = overlap
    rows, columns = linear_sum_assignment(scores, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, columns, strict=True)]


@dataclass
class Tally:
    """Per-event precision and recall values per role, to be averaged (macro)."""

    roles: tuple[str, ...]
    precision: dict[str, list[float]] = field(default_factory=dict)
    recall: dict[str, list[float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for role in ("Message", *self.roles):
            self.precision.setdefault(role, [])
            self.recall.setdefault(role, [])

    def add(self, gold: Event | None, predicted: Event | None) -> None:
        for role in ("Message", *self.roles):
            g = _role(gold, role)
            p = _role(predicted, role)
            both = len(g & p)
            if p:
                self.precision[role].append(both / len(p))
            if g:
                self.recall[role].append(both / len(g))

    def score(self, roles: Iterable[str]) -> dict[str, float]:
        roles = list(roles)
        precision = _mean(v for r in roles for v in self.precision[r])
        recall = _mean(v for r in roles for v in self.recall[r])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(100 * precision, 1),
            "recall": round(100 * recall, 1),
            "f1": round(100 * f1, 1),
        }


def _role(event: Event | None, role: str) -> frozenset[int]:
    if event is None:
        return frozenset()
    return event.message if role == "Message" else event.roles.get(role, frozenset())


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def score(articles: Iterable[tuple[Sequence[Event], Sequence[Event]]], *, full: bool) -> dict:
    """Message, Roles and Joint P/R/F1 (%) over ``articles`` (pairs of gold and predicted events),
    and each role's own (``by_role``)."""
    roles = FULL_ROLES if full else SIMPLIFIED_ROLES
    tally = Tally(roles)
    for gold, predicted in articles:
        if not full:
            gold = [g for g in gold if not g.nested]
        pairs = pair_events(gold, predicted)
        for i, j in pairs:
            tally.add(gold[i], predicted[j])
        for j in set(range(len(predicted))) - {j for _, j in pairs}:
            tally.add(None, predicted[j])
        for i in set(range(len(gold))) - {i for i, _ in pairs}:
            tally.add(gold[i], None)
    return {
        "Message": tally.score(["Message"]),
        "Roles": tally.score(roles),
        "Joint": tally.score(["Message", *roles]),
        "by_role": {role: tally.score([role]) for role in roles},
    }
