"""The SpkAtt-2023 scorer on tiny hand-made gold/prediction pairs with known numbers."""

from collections import Counter

from pipeline.evaluation.quotes import GoldEvent, PredictedEvent, count, detokenize, summarise
from pipeline.extract.quote_marks import find_quoted_spans, quoted_segments


def _gold(form, message, source):
    return GoldEvent(form, frozenset(message), frozenset(source))


def _pred(kind, message, source):
    return PredictedEvent(kind, frozenset(message), frozenset(source))


def test_partial_overlap_counts_tokens():
    gold = [_gold("Indirect", range(0, 10), {10, 11})]
    predicted = [_pred("indirect", range(2, 12), {11})]  # 8 of 10 message tokens right, 2 extra
    counts = Counter()
    count(gold, predicted, counts)
    scores = summarise(counts)["overall"]
    assert scores["message"] == {"precision": 80.0, "recall": 80.0, "f1": 80.0}
    assert scores["source"] == {"precision": 100.0, "recall": 50.0, "f1": 66.7}


def test_unmatched_prediction_and_missed_gold():
    gold = [_gold("Direct", {0, 1, 2, 3}, {5}), _gold("Reported", {20, 21}, {22})]
    predicted = [_pred("direct", {0, 1, 2, 3}, {5}), _pred("indirect", {30, 31}, {32})]
    counts = Counter()
    count(gold, predicted, counts)
    scores = summarise(counts)
    assert scores["direct"]["message"]["f1"] == 100.0
    assert scores["indirect"]["message"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert scores["overall"]["message"] == {"precision": 66.7, "recall": 66.7, "f1": 66.7}


def test_prediction_matches_gold_with_largest_overlap_and_tokens_count_once():
    gold = [_gold("Indirect", {0, 1, 2}, {9}), _gold("Indirect", {3, 4, 5, 6}, {8})]
    # overlaps gold 1 more; its source token 9 belongs to gold 0, so it is wrong for gold 1
    predicted = [_pred("indirect", {2, 3, 4, 5}, {9}), _pred("indirect", {3, 4}, {8})]
    counts = Counter()
    count(gold, predicted, counts)
    scores = summarise(counts)["overall"]
    assert scores["message"]["precision"] == 75.0  # 3 of 4 distinct (token, event) pairs
    assert scores["message"]["recall"] == 42.9  # 3 of 7
    assert scores["source"] == {"precision": 50.0, "recall": 50.0, "f1": 50.0}


def test_detokenize_keeps_offsets():
    tokens = ["„", "Wir", "sind", "stolz", "“", ",", "sagte", "sie", "."]
    text, spans = detokenize(tokens)
    assert text == "„Wir sind stolz“, sagte sie."
    assert [text[a:b] for a, b in spans] == tokens


def test_quote_marks_all_styles_and_nesting():
    text = '„A“ und "B" und »C« und «D» und ‚E‘ und “F” und „G” und „H ‚I‘ J“ geht’s.'
    contents = [(text[s.start : s.end], s.depth) for s in find_quoted_spans(text)]
    assert contents == [
        ("A", 0), ("B", 0), ("C", 0), ("D", 0), ("E", 0), ("F", 0), ("G", 0), ("H ‚I‘ J", 0), ("I", 1),
    ]  # fmt: skip


def test_quoted_segments_leave_out_the_interruption():
    text = "„Wir sind stolz“, sagte sie, „und wir machen weiter.“"
    segments = quoted_segments(text, 1, len(text) - 1)
    assert [text[a:b] for a, b in segments] == ["„Wir sind stolz“", "„und wir machen weiter.“"]


def test_addressee_scored_like_the_source():
    gold = [
        GoldEvent("Indirect", frozenset(range(5, 10)), frozenset({0}), frozenset({2, 3})),
        GoldEvent("Direct", frozenset(range(20, 25)), frozenset({26})),  # no addressee
    ]
    predicted = [
        PredictedEvent("indirect", frozenset(range(5, 10)), frozenset({0}), frozenset({3})),
        PredictedEvent("direct", frozenset(range(20, 25)), frozenset({26}), frozenset({28})),
    ]
    counts = Counter()
    count(gold, predicted, counts)
    scores = summarise(counts)
    assert scores["overall"]["addressee"] == {"precision": 50.0, "recall": 50.0, "f1": 50.0}
    assert scores["Indirect"]["addressee"] == {"precision": 100.0, "recall": 50.0, "f1": 66.7}
    assert scores["Direct"]["addressee"]["precision"] == 0.0


def test_speaker_confidence_per_attribution_falls_back_to_the_form_and_to_all():
    from pipeline.evaluation.quotes import MIN_CALIBRATION_QUOTES as N
    from pipeline.evaluation.quotes import calibration

    outcomes = (
        [("indirect/cue/person", True)] * 3 * N
        + [("indirect/cue/person", False)] * N  # 0.75
        + [("indirect/cue/group", True)] * (N - 1)  # too rare: its form's share
        + [("reported/cue/other", False)] * (N - 5)  # rare, and so is its form: all quotes' share
    )
    table = calibration(outcomes)
    indirect = round((4 * N - 1) / (5 * N - 1), 2)
    overall = round((4 * N - 1) / len(outcomes), 2)
    assert table == {
        "by_attribution": {
            "indirect/cue/group": indirect,
            "indirect/cue/person": 0.75,
            "reported/cue/other": overall,
        },
        "otherwise": overall,
    }


def test_brier_score_of_stated_confidence():
    from pipeline.evaluation.quotes import brier
    from pipeline.extract.lexicons import SpeakerConfidence

    stated = SpeakerConfidence({"direct/cue/person": 0.9}, otherwise=0.5)
    outcomes = [("direct/cue/person", True), ("direct/cue/person", False), ("reported/cue/other", True)]
    # (0.1² + 0.9² + 0.5²) / 3 and (0.5² · 3) / 3
    assert brier(outcomes, stated) == {"stated": round((0.01 + 0.81 + 0.25) / 3, 4), "one_share": 0.25}


def _event(message, source=(), *, cue=(), nested=False, form="Indirect"):
    from pipeline.evaluation.spkatt import Event

    roles = {"Source": frozenset(source), "Cue": frozenset(cue)}
    return Event(frozenset(message), roles, form, nested=nested)


def test_shared_task_scoring_is_a_mean_over_paired_events():
    from pipeline.evaluation.spkatt import score

    gold = [_event({1, 2, 3, 4}, {0})]
    # the right event, and one the gold does not have: its precision 0 counts as one event of two
    predicted = [_event({1, 2, 3, 4}, {0}), _event({10, 11}, {9})]
    result = score([(gold, predicted)], full=False)
    assert result["Message"] == {"precision": 50.0, "recall": 100.0, "f1": 66.7}
    assert result["Roles"] == {"precision": 50.0, "recall": 100.0, "f1": 66.7}


def test_shared_task_pairs_one_to_one_by_message_overlap():
    from pipeline.evaluation.spkatt import pair_events

    gold = [_event({0, 1, 2}), _event({3, 4, 5, 6})]
    # the second prediction overlaps both gold events by one token; one to one, it gets the one left
    predicted = [_event({3, 4, 5}), _event({2, 3})]
    assert sorted(pair_events(gold, predicted)) == [(0, 1), (1, 0)]


def test_shared_task_simplified_leaves_out_nested_gold_and_full_counts_every_role():
    from pipeline.evaluation.spkatt import score

    gold = [_event({1, 2, 3}, {0}, cue={4}), _event({2, 3}, {1}, nested=True)]
    predicted = [_event({1, 2, 3}, {0}, cue={4})]
    simplified = score([(gold, predicted)], full=False)
    assert simplified["Message"]["f1"] == 100.0 and simplified["Roles"]["f1"] == 100.0
    full = score([(gold, predicted)], full=True)
    # the missed nested event adds a Message and a Source recall of 0
    assert full["Message"] == {"precision": 100.0, "recall": 50.0, "f1": 66.7}
    assert full["by_role"]["Cue"] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
    assert full["Roles"]["recall"] == round(100 * 2 / 3, 1)  # Source 1 and 0, Cue 1


def test_shared_task_view_of_a_quote_takes_cue_words_and_derives_the_frame():
    from pipeline.evaluation.quotes import Article, PredictedEvent, detokenize, spkatt_event
    from pipeline.extract.records import Quote

    tokens = ["Das", "Ministerium", "teilte", "am", "Montag", "mit", ",", "die", "Lage", "sei", "ernst", "."]
    text, spans = detokenize(tokens)
    article = Article("1", text, spans, sentence_of=[0] * len(tokens))
    message = text.index("die Lage")
    quote = Quote(
        kind="indirect", form="indirect", text="die Lage sei ernst", start=message, end=len(text) - 1
    )
    quote.cue, quote.cue_start, quote.cue_end = "teilte mit", text.index("teilte"), text.index("mit,") + 3
    event = PredictedEvent("indirect", frozenset({7, 8, 9, 10}), frozenset({0, 1}))
    view = spkatt_event(article, quote, event)
    assert view.roles["Cue"] == {2, 5}  # not „am Montag“ between verb and particle
    assert view.roles["Frame"] == {0, 1, 2, 3, 4, 5, 6}  # the sentence outside the message, no final period
    quote.form = "reported"
    assert not spkatt_event(article, quote, event).roles["Cue"]
